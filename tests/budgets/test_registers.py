import io
import re
import subprocess
import unicodedata
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import load_workbook

from budgets import exports, selectors, services
from budgets.models import Allocation, Register
from cdd_portal.accounts.models import Office
from cdd_portal.audit.models import AuditEntry
from cdd_portal.geo.models import Province
from tests.generators import national_registers, province_register, service_centre_activity

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity():
    return service_centre_activity()


@pytest.fixture
def ubon(administrator, activity):
    return province_register(administrator, activity, "34")


def test_seed_001_register_reconciles_to_41100(ubon):
    check = services.reconciliation(ubon)
    assert check == {"stated": Decimal("41100.00"), "allocated": Decimal("41100.00"),
                     "difference": Decimal("0.00"), "balanced": True}
    assert ubon.allocations.count() == 26


def test_units_times_rate_and_explicit_amounts():
    assert services.compute_amount(units=25, rate=Decimal("1500"), amount=None) == Decimal("37500.00")
    assert services.compute_amount(units=None, rate=None, amount=Decimal("3600")) == Decimal("3600.00")
    with pytest.raises(ValidationError, match="ไม่เท่ากับ"):
        services.compute_amount(units=2, rate=Decimal("1500"), amount=Decimal("2000"))
    with pytest.raises(ValidationError):
        services.compute_amount(units=None, rate=None, amount=None)


def test_a_mismatch_is_shown_with_both_figures_and_the_difference(administrator, activity):
    # Seed 002's case: parts adding to 9,036,000 against a stated 9,000,000.
    register = services.open_register(administrator, activity=activity, province=Province.objects.get(code="31"),
                                      stated_budget=Decimal("9000000"))
    services.add_allocation(administrator, register, office=Office.objects.get(code="31"), amount=Decimal("9036000"))
    with pytest.raises(ValidationError) as exc:
        services.finalise_register(administrator, register)
    assert exc.value.messages == [
        "ยอดจัดสรรรวม 9,036,000.00 บาท ไม่เท่ากับงบประมาณที่ได้รับ 9,000,000.00 บาท (ต่างกัน 36,000.00 บาท)"]
    register.refresh_from_db()
    assert register.status == Register.Status.DRAFT


def test_finalised_register_is_locked_and_audited(administrator, ubon):
    services.finalise_register(administrator, ubon)
    assert AuditEntry.objects.filter(action="transition", object_type="budgets.register").exists()
    with pytest.raises(ValidationError, match="ยืนยันแล้ว"):
        services.add_allocation(administrator, ubon, office=Office.objects.get(code="34"), line="อื่น",
                                amount=Decimal("1"))


def test_an_office_of_another_province_cannot_be_allocated(administrator, ubon):
    with pytest.raises(ValidationError, match="ไม่อยู่ในจังหวัดอุบลราชธานี"):
        services.add_allocation(administrator, ubon, office=Office.objects.get(code="4201"), amount=Decimal("1"))


def test_only_the_province_office_and_administrators_allocate(activity, province_staff, other_province_staff,
                                                               officer, viewer):
    ubon = Province.objects.get(code="34")
    register = services.open_register(province_staff, activity=activity, province=ubon, stated_budget=Decimal("1"))
    for user in (other_province_staff, officer, viewer):
        with pytest.raises(PermissionDenied):
            services.add_allocation(user, register, office=Office.objects.get(code="3401"), amount=Decimal("1"))
        with pytest.raises(PermissionDenied):
            services.finalise_register(user, register)
    with pytest.raises(PermissionDenied):
        services.open_register(other_province_staff, activity=activity, province=ubon, stated_budget=Decimal("1"))


