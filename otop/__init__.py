"""OTOP producers, products and occupational groups: not built yet."""
