"""A handover record as a printable PDF (export kind `fund-handover`): the brown book's part 2 (who hands
over to whom, ครั้งที่, date) and part 3 (each fund's status at the handover), the checklist, and the
signature lines of ผู้ส่งมอบ, ผู้รับมอบ and พยาน. Thai digits throughout."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cdd_portal.documents.pdf import render_pdf
from cdd_portal.documents.registry import ExportKind
from funds.handovers import selectors
from funds.handovers.models import Handover, HandoverFund, ItemReceipt


def _pk(params: dict) -> int:
    try:
        return int(str(params.get("handover") or "").strip())
    except ValueError:
        raise ValidationError({"handover": _("ไม่พบบันทึกการส่งมอบ")}) from None


def may_view(user, params: dict) -> bool:
    return selectors.handovers_for(user).filter(pk=params.get("handover")).exists()


def clean(user, params: dict) -> dict:
    cleaned = {"handover": _pk(params)}
    if not Handover.objects.filter(pk=cleaned["handover"]).exists():
        raise ValidationError({"handover": _("ไม่พบบันทึกการส่งมอบ")})
    if not may_view(user, cleaned):
        raise PermissionDenied(_("บันทึกการส่งมอบนี้อยู่นอกขอบเขตของสำนักงานคุณ"))
    return cleaned


def inputs(params: dict) -> object:
    h = Handover.objects.get(pk=params["handover"])
    receipts = ItemReceipt.objects.filter(item__line__handover=h).count()
    return {"updated_at": h.updated_at.isoformat(), "status": h.status, "receipts": receipts}


def _round(line: HandoverFund) -> int:
    """ครั้งที่ of this handover in the fund's book: the records before it (and it), cancelled ones not counted."""
    h = line.handover
    return (HandoverFund.objects.filter(kind_code=line.kind_code, fund_id=line.fund_id)
            .exclude(handover__status=Handover.Status.CANCELLED)
            .filter(Q(handover__date__lt=h.date) | Q(handover__date=h.date, handover_id__lte=h.pk)).count())


def context(handover: Handover) -> dict:
    page = selectors.record_page(handover)
    for entry in page["lines"]:
        entry.round = _round(entry.line)
    office = _("สำนักงานพัฒนาชุมชนอำเภอ%(name)s") % {"name": handover.district.name_th}
    return {"handover": handover, **page, "title": _("บันทึกการส่งมอบงาน"), "issuing_office": office,
            "printed_on": timezone.localdate()}


def render(params: dict, fmt: str, progress) -> tuple[bytes, str]:
    handover = Handover.objects.select_related("district__province", "outgoing_user", "incoming_user").get(
        pk=params["handover"])
    progress(40)
    name = f"handover-{handover.pk}-{handover.date.isoformat()}.pdf"
    return render_pdf("funds/handovers/record_pdf.html", context(handover)), name


FUND_HANDOVER = ExportKind(name="fund-handover", clean=clean, may_view=may_view, inputs=inputs, render=render,
                           formats=("pdf",))
