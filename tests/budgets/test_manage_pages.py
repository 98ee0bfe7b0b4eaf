"""Budgets kept in the browser: administrators add fiscal years and the plan tree; a province opens the
register of an activity, adds and removes lines and finalises it; nobody else can."""

from decimal import Decimal

import pytest

from budgets import services
from budgets.models import Allocation, FiscalYear, PlanItem, Register
from cdd_portal.accounts.models import Office

pytestmark = pytest.mark.django_db


def _tree(client, year):
    client.post("/budgets/plan/", {"action": "year", "year": str(year)})
    fy = FiscalYear.objects.get(year=year)
    client.post("/budgets/plan/", {"action": "item", "fiscal_year": year, "name": "แผนงานบูรณาการพัฒนาเศรษฐกิจฐานราก"})
    parent = PlanItem.objects.get(fiscal_year=fy, level=1)
    for name in ("โครงการเสริมสร้างเศรษฐกิจฐานราก", "ส่งเสริมศูนย์บริการ", "พัฒนาศักยภาพศูนย์บริการ"):
        client.post("/budgets/plan/", {"action": "item", "fiscal_year": year, "parent": parent.pk, "name": name,
                                       "budget": "๑,๓๑๗,๑๐๐", "unit_label": "อำเภอ", "unit_rate": "1,500"})
        parent = PlanItem.objects.get(fiscal_year=fy, name=name)
    return parent


def test_an_administrator_keeps_fiscal_years_and_the_plan_tree(login, administrator):
    client = login(administrator)
    activity = _tree(client, 2570)
    assert activity.level == PlanItem.Level.ACTIVITY and activity.budget == Decimal("1317100.00")
    assert FiscalYear.objects.get(year=2570).start_date.isoformat() == "2026-10-01"
    page = client.get("/budgets/plan/?fiscal_year=2570").content.decode()
    assert page.index("แผนงานบูรณาการ") < page.index("โครงการเสริมสร้าง") < page.index("กิจกรรม พัฒนาศักยภาพศูนย์บริการ")
    again = client.post("/budgets/plan/", {"action": "year", "year": "๒๕๗๐"}).content.decode()
    assert "มีปีงบประมาณ ๒๕๗๐ แล้ว" in again
    wrong = client.post("/budgets/plan/", {"action": "year", "year": "2026"}).content.decode()
    assert "2500" in wrong or "๒๕๐๐" in wrong  # a Christian-era year is refused


@pytest.mark.parametrize("who", ["province_staff", "officer", "viewer"])
def test_only_administrators_keep_the_plan(request, login, who):
    assert login(request.getfixturevalue(who)).get("/budgets/plan/").status_code == 403


def test_a_province_opens_fills_and_finalises_a_register(login, administrator, province_staff):
    activity = _tree(login(administrator), 2570)
    client = login(province_staff)
    assert "เปิดทะเบียนจัดสรรของกิจกรรม" in client.get("/budgets/").content.decode()
    response = client.post("/budgets/registers/open/", {"activity": activity.pk, "stated_budget": "๔,๕๐๐"})
    register = Register.objects.get()
    assert register.province_id == "34" and response["Location"] == f"/budgets/registers/{register.pk}/"
    url = f"/budgets/registers/{register.pk}/"
    province_office = Office.objects.get(code="34")
    client.post(url, {"office": province_office.pk, "line": "ค่าติดตามผล", "amount": "๑,๕๐๐"})
    client.post(url, {"office": Office.objects.get(code="3401").pk, "units": "1", "rate": "1,500",
                      "target_count": "1", "target_unit": "ศูนย์"})
    wrong = client.post(url, {"office": Office.objects.get(code="3402").pk, "units": "1", "rate": "1,500",
                              "amount": "2,000"}).content.decode()
    assert "ไม่เท่ากับ 1 × 1,500.00 = 1,500.00" in wrong  # the service's rule, shown on the field
    page = client.get(url).content.decode()
    assert "ยอดจัดสรรรวม ๓,๐๐๐ บาท ไม่เท่ากับงบประมาณที่ได้รับ ๔,๕๐๐ บาท (ต่างกัน -๑,๕๐๐ บาท)" in page
    client.post(url, {"office": Office.objects.get(code="3402").pk, "amount": "1,500"})
    extra = Allocation.objects.create(register=register, office=Office.objects.get(code="3403"), amount=Decimal("1"))
    client.post(f"/budgets/allocations/{extra.pk}/remove/")
    assert not Allocation.objects.filter(pk=extra.pk).exists()
    client.post(f"/budgets/registers/{register.pk}/finalise/")
    register.refresh_from_db()
    assert register.status == Register.Status.FINAL
    assert 'data-testid="allocation-form"' not in client.get(url).content.decode()  # final: no more lines
    line = Allocation.objects.filter(register=register).first()
    client.post(f"/budgets/allocations/{line.pk}/remove/")
    assert Allocation.objects.filter(pk=line.pk).exists()


def test_a_line_with_spending_cannot_be_removed(administrator, province_staff, officer):
    from datetime import date

    activity = _tree_direct(administrator)
    register = services.open_register(province_staff, activity=activity, province=Office.objects.get(code="34").province,
                                      stated_budget=Decimal("1500"))
    line = services.add_allocation(province_staff, register, office=officer.office, amount=Decimal("1500"))
    services.record_disbursement(officer, line, date=date(2026, 11, 1), amount=Decimal("100"))
    with pytest.raises(services.ValidationError, match="มีการเบิกจ่ายแล้ว"):
        services.remove_allocation(province_staff, line)


def _tree_direct(admin):
    fy = services.add_fiscal_year(admin, 2570)
    item = None
    for level in (1, 2, 3, 4):
        item = services.add_plan_item(admin, fiscal_year=fy, level=level, name=f"ระดับ {level}", parent=item)
    return item


@pytest.mark.parametrize("who", ["other_province_staff", "officer", "neighbour_officer", "viewer"])
def test_others_cannot_open_add_or_remove(request, login, administrator, province_staff, who):
    activity = _tree_direct(administrator)
    register = services.open_register(province_staff, activity=activity, province=Office.objects.get(code="34").province,
                                      stated_budget=Decimal("1500"))
    line = services.add_allocation(province_staff, register, office=Office.objects.get(code="3401"),
                                   amount=Decimal("1500"))
    user = request.getfixturevalue(who)
    client = login(user)
    opened = client.post("/budgets/registers/open/", {"activity": activity.pk, "stated_budget": "1"})
    if who == "other_province_staff":  # opens its own province's register, never Ubon's
        assert Register.objects.get(activity=activity, province_id="42") and Register.objects.count() == 2
    else:
        assert opened.status_code == 403
    assert client.post(f"/budgets/registers/{register.pk}/", {"office": line.office_id, "amount": "1"}).status_code in {
        403, 404}
    assert client.post(f"/budgets/allocations/{line.pk}/remove/").status_code in {403, 404}
    assert Allocation.objects.filter(pk=line.pk).exists() and Allocation.objects.count() == 1
