"""What the rosters register adds to the overview page (nothing yet)."""
