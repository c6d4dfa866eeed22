"""What the directives register adds to the overview page (nothing yet)."""
