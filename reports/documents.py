"""A submission as an export kind of the document pipeline: the paper form as PDF, and as XLSX."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from cdd_portal.documents.pdf import render_pdf
from cdd_portal.documents.registry import ExportKind
from cdd_portal.spreadsheets import CELL_FONT, HEADER_FONT, workbook_bytes
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
    for row in ws.iter_rows():
        for cell in row:
            cell.font = CELL_FONT
    ws["A1"].font = HEADER_FONT
    return workbook_bytes(wb), name


SUBMISSION = ExportKind(name="submission", clean=clean, may_view=may_view, inputs=inputs, render=render)
