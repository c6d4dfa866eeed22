"""Database tables of the checkpoints register (none yet)."""
