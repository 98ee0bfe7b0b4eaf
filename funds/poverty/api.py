"""API routes of this app: (prefix, viewset, basename), registered by cdd_portal/api/urls.py."""

ROUTES: list = []
