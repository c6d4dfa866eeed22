"""Sync without a network: signed packages of changes, trusted senders, a deterministic merge.

- :mod:`.keys`: this device's Ed25519 key and fingerprints.
- :mod:`.package`: writing a package (changes since the last one to a destination).
- :mod:`.receive`: checking a package completely, then applying it in one transaction.
- :mod:`.tables`: which tables travel and how their rows are turned into JSON and back.
"""
