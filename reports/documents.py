"""A submission as an export kind of the document pipeline: the paper form as PDF, and as XLSX."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from cdd_portal.documents.pdf import render_pdf
from cdd_portal.documents.registry import ExportKind
from cdd_portal.spreadsheets import FormSheet, workbook_bytes
from cdd_portal.thai import thai_date, to_thai_digits
from reports import printing, selectors
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


def context(submission: Submission) -> dict:
    """What the PDF and the XLSX of a submission print: the paper layout of `reports/printing.py`."""
    from reports.selectors import reference_options

    names = {kind: dict(options) for kind, options in reference_options(submission).items()}
    return {"submission": submission, "title": submission.form.title,
            "print_sections": printing.sections(submission.form.schema, submission.data, names),
            "notes": submission.form.schema.get("notes", []),
            "orientation": submission.form.schema.get("orientation", "landscape"),
            "issuing_office": submission.office.name_th, "area": _area(submission.office),
            "printed_on": timezone.localdate()}


def _area(office) -> str:
    return f"{office.name_th} {office.province.full_name}" if office.district_id else office.name_th


def submission_xlsx(ctx: dict) -> bytes:
    """The submission as the paper form: titles, part headings, each section's intro and table with its
    (two-level) header, totals as SUM formulas, sentences, the signature block and the notes."""
    submission = ctx["submission"]
    wb = Workbook()
    sheet = FormSheet(wb.active, landscape=ctx["orientation"] == "landscape")
    sheet.ws.title = _("รายงาน")
    sheet.width = max([len(s.get("kinds") or s.get("titles") or []) for s in ctx["print_sections"]] + [3])
    sheet.title(submission.form.title)
    sheet.title(ctx["area"], bold=False)
    sheet.title(to_thai_digits(_("รอบรายงาน %(p)s") % {"p": submission.period.label}), bold=False)
    for section in ctx["print_sections"]:
        sheet.skip()
        if section["part"]:
            sheet.line(section["part"], bold=True)
        if section["title"]:
            sheet.line(section["title"], bold=True)
        if section.get("intro"):
            sheet.line(section["intro"])
        if section["type"] == "side_by_side":
            sheet.header([{"label": t, "colspan": 1, "rowspan": 1} for t in section["titles"]], [])
            first = sheet.row
            for n, cells in enumerate(section["rows"]):  # a spanning cell is written once and merged down
                spans = {i for i, cell in enumerate(section["rows"][0]) if cell["rowspan"] > 1}
                values = iter("\n".join(cell["lines"]) for cell in cells[1:])
                sheet.cells([n + 1] + [next(values) if n == 0 or i not in spans else None
                                       for i in range(1, len(section["titles"]))], section["kinds"])
            for i, cell in enumerate(section["rows"][0]):
                if cell["rowspan"] > 1:
                    sheet.ws.merge_cells(start_row=first, end_row=first + cell["rowspan"] - 1,
                                         start_column=i + 1, end_column=i + 1)
        elif section["type"] == "checklist":
            for number, checklist in enumerate(section["checklists"], start=1):
                sheet.skip()
                sheet.header([{"label": f"{to_thai_digits(number)}. {to_thai_digits(checklist['title'])}",
                               "colspan": 1, "rowspan": 1}, {"label": _("มี"), "colspan": 1, "rowspan": 1},
                              {"label": _("ไม่มี"), "colspan": 1, "rowspan": 1}], [])
                for group in checklist["groups"]:
                    if group["label"]:
                        sheet.cells([group["label"], None, None], ["text", "text", "text"], bold=True)
                    for entry in group["items"]:
                        sheet.cells([entry["label"], entry["has"], not entry["has"]], ["text", "check", "check"])
                for line in checklist["lines"]:
                    sheet.cells([f"{line['label']}: {line['text']}", None, None], ["text", "text", "text"])
        elif section["type"] == "fields":  # label and typed value, a sentence's figures included
            for line in section["lines"]:
                sheet.cells([line["label"], line["value"] if line["kind"] != "text" else line["text"]],
                            ["text", line["kind"]])
        else:
            first = sheet.header(section["header"], section["subheader"])
            for row in section["rows"]:
                sheet.cells(row, section["kinds"])
            if section.get("totals"):
                sheet.totals(_("รวม"), section["total_columns"], first, sheet.row - 1, len(section["kinds"]),
                             section["kinds"])
    when = thai_date(timezone.localtime(submission.submitted_at).date()) if submission.submitted_at else (
        _("..... เดือน ............ พ.ศ. ......."))
    sheet.signature(submission.signer_name, submission.signer_position, when)
    if ctx["notes"]:
        sheet.skip()
        sheet.line(_("หมายเหตุ :"), bold=True)
        for note in ctx["notes"]:
            sheet.line(f"- {note}")
    for n in range(1, sheet.width + 2):
        sheet.ws.column_dimensions[get_column_letter(n)].width = 7 if n == 1 else 20
    return workbook_bytes(wb)


def render(params: dict, fmt: str, progress) -> tuple[bytes, str]:
    submission = _submission(params)
    name = f"report-{submission.form.code}-{submission.office.code}-{submission.period.start:%Y%m}.{fmt}"
    ctx = context(submission)
    progress(30)
    if fmt == "pdf":
        return render_pdf("reports/submission_pdf.html", ctx), name
    return submission_xlsx(ctx), name


SUBMISSION = ExportKind(name="submission", clean=clean, may_view=may_view, inputs=inputs, render=render)


def _consolidation_scope_ok(user, params: dict) -> bool:
    from cdd_portal.accounts.scoping import sees_whole_province

    return sees_whole_province(user, params.get("province"))


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
    area = (_("จังหวัด%(name)s") % {"name": Province.objects.get(code=params["province"]).name_th}
            if params["province"] else _("ทั้งประเทศ"))
    name = f"consolidated-{period.form.code}-{period.start:%Y%m}-{params['province'] or 'national'}.{fmt}"
    if fmt == "pdf":
        office = _("สำนักงานพัฒนาชุมชน%(area)s") % {"area": area} if params["province"] else _("กรมการพัฒนาชุมชน")
        return render_pdf("reports/consolidated_pdf.html", {**data, "area": area, "issuing_office": office,
                                                            "printed_on": timezone.localdate()}), name
    return consolidation_xlsx(data, area), name


def consolidation_xlsx(data: dict, area: str) -> bytes:
    """Every office's rows under an office column, the grand totals as SUM formulas."""
    period = data["period"]
    wb = Workbook()
    sheet = FormSheet(wb.active)
    sheet.ws.title = _("รายงานรวม")
    unit = _("จังหวัด") if period.form.office_level == "province" else _("อำเภอ")
    sheet.width = max([len(s["columns"]) + 1 + (1 if s["fixed"] else 0) for s in data["sections"]] + [4])
    sheet.title(_("รายงานรวม %(title)s") % {"title": period.form.title})
    sheet.title(to_thai_digits(_("%(area)s รอบรายงาน %(p)s") % {"area": area, "p": period.label}), bold=False)
    for section in data["sections"]:
        sheet.skip()
        sheet.line(section["title"], bold=True)
        span = 2 if section["subheader"] else 1
        lead = [{"label": unit, "colspan": 1, "rowspan": span}]
        if section["fixed"]:
            lead.append({"label": _("ข้อ"), "colspan": 1, "rowspan": span})
        first = sheet.header(lead + section["header"], [c["label"] for c in section["subheader"]])
        kinds = ["text"] + (["no"] if section["fixed"] else []) + [printing.kind_of(c) for c in section["columns"]]
        for row in section["rows"]:
            sheet.cells([row["district"]] + ([row["number"]] if section["fixed"] else []) + row["cells"], kinds)
        if section["has_totals"] and section["rows"]:
            columns = [len(lead) + i + 1 for i, t in enumerate(section["totals"]) if t is not None]
            sheet.totals(_("รวมทั้งสิ้น"), columns, first, sheet.row - 1, len(kinds))
    for n in range(1, sheet.width + 1):
        sheet.ws.column_dimensions[get_column_letter(n)].width = 24 if n == 1 else 18
    return workbook_bytes(wb)


CONSOLIDATION = ExportKind(name="consolidation", clean=clean_consolidation, may_view=_consolidation_scope_ok,
                           inputs=consolidation_inputs, render=render_consolidation)
