"""Database tables of the households register (none yet)."""
