"""Foundational-economy service centres (ศูนย์บริการส่งเสริมเศรษฐกิจฐานราก): not built yet."""
