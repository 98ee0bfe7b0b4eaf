"""Fiscal years, projects, allocations and disbursements: issue #3."""
