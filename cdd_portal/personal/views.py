from django.http import HttpResponse
from django.utils.html import format_html
from django.views.decorators.http import require_POST

from cdd_portal.personal import services


@require_POST
def reveal(request, model_label: str, pk: int, field: str):
    """An htmx fragment: the whole number in place of the masked one (POST, so a prefetch or a crawler
    never writes an audit entry)."""
    value = services.reveal(request.user, model_label, pk, field)
    return HttpResponse(format_html('<span class="national-id revealed">{}</span>', value))
