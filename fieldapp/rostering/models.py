"""Database tables of the rostering register (none yet)."""