def test_disbursements_track_spending_and_refuse_overspending(ubon, officer, neighbour_officer, province_staff):
    mine = Allocation.objects.get(register=ubon, office__code="3401")
    services.record_disbursement(officer, mine, date=date(2020, 5, 15), amount=Decimal("1000"), document_no="อบ 0018/123")
    with pytest.raises(ValidationError) as exc:
        services.record_disbursement(officer, mine, date=date(2020, 5, 20), amount=Decimal("600"))
    assert exc.value.message_dict["amount"] == [
        "เบิกจ่ายเกินงบที่ได้รับจัดสรร: จัดสรร 1,500.00 บาท เบิกแล้ว 1,000.00 บาท คงเหลือ 500.00 บาท "
        "แต่ขอเบิก 600.00 บาท"]
    with pytest.raises(PermissionDenied):
        services.record_disbursement(neighbour_officer, mine, date=date(2020, 5, 20), amount=Decimal("1"))
    with pytest.raises(PermissionDenied):
        services.record_disbursement(province_staff, mine, date=date(2020, 5, 20), amount=Decimal("1"))
    row = selectors.with_spent(selectors.allocations_for(officer)).get()
    assert row.spent == Decimal("1000.00") and row.amount == Decimal("1500.00")


def test_allocation_reads_are_scoped(ubon, officer, neighbour_officer, far_officer, province_staff,
                                     other_province_staff, viewer):
    assert [a.office.code for a in selectors.allocations_for(officer)] == ["3401"]
    assert [a.office.code for a in selectors.allocations_for(neighbour_officer)] == ["3402"]
    assert not selectors.allocations_for(far_officer).exists()
    assert selectors.allocations_for(province_staff).count() == 26
    assert not selectors.allocations_for(other_province_staff).exists()
    assert selectors.allocations_for(viewer).count() == 26
    assert list(selectors.registers_for(officer)) == [ubon]
    assert not selectors.registers_for(far_officer).exists()


def test_register_rows_follow_the_seed_order(ubon):
    [block] = selectors.register_blocks(Register.objects.filter(pk=ubon.pk))
    names = [line.name for line in block.lines]
    assert names[0] == "สพจ.อุบลราชธานี (ค่าติดตามและสนับสนุนการดำเนินงาน)"
    assert names[1:4] == ["กุดข้าวปุ้น", "เขมราฐ", "เขื่องใน"]
    assert names[-1] == "เหล่าเสือโก้ก"
    assert [line.number for line in block.lines][:3] == [None, 1, 2] and block.lines[-1].number == 25
    assert block.total == Decimal("41100.00")


def _ubon_context(ubon):
    return exports.register_context(ubon.activity, Register.objects.filter(pk=ubon.pk), "อุบลราชธานี")


def test_register_xlsx_keeps_numbers_formulas_and_thai_formats(ubon):
    wb = load_workbook(io.BytesIO(exports.register_xlsx(_ubon_context(ubon))))
    ws = wb.active
    cells = {c.value: c for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert "ประจำปีงบประมาณ พ.ศ. ๒๕๖๓" in cells
    header = cells["ที่"].row
    amounts = [ws.cell(row=r, column=5).value for r in range(header + 1, header + 27)]
    assert all(isinstance(v, int | float) for v in amounts) and sum(amounts) == 41100
    total_row = cells["รวม"].row
    total = ws.cell(row=total_row, column=5)
    assert total.value == f"=SUM(E{header + 1}:E{header + 26})"
    assert total.number_format == "[$-D00041E]#,##0"
    assert ws.cell(row=header + 2, column=1).value == 1 and ws.cell(row=header + 2, column=1).number_format == \
        "[$-D00041E]0"
    assert ws.cell(row=total_row + 1, column=1).value == "(สี่หมื่นหนึ่งพันหนึ่งร้อยบาทถ้วน)"
    assert ws.cell(row=header + 1, column=2).font.name == "TH SarabunPSK"
    assert ws.print_title_rows == f"${header}:${header}"
    assert str(ws.page_setup.paperSize) == ws.PAPERSIZE_A4


def test_register_pdf_text_has_thai_digits_and_words(ubon, tmp_path):
    pdf = exports.register_pdf(_ubon_context(ubon), issuing_office="สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี")
    path = tmp_path / "register.pdf"
    path.write_bytes(pdf)
    text = unicodedata.normalize("NFKD", subprocess.run(["pdftotext", "-layout", str(path), "-"],
                                                        capture_output=True, text=True, check=True).stdout)
    def has(words: str) -> bool:  # ำ is written decomposed in our PDFs (see cdd_portal/documents)
        return unicodedata.normalize("NFKD", words) in text

    assert has("๔๑,๑๐๐")
    assert has("หนึ่งพันหนึ่งร้อยบาทถ้วน")  # the full words: see the xfail test below
    assert has("ประจำปีงบประมาณ พ.ศ. ๒๕๖๓")
    assert re.search("หน้า ๑ / [๑-๙]", text)
    assert "41,100" not in text
    assert has("สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี")  # every า and ำ extracts as typed
    assert has("พิมพ์เมื่อ ") and re.search("[๐-๙]+ [ก-๙]+ ๒๕[๐-๙]{2}", text)  # a B.E. date in Thai digits
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Sarabun" in fonts and "Sarabun-Bold" in fonts  # embedded: no tofu boxes from a fallback face
    pdftoppm = subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", str(path), str(tmp_path / "p")],
                              check=True)
    assert pdftoppm.returncode == 0


