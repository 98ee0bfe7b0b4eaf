"""Benchmark: the national allocation register of one activity (76 provinces, 878 districts + 76
province lines) as XLSX and PDF, medians of alternating runs (9 for XLSX, 5 for PDF), beside bare openpyxl / WeasyPrint on the same content.

Run: .venv/bin/python bench/registers.py   (recreates the PostgreSQL database cdd_bench_registers)
"""

import io
import time
from pathlib import Path

from _setup import compare, prepare

prepare("cdd_bench_registers")


def bare_openpyxl(rows):
    """The same cells written with openpyxl alone: values, the Sarabun font, borders, Thai-digit number
    formats, one SUM per province and a grand total; no database, no app code."""
    from openpyxl import Workbook
    from openpyxl.styles import Border, Font, Side

    wb = Workbook()
    ws = wb.active
    font, thin = Font(name="TH SarabunPSK", size=16), Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    for r, row in enumerate(rows, start=7):
        for c, value in enumerate(row, start=1):
            cell = ws.cell(row=r, column=c, value=value)
            cell.font, cell.border = font, box
            if c == 5:
                cell.number_format = "[$-D00041E]#,##0"
    ws.cell(row=len(rows) + 7, column=5, value=f"=SUM(E7:E{len(rows) + 6})")
    wb.save(io.BytesIO())


def main():
    from weasyprint import HTML

    from budgets import exports
    from budgets.models import Register
    from cdd_portal.accounts.models import User
    from cdd_portal.accounts.services import seed_demo
    from cdd_portal.geo.loader import load_geography
    from tests.generators import national_registers, service_centre_activity

    load_geography()
    seed_demo()
    admin = User.objects.get(username="admin")
    activity = service_centre_activity()
    start = time.perf_counter()
    national_registers(admin, activity)
    print(f"generator: 76 registers, {Register.objects.count()} registers in {time.perf_counter() - start:.1f} s")

    registers = Register.objects.filter(activity=activity)
    context = exports.register_context(activity, registers, None)
    rows = [[line.number, line.name, line.allocation.target_count, line.allocation.target_unit,
             float(line.allocation.amount), line.allocation.note] for b in context["blocks"] for line in b.lines]
    print(f"rows: {len(rows)}")

    xlsx, xlsx_bare = compare(lambda: exports.register_xlsx(exports.register_context(activity, registers, None)),
                              lambda: bare_openpyxl(rows), repeat=9)
    print(f"XLSX app (query + build + save): {xlsx:.3f} s; bare openpyxl, same cells and styles: {xlsx_bare:.3f} s; "
          f"ratio {xlsx / xlsx_bare:.2f}")

    from django.conf import settings
    from django.template.loader import render_to_string

    from cdd_portal.documents.pdf import url_fetcher

    html = render_to_string("budgets/register_pdf.html", {**context, "issuing_office": "กรมการพัฒนาชุมชน",
                                                           "font_dir": Path(settings.SARABUN_FONT_DIR).as_uri()})
    pdf, pdf_bare = compare(lambda: exports.register_pdf(exports.register_context(activity, registers, None),
                                                         issuing_office="กรมการพัฒนาชุมชน"),
                            lambda: HTML(string=html, url_fetcher=url_fetcher()).write_pdf(), repeat=5)
    pages = len(HTML(string=html, url_fetcher=url_fetcher()).render().pages)
    print(f"PDF app ({pages} pages): {pdf:.2f} s; bare WeasyPrint same HTML: {pdf_bare:.2f} s; "
          f"ratio {pdf / pdf_bare:.2f}")


if __name__ == "__main__":
    main()
