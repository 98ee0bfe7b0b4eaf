"""Project-level pages: home and the health check."""

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from cdd_portal import health
from cdd_portal.accounts.selectors import home_context


@login_required
def home(request):
    from django.utils import timezone

    from reports.selectors import todo

    return render(request, "home.html", {**home_context(request.user),
                                         "todo": todo(request.user, today=timezone.localdate())})


@never_cache
@require_GET
def healthz(request):
    report = health.check_all()
    return JsonResponse(report, status=200 if report["status"] == "ok" else 503,
                        json_dumps_params={"ensure_ascii": False})
