from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404

from cdd_portal.files import services
from cdd_portal.files.models import Attachment


@login_required
def download(request, pk: int):
    """A kept file, only for a user who may see the record it belongs to (404 otherwise: it does not
    exist for them)."""
    item = get_object_or_404(Attachment.objects.select_related("owner_type"), pk=pk)
    if not services.may_see(request.user, item):
        raise Http404
    return services.serve(item)
