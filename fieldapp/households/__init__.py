"""Lockdown areas and household rosters: people, health status, isolation, tests, relief."""
