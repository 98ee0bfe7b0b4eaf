"""OTOP producers and products (standards, Product Champion results, segments), the annual registration
round, and occupational groups (กลุ่มอาชีพ) with their committees and clusters."""
