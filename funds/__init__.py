"""Savings-for-production groups and กข.คจ. villages: not built yet."""
