"""A savings group's register (ทะเบียนกลุ่ม: registry data, the committee in office by division, the members
with their shares) as an export kind of the document pipeline: PDF through WeasyPrint, XLSX through FormSheet.
National ID numbers are printed masked (a paper register leaves the office)."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Max, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from cdd_portal.accounts.scoping import sees_district
from cdd_portal.documents.pdf import render_pdf
from cdd_portal.documents.registry import ExportKind
from cdd_portal.personal import national_id
from cdd_portal.spreadsheets import FormSheet, workbook_bytes
from cdd_portal.thai import thai_date, to_thai_digits
from funds import selectors
from funds.models import SavingsGroup


def _group(params: dict) -> SavingsGroup | None:
    return (SavingsGroup.objects.select_related("district__province", "village__subdistrict")
            .filter(pk=params.get("group")).first())


def may_view(user, params: dict) -> bool:
    group = _group(params)
    return group is not None and sees_district(user, group.district_id)


def clean(user, params: dict) -> dict:
    try:
        pk = int(str(params.get("group") or "").strip())
    except ValueError:
        raise ValidationError({"group": _("กรุณาระบุกลุ่ม")}) from None
    cleaned = {"group": pk}
    if not may_view(user, cleaned):
        raise PermissionDenied(_("กลุ่มนี้อยู่นอกขอบเขตของสำนักงานคุณ"))
    return cleaned


def inputs(params: dict) -> object:
    """What the register depends on: the last change of the group, its committee and its members."""
    group = _group(params)
    stamps = SavingsGroup.objects.filter(pk=group.pk).aggregate(
        members=Max("members__updated_at"), committee=Max("committee__updated_at"),
        n_members=Count("members", distinct=True), n_committee=Count("committee", distinct=True))
    return {"group": str(group.updated_at), **{k: str(v) for k, v in stamps.items()},
            "today": timezone.localdate().isoformat()}


def register_data(group: SavingsGroup) -> dict:
    today = timezone.localdate()
    committee = [
        [c["division"].name, m.position_label, m.name, national_id.masked(m.national_id) or "–",
         thai_date(m.term_start) + (f" – {thai_date(m.term_end)}" if m.term_end else "")]
        for c in selectors.current_committee(group, today) for m in c["members"]]
    members = [
        [n, m.member_no, m.name, national_id.masked(m.national_id) or "–", m.get_kind_display(), m.shares,
         m.joined_on, m.beneficiary_count]
        for n, m in enumerate(group.members.filter(left_on__isnull=True).annotate(
            beneficiary_count=Count("beneficiaries", filter=Q(beneficiaries__ended_on__isnull=True)))
            .order_by("member_no", "id"), start=1)]
    facts = [
        (_("อำเภอ"), f"{group.district.full_name} {group.district.province.full_name}"),
        (_("หมู่บ้านที่ตั้ง"), group.label),
        (_("วันที่ก่อตั้ง"), thai_date(group.founded_on) if group.founded_on else "–"),
        (_("วันรับฝากเงินสัจจะ"), group.savings_day_label or "–"),
        (_("เลขทะเบียน/หนังสือแจ้งจัดตั้ง"), group.registration_ref or "–"),
        (_("พัฒนากรผู้รับผิดชอบ"), group.officer_name or "–"),
        (_("สถานะ"), _("ดำเนินการอยู่") if group.is_active else
         _("เลิกดำเนินการเมื่อ %(d)s %(r)s") % {"d": thai_date(group.stopped_on) if group.stopped_on else "",
                                               "r": group.stop_reason}),
        *selectors.handover_status(group),
    ]
    return {"group": group, "today": today, "facts": facts, "committee": committee, "members": members,
            "keeps_register": group.keeps_member_register}


COMMITTEE_HEADERS = ["ฝ่าย", "ตำแหน่ง", "ชื่อ-สกุล", "เลขประจำตัวประชาชน", "วาระ"]
MEMBER_HEADERS = ["ที่", "สมาชิกเลขที่", "ชื่อ-สกุล", "เลขประจำตัวประชาชน", "ประเภท", "หุ้น", "วันที่เข้าเป็นสมาชิก",
                  "ผู้รับผลประโยชน์"]
MEMBER_KINDS = ["no", "text", "text", "text", "text", "integer", "date", "integer"]


def _xlsx(data: dict) -> bytes:
    wb = Workbook()
    sheet = FormSheet(wb.active, landscape=True)
    sheet.ws.title = _("ทะเบียนกลุ่ม")
    sheet.width = len(MEMBER_HEADERS)
    sheet.title(_("ทะเบียนกลุ่มออมทรัพย์เพื่อการผลิต"))
    sheet.title(data["group"].name, bold=False)
    sheet.title(_("ข้อมูล ณ วันที่ %(d)s") % {"d": thai_date(data["today"])}, bold=False)
    sheet.skip()
    for label, value in data["facts"]:
        sheet.line(f"{label}: {value}")
    sheet.skip()
    sheet.line(_("คณะกรรมการที่อยู่ในตำแหน่ง"), bold=True)
    sheet.header([{"label": _(h), "colspan": 1, "rowspan": 1} for h in COMMITTEE_HEADERS], [])
    for row in data["committee"]:
        sheet.cells(row, ["text"] * len(COMMITTEE_HEADERS))
    if data["keeps_register"]:
        sheet.skip()
        sheet.line(_("ทะเบียนสมาชิก (สมาชิกปัจจุบัน)"), bold=True)
        sheet.header([{"label": _(h), "colspan": 1, "rowspan": 1} for h in MEMBER_HEADERS], [])
        for row in data["members"]:
            sheet.cells(row, MEMBER_KINDS)
    for n, width in enumerate([28, 16, 30, 22, 14, 10, 18, 14], start=1):
        sheet.ws.column_dimensions[get_column_letter(n)].width = width
    return workbook_bytes(wb)


def render(params: dict, fmt: str, progress) -> tuple[bytes, str]:
    group = _group(params)
    data = register_data(group)
    progress(40)
    name = f"savings-group-{group.pk}-{data['today'].isoformat()}.{fmt}"
    if fmt == "xlsx":
        return _xlsx(data), name
    return render_pdf("funds/register_pdf.html", {
        **data, "title": _("ทะเบียนกลุ่มออมทรัพย์เพื่อการผลิต"), "committee_headers": [_(h) for h in COMMITTEE_HEADERS],
        "member_headers": [_(h) for h in MEMBER_HEADERS],
        "issuing_office": _("สำนักงานพัฒนาชุมชนอำเภอ%(name)s") % {"name": group.district.name_th},
        "printed_on": data["today"], "thai_no": to_thai_digits}), name


GROUP_REGISTER = ExportKind(name="savings-group-register", clean=clean, may_view=may_view, inputs=inputs,
                            render=render)
