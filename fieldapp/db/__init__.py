"""The local database: models, connection settings, schema migrations."""
