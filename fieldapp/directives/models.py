"""Database tables of the directives register (none yet)."""
