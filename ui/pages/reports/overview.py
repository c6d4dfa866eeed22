"""What the reports add to the overview page (nothing yet)."""
