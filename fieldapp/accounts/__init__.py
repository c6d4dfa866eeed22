"""User accounts and roles: who may change what, enforced in the core for every write.

See :mod:`fieldapp.accounts.permissions` for the rules and :mod:`fieldapp.accounts.service`
for creating users and signing in.
"""
