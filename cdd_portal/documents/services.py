"""The render-job pipeline: request an export, run it in a worker, reuse a file whose inputs have not
changed, keep the error of a job that failed."""

from __future__ import annotations

import hashlib
import logging
import traceback

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cdd_portal.documents import registry
from cdd_portal.documents.models import RenderJob

log = logging.getLogger(__name__)


def kind_of(name: str) -> registry.ExportKind:
    kind = registry.get(name)
    if kind is None:
        raise ValidationError({"kind": _("ไม่รู้จักเอกสารประเภท «%(kind)s» (มี: %(names)s)")
                               % {"kind": name, "names": ", ".join(registry.names())}})
    return kind


def request_export(user, *, kind: str, params: dict, fmt: str) -> tuple[RenderJob, bool]:
    """Returns (job, reused). A finished job with the same inputs gives its file again; otherwise a new
    job is queued for the worker once this transaction commits."""
    export = kind_of(kind)
    if fmt not in export.formats:
        raise ValidationError({"format": _("รูปแบบต้องเป็น %(formats)s") % {"formats": " หรือ ".join(export.formats)}})
    cleaned = export.clean(user, params)
    if not export.may_view(user, cleaned):
        raise PermissionDenied(_("คุณไม่มีสิทธิ์ส่งออกเอกสารนี้"))
    fp = registry.fingerprint(export, cleaned, fmt)
    done = (RenderJob.objects.filter(kind=kind, format=fmt, fingerprint=fp, status=RenderJob.Status.DONE)
            .exclude(file="").order_by("-finished_at").first())
    if done is not None and done.file.storage.exists(done.file.name):
        return done, True
    pending = RenderJob.objects.filter(kind=kind, format=fmt, fingerprint=fp,
                                       status__in=[RenderJob.Status.QUEUED, RenderJob.Status.RUNNING]).first()
    if pending is not None:
        return pending, True
    job = RenderJob.objects.create(kind=kind, params=cleaned, format=fmt, fingerprint=fp, requested_by=user)
    from cdd_portal.documents.tasks import render_job

    transaction.on_commit(lambda: render_job.delay(str(job.pk)))
    return job, False


def may_view(user, job: RenderJob) -> bool:
    export = registry.get(job.kind)
    return export is not None and export.may_view(user, job.params)


def _set(job_id, **fields) -> None:
    RenderJob.objects.filter(pk=job_id).update(**fields)


def run(job_id: str, *, final_attempt: bool) -> None:
    """Render one job. On an error the job keeps the message; it fails for good on the last attempt
    (and the exception is raised before that so that Celery retries)."""
    job = RenderJob.objects.get(pk=job_id)
    if job.status == RenderJob.Status.DONE:
        return  # a redelivered message after success: nothing to do (idempotent)
    _set(job.pk, status=RenderJob.Status.RUNNING, started_at=timezone.now(), attempts=job.attempts + 1,
         progress=0)
    export = registry.get(job.kind)
    try:
        content, name = export.render(job.params, job.format, lambda pct: _set(job.pk, progress=min(99, pct)))
    except Exception as exc:
        log.exception("render job %s failed", job.pk)
        message = f"{type(exc).__name__}: {exc}"
        _set(job.pk, error=message + "\n" + traceback.format_exc(limit=3),
             status=RenderJob.Status.FAILED if final_attempt else RenderJob.Status.QUEUED,
             finished_at=timezone.now() if final_attempt else None)
        if not final_attempt:
            raise
        return
    job.refresh_from_db()
    job.file.save(f"{job.pk}.{job.format}", ContentFile(content), save=False)
    job.file_name = name
    job.checksum = hashlib.sha256(content).hexdigest()
    job.status = RenderJob.Status.DONE
    job.progress = 100
    job.error = ""
    job.finished_at = timezone.now()
    job.save()
