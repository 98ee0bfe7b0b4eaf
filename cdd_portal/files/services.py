"""The one way files come in and go out.

- `check_upload(upload)` reads the type from the content (PDF by its header, images by Pillow), refuses
  anything else and anything over the size limit, with a Thai message; every app calls it (report
  evidence included).
- `attach(user, owner, upload, purpose=…)` keeps a file with a registry record. The caller's service has
  already decided that the user may change the owner (`scoping.keeps_registry`); this records the file
  and an audit entry.
- `register_owner(Model, visible)` says, for an app's model, which owners a user may see; `serve` and the
  download view use it, so a file is only ever downloaded by someone who may see what it proves.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django.http import FileResponse
from django.utils.translation import gettext as _

from cdd_portal.audit.models import AuditEntry
from cdd_portal.audit.services import record
from cdd_portal.files.models import Attachment

MAX_BYTES = 10 * 1024 * 1024
IMAGE_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
PDF = "application/pdf"
IMAGES_AND_PDF = frozenset({*IMAGE_TYPES.values(), PDF})
IMAGES = frozenset(IMAGE_TYPES.values())

_OWNERS: dict[type[Model], Callable[[object], QuerySet]] = {}


def sniff(upload) -> str | None:
    """The type of an uploaded file read from its content: a PDF by its header, an image by Pillow
    (which reads and verifies it); None for anything else."""
    from PIL import Image, UnidentifiedImageError

    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if head.lstrip(b"\r\n\t ").startswith(b"%PDF-"):
        return PDF
    try:
        with Image.open(upload) as image:
            kind = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return None
    finally:
        upload.seek(0)
    return IMAGE_TYPES.get(kind)


def check_upload(upload, *, allowed: frozenset[str] = IMAGES_AND_PDF, max_bytes: int = MAX_BYTES) -> str:
    """The file's real type, or a ValidationError saying in Thai what is accepted."""
    if upload is None:
        raise ValidationError({"file": _("กรุณาเลือกไฟล์")})
    if upload.size > max_bytes:
        raise ValidationError({"file": _("ไฟล์ใหญ่เกิน %(mb)s MB") % {"mb": max_bytes // (1024 * 1024)}})
    kind = sniff(upload)
    if kind not in allowed:
        if allowed == IMAGES:
            raise ValidationError({"file": _("แนบได้เฉพาะรูปภาพ (JPEG, PNG, WebP)")})
        if allowed == frozenset({PDF}):
            raise ValidationError({"file": _("แนบได้เฉพาะไฟล์ PDF")})
        raise ValidationError({"file": _("แนบได้เฉพาะรูปภาพ (JPEG, PNG, WebP) หรือ PDF")})
    return kind


def attach(user, owner: Model, upload, *, purpose: str, caption: str = "",
           allowed: frozenset[str] = IMAGES_AND_PDF, district_code: str = "") -> Attachment:
    """Keep `upload` with `owner`. The caller has checked that `user` may change `owner`."""
    kind = check_upload(upload, allowed=allowed)
    item = Attachment.objects.create(owner_type=ContentType.objects.get_for_model(owner), owner_id=owner.pk,
                                     purpose=purpose, caption=caption.strip()[:300], file=upload,
                                     original_name=upload.name[:255], content_type=kind, size=upload.size,
                                     uploaded_by=user)
    record(user, AuditEntry.Action.CREATE, owner, district_code=district_code,
           changes={"file": item.original_name, "purpose": purpose})
    return item


def remove(user, item: Attachment, *, district_code: str = "") -> None:
    """Take a file off its record (the caller has checked the user may change the owner)."""
    owner = item.owner
    record(user, AuditEntry.Action.DELETE, owner, district_code=district_code,
           changes={"file": item.original_name, "purpose": item.purpose})
    item.file.delete(save=False)
    item.delete()


def attachments_of(owner: Model, purpose: str | None = None) -> QuerySet[Attachment]:
    qs = Attachment.objects.filter(owner_type=ContentType.objects.get_for_model(owner), owner_id=owner.pk)
    return qs.filter(purpose=purpose) if purpose else qs


def attachments_by_owner(owners: list[Model], purpose: str | None = None) -> dict[int, list[Attachment]]:
    """The files of many owners of one model in one query: {owner pk: [files]}."""
    if not owners:
        return {}
    qs = Attachment.objects.filter(owner_type=ContentType.objects.get_for_model(owners[0]),
                                   owner_id__in=[o.pk for o in owners])
    if purpose:
        qs = qs.filter(purpose=purpose)
    out: dict[int, list[Attachment]] = {o.pk: [] for o in owners}
    for item in qs:
        out[item.owner_id].append(item)
    return out


def register_owner(model: type[Model], visible: Callable[[object], QuerySet]) -> None:
    """`visible(user)` is the queryset of `model` rows the user may see (the app's selector)."""
    _OWNERS[model] = visible


def may_see(user, item: Attachment) -> bool:
    visible = _OWNERS.get(item.owner_type.model_class())
    return visible is not None and visible(user).filter(pk=item.owner_id).exists()


def serve(item) -> FileResponse:
    """An image is shown in the page, anything else downloads; the name is the one it was uploaded with."""
    return FileResponse(item.file.open("rb"), filename=item.original_name, content_type=item.content_type,
                        as_attachment=not item.is_image)
