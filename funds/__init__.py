"""Savings-for-production groups (the registry, committees, members) and the fund registries' sub-apps."""
