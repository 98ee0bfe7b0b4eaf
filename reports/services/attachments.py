"""Photos and files attached to the row or section of a submission they prove."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from cdd_portal.files.services import check_upload
from reports.models import Attachment, Submission
from reports.services.workflow import _event, _require_edit


def attach(user, submission: Submission, *, section: str, row: str, column: str, upload) -> Attachment:
    """Attach a photo or file to the row (or section) it proves. The same rules as editing apply."""
    _require_edit(user, submission)
    sections = {s["key"]: s for s in submission.form.schema["sections"]}
    if section not in sections:
        raise ValidationError({"section": _("ไม่มีส่วน «%(s)s» ในแบบรายงานนี้") % {"s": section}})
    content_type = check_upload(upload)  # read from the content, not the browser's word
    attachment = Attachment.objects.create(submission=submission, section=section, row=str(row), column=column,
                                           file=upload, original_name=upload.name[:255], content_type=content_type,
                                           size=upload.size, uploaded_by=user)
    _event(submission, user, "attach", submission.status, submission.status,
           changes={"file": attachment.original_name, "section": section, "row": str(row)})
    return attachment
