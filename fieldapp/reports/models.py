"""Database tables of issued reports (none yet)."""
