import io

import pytest
from openpyxl import load_workbook

from cdd_portal.documents import services as documents
from cdd_portal.documents.tasks import render_job
from reports import selectors, services
from tests.reports.conftest import good_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_approved(officer, neighbour_officer, province_staff, form, period):
    for user in (officer, neighbour_officer):
        s = services.open_submission(user, form, period)
        s, _errors = services.save_draft(user, s, good_data(), version=s.version)
        s = services.submit(user, s, signer_name="ก", signer_position="ข")
        services.approve(province_staff, s)


def test_each_districts_rows_with_a_district_column_and_grand_totals(two_approved, period,
                                                                     django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        data = selectors.consolidation(period, province_code="34")
    groups = next(s for s in data["sections"] if s["key"] == "groups")
    assert [r["district"] for r in groups["rows"]] == ["เมืองอุบลราชธานี"] * 2 + ["ศรีเมืองใหม่"] * 2
    members = [c["key"] for c in groups["columns"]].index("members")
    assert groups["totals"][members] == 2 * 1045
    assert not selectors.consolidation(period, province_code="42")["submissions"]


def test_province_page_and_xlsx(login, api_as, province_staff, two_approved, period,
                                django_capture_on_commit_callbacks):
    page = login(province_staff).get(f"/reports/periods/{period.pk}/consolidated/").content.decode()
    assert "ศรีเมืองใหม่" in page and "๒,๐๙๐" in page
    with django_capture_on_commit_callbacks():
        job, _reused = documents.request_export(province_staff, kind="consolidation",
                                                params={"period": period.pk, "province": "34"}, fmt="xlsx")
    render_job.apply(args=[str(job.pk)])
    job.refresh_from_db()
    ws = load_workbook(io.BytesIO(job.file.read())).active
    values = [c.value for row in ws.iter_rows() for c in row]
    assert "รวมทั้งสิ้น" in values and any(isinstance(v, str) and v.startswith("=SUM(") for v in values)
    assert values.count("ศรีเมืองใหม่") == 2 + 1 + 5 + 1 + 1  # 2 groups, 1 cluster, 5 steps, status, budget


@pytest.mark.parametrize("who", ["officer", "other_province_staff"])
def test_districts_and_other_provinces_cannot_consolidate(request, login, api_as, two_approved, period, who):
    user = request.getfixturevalue(who)
    if who == "officer":
        assert login(user).get(f"/reports/periods/{period.pk}/consolidated/").status_code == 403
    response = api_as(user).post("/api/v1/exports/", {"kind": "consolidation", "format": "pdf", "period": period.pk,
                                                      "province": "34"}, format="json")
    assert response.status_code == 403


def test_the_consolidated_pdf_renders(province_staff, two_approved, period, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks():
        job, _reused = documents.request_export(province_staff, kind="consolidation",
                                                params={"period": period.pk, "province": "34"}, fmt="pdf")
    render_job.apply(args=[str(job.pk)])
    job.refresh_from_db()
    assert job.status == "done", job.error
    assert job.file.read().startswith(b"%PDF")


def test_department_sees_provinces_by_periods(login, viewer, two_approved, form, period,
                                              django_assert_max_num_queries):
    client = login(viewer)
    url = f"/reports/forms/{form.pk}/completeness/?fiscal_year={period.fiscal_year}"
    with django_assert_max_num_queries(10):
        body = client.get(url).content.decode()
    assert 'data-testid="national-grid"' in body and "อุบลราชธานี" in body and "๒/๒๕" in body
    assert body.count("<tr>") >= 77  # header + 76 provinces
