"""Browser side of the pipeline: an export button posts here, a progress bar polls, the file downloads
through an authorised view (never a public media URL)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from cdd_portal.documents import services
from cdd_portal.documents.models import RenderJob

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _visible(request, pk) -> RenderJob:
    job = get_object_or_404(RenderJob, pk=pk)
    if not services.may_view(request.user, job):
        raise Http404
    return job


@login_required
@require_POST
def export(request):
    params = {k: v for k, v in request.POST.items() if k not in {"kind", "format", "csrfmiddlewaretoken"}}
    try:
        job, _reused = services.request_export(request.user, kind=request.POST.get("kind", ""), params=params,
                                               fmt=request.POST.get("format", ""))
    except ValidationError as exc:
        return render(request, "documents/_job.html", {"errors": exc.messages}, status=400)
    except PermissionDenied:
        raise
    return render(request, "documents/_job.html", {"job": job})


@login_required
def job_status(request, pk):
    return render(request, "documents/_job.html", {"job": _visible(request, pk)})


@login_required
def download(request, pk):
    job = _visible(request, pk)
    if job.status != RenderJob.Status.DONE or not job.file:
        raise Http404
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.file_name,
                        content_type=CONTENT_TYPES[job.format])