def test_national_register_has_provinces_with_subtotals(administrator, activity):
    national_registers(administrator, activity)
    context = exports.register_context(activity, Register.objects.filter(activity=activity), None)
    assert len(context["blocks"]) == 76
    assert context["total"] == sum((3600 + 1500 * len(Office.objects.filter(province_id=b, level="district"))
                                    for b in Province.objects.filter(in_department=True).values_list("code",
                                                                                                    flat=True)),
                                   Decimal(0))
    ws = load_workbook(io.BytesIO(exports.register_xlsx(context))).active
    subtotals = [c for row in ws.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("รวมจังหวัด")]
    assert len(subtotals) == 76
    assert ws.cell(row=subtotals[0].row, column=5).value.startswith("=SUM(")


def test_pdf_rendering_fetches_nothing_but_our_own_files():
    from cdd_portal.documents.pdf import url_fetcher

    fetcher = url_fetcher()
    for url in ("https://example.com/x.css", "file:///etc/passwd", "http://127.0.0.1/"):
        with pytest.raises(ValueError, match="refused"):
            fetcher.fetch(url)


@pytest.mark.xfail(strict=True, reason="known defect: WeasyPrint's ToUnicode loses some stacked Thai clusters "
                   "(\"(สี่\" extracts as \"่ \"); the page itself renders right (checked as PNG)")
def test_every_thai_cluster_of_the_pdf_extracts_as_typed(ubon, tmp_path):
    path = tmp_path / "register.pdf"
    path.write_bytes(exports.register_pdf(_ubon_context(ubon), issuing_office="สพจ.อุบลราชธานี"))
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert unicodedata.normalize("NFKD", "(สี่หมื่นหนึ่งพันหนึ่งร้อยบาทถ้วน)") in unicodedata.normalize("NFKD", text)


REFERENCE = __import__("pathlib").Path(__file__).parent / "reference" / "register-ubon-page1.png"


def test_first_pdf_page_looks_like_the_reviewed_reference(ubon, tmp_path):
    """Compares a 50-dpi PNG of page 1 with a reference image a person has looked at (Thai glyphs,
    Thai digits, the table). A missing font or a broken layout moves far more than 1 % of the pixels.
    To renew after an intended change: CDD_UPDATE_REFERENCE=1 pytest -k reference, then look at it."""
    import os

    from PIL import Image, ImageChops

    path = tmp_path / "register.pdf"
    path.write_bytes(exports.register_pdf(_ubon_context(ubon), issuing_office="สำนักงานพัฒนาชุมชนจังหวัดอุบลราชธานี",
                                          printed_on=date(2020, 4, 23)))
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", str(path),
                    str(tmp_path / "page1")], check=True)
    page = Image.open(tmp_path / "page1.png").convert("L")
    if os.environ.get("CDD_UPDATE_REFERENCE"):
        page.save(REFERENCE)
    reference = Image.open(REFERENCE).convert("L")
    assert page.size == reference.size
    diff = ImageChops.difference(page, reference).point(lambda v: 255 if v > 64 else 0)
    changed = diff.histogram()[255] / (page.size[0] * page.size[1])
    assert changed < 0.01, f"{changed:.2%} of the pixels differ from the reviewed reference"
