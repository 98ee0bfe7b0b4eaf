"""A submission as an export kind of the document pipeline: the paper form as PDF, and as XLSX."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from cdd_portal.documents.pdf import render_pdf
from cdd_portal.documents.registry import ExportKind
from cdd_portal.spreadsheets import HEADER_FONT, set_body_font, workbook_bytes
from reports import selectors, webforms
from reports.models import Submission


def _submission(params: dict) -> Submission:
    return Submission.objects.select_related("form", "period", "office__district", "office__province").get(
        pk=params["submission"])


def may_view(user, params: dict) -> bool:
    return selectors.submissions_for(user).filter(pk=params.get("submission")).exists()


def clean(user, params: dict) -> dict:
    try:
        pk = int(params.get("submission"))
    except (TypeError, ValueError) as exc:
        raise ValidationError({"submission": _("กรุณาระบุรายงาน (รหัสตัวเลข)")}) from exc
    if not Submission.objects.filter(pk=pk).exists():
        raise ValidationError({"submission": _("ไม่พบรายงานรหัส %(id)s") % {"id": pk}})
    if not may_view(user, {"submission": pk}):
        raise PermissionDenied(_("รายงานนี้อยู่นอกขอบเขตของสำนักงานคุณ"))
    return {"submission": pk}


def inputs(params: dict) -> object:
    s = _submission(params)
    return [s.version, s.status, s.form_id, s.signer_name, s.signer_position]


def _choice_label(cell: dict):
    value = cell.get("value")
    if cell["type"] == "choice":
        return dict((str(v), lbl) for v, lbl in cell["choices"]).get(str(value), value)
    if cell["type"] == "check":
        return "✓" if value else ""
    return value


def context(submission: Submission) -> dict:
    sections = webforms.page_sections(submission.form.schema, submission.data, [])
    for section in sections:
        for cell in section.get("fields", []):
            cell["shown"] = _choice_label(cell)
        for row in section.get("rows", []):
            for cell in row["cells"]:
                cell["shown"] = _choice_label(cell)
    return {"submission": submission, "sections": sections, "title": submission.form.title,
            "issuing_office": submission.office.name_th, "printed_on": timezone.localdate()}


def render(params: dict, fmt: str, progress) -> tuple[bytes, str]:
    submission = _submission(params)
    name = f"report-{submission.form.code}-{submission.office.code}-{submission.period.start:%Y%m}.{fmt}"
    ctx = context(submission)
    progress(30)
    if fmt == "pdf":
        return render_pdf("reports/submission_pdf.html", ctx), name
    wb = Workbook()
    ws = wb.active
    ws.title = "รายงาน"
    ws.append([submission.form.title])
    ws.append([f"{submission.office.name_th} รอบ {submission.period.label}"])
    for section in ctx["sections"]:
        ws.append([])
        ws.append([section["title"]])
        if section["type"] == "fields":
            for cell in section["fields"]:
                ws.append([cell["label"], cell["shown"]])
        else:
            ws.append(["ที่"] + [c["label"] for c in section["columns"]])
            for n, row in enumerate(section["rows"], start=1):
                ws.append([row["label"] or n] + [c["shown"] for c in row["cells"]])
    ws.append([])
    ws.append(["ผู้รายงาน", submission.signer_name, "ตำแหน่ง", submission.signer_position])
    set_body_font(ws)
    ws["A1"].font = HEADER_FONT
    return workbook_bytes(wb), name


SUBMISSION = ExportKind(name="submission", clean=clean, may_view=may_view, inputs=inputs, render=render)


def _consolidation_scope_ok(user, params: dict) -> bool:
    from cdd_portal.accounts.scoping import scope_of

    return scope_of(user).sees_whole_province(params.get("province"))


def clean_consolidation(user, params: dict) -> dict:
    from reports.models import Period

    try:
        pk = int(params.get("period"))
    except (TypeError, ValueError) as exc:
        raise ValidationError({"period": _("กรุณาระบุรอบรายงาน (รหัสตัวเลข)")}) from exc
    if not Period.objects.filter(pk=pk).exists():
        raise ValidationError({"period": _("ไม่พบรอบรายงานรหัส %(id)s") % {"id": pk}})
    cleaned = {"period": pk, "province": str(params["province"]) if params.get("province") else None}
    if not _consolidation_scope_ok(user, cleaned):
        raise PermissionDenied(_("รายงานรวมนี้อยู่นอกขอบเขตของสำนักงานคุณ"))
    return cleaned


def consolidation_inputs(params: dict) -> object:
    qs = Submission.objects.filter(period_id=params["period"], status="approved")
    if params["province"]:
        qs = qs.filter(office__province_id=params["province"])
    return list(qs.order_by("id").values_list("id", "version"))


def render_consolidation(params: dict, fmt: str, progress) -> tuple[bytes, str]:
    from cdd_portal.geo.models import Province
    from reports.models import Period

    period = Period.objects.select_related("form").get(pk=params["period"])
    data = selectors.consolidation(period, province_code=params["province"])
    progress(40)
    area = f"จังหวัด{Province.objects.get(code=params['province']).name_th}" if params["province"] else "ทั้งประเทศ"
    name = f"consolidated-{period.form.code}-{period.start:%Y%m}-{params['province'] or 'national'}.{fmt}"
    if fmt == "pdf":
        office = f"สำนักงานพัฒนาชุมชน{area}" if params["province"] else "กรมการพัฒนาชุมชน"
        return render_pdf("reports/consolidated_pdf.html", {**data, "area": area, "issuing_office": office,
                                                            "printed_on": timezone.localdate()}), name
    wb = Workbook()
    ws = wb.active
    ws.title = "รายงานรวม"
    ws.append([f"รายงานรวม {period.form.title}"])
    ws.append([f"{area} รอบ {period.label}"])
    for section in data["sections"]:
        ws.append([])
        ws.append([section["title"]])
        ws.append(["อำเภอ"] + (["กระบวนการ/ขั้นตอน"] if section["fixed"] else []) + [c["label"] for c in section["columns"]])
        first = ws.max_row + 1
        for row in section["rows"]:
            cells = [int(v) if isinstance(v, str) and v.isdigit() else v for v in row["cells"]]
            ws.append([row["district"]] + ([row["label"]] if section["fixed"] else []) + cells)
        if section["has_totals"] and section["rows"]:
            offset = 2 if section["fixed"] else 1
            total_row = ["รวมทั้งสิ้น"] + ([""] if section["fixed"] else [])
            for index, total in enumerate(section["totals"]):
                column = get_column_letter(offset + index + 1)
                total_row.append(f"=SUM({column}{first}:{column}{ws.max_row})" if total is not None else None)
            ws.append(total_row)
    set_body_font(ws)
    return workbook_bytes(wb), name


CONSOLIDATION = ExportKind(name="consolidation", clean=clean_consolidation, may_view=_consolidation_scope_ok,
                           inputs=consolidation_inputs, render=render_consolidation)
