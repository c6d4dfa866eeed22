"""What the households register adds to the overview page (nothing yet)."""
