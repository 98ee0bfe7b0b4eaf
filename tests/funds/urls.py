"""The site's URLs plus the savings-group API routes (funds.api.ROUTES) that the API router does not
register yet: the tests of these endpoints run before and after the lead wires them (then this adds nothing)."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from cdd_portal.api.urls import router as api_router
from cdd_portal.urls import urlpatterns as site
from funds.api import ROUTES

_registered = {prefix for prefix, *_rest in api_router.registry}
_extra = SimpleRouter()
for _prefix, _viewset, _basename in ROUTES:
    if _prefix not in _registered:
        _extra.register(_prefix, _viewset, basename=_basename)

urlpatterns = [path("api/v1/", include(_extra.urls)), *site]
