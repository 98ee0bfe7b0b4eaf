import pytest

from reports import services
from reports.models import Submission

pytestmark = pytest.mark.django_db


def post_data(**overrides):
    data = {
        "groups-0-address": "บ้านหนองบัว หมู่ที่ ๕", "groups-0-name": "กลุ่มทอผ้าลายโบราณ", "groups-0-product": "ผ้าทอ",
        "groups-0-members": "๒๕", "groups-0-otop": "registered",
        "groups-3-address": "บ้านโนน", "groups-3-name": "กลุ่มข้าวอินทรีย์", "groups-3-product": "ข้าว",
        "groups-3-members": "1,020", "groups-3-otop": "not_registered",
        "clusters-0-name": "คลัสเตอร์ผ้าทอ", "clusters-0-kind": "same_product", "clusters-0-groups": "กลุ่มทอผ้า",
        "status-project_status": "in_progress", "process-survey-done": "on",
        "budget-as_of": "๑๕/๙/๒๕๖๓", "budget-received": "๑๒,๐๐๐", "budget-spent": "๙,๐๐๐",
        "signer_name": "นางสาวทดสอบ ใจดี", "signer_position": "พัฒนาการอำเภอ",
    }
    data.update(overrides)
    return data


@pytest.fixture
def draft(officer, form, period):
    return services.open_submission(officer, form, period)


def test_district_sees_its_forms_and_opens_a_period(login, officer, form, period):
    client = login(officer)
    page = client.get("/reports/").content.decode()
    assert "แบบรายงานความก้าวหน้าการดำเนินงานโครงการพัฒนาศักยภาพสัมมาชีพชุมชนสู่ความยั่งยืน" in page
    response = client.post(f"/reports/periods/{period.pk}/open/")
    submission = Submission.objects.get()
    assert response["Location"] == f"/reports/submissions/{submission.pk}/"
    body = client.get(response["Location"]).content.decode()
    assert "๑.๑ ข้อมูลกลุ่มอาชีพเป้าหมาย" in body and "๒.๓ ผลการใช้จ่ายงบประมาณโครงการที่ได้รับจัดสรร" in body
    assert "สำรวจข้อมูลและจัดทำฐานข้อมูลกลุ่มอาชีพเป้าหมาย" in body and "report-form.js" in body


def test_save_with_thai_digits_and_submit(login, officer, draft):
    client = login(officer)
    url = f"/reports/submissions/{draft.pk}/"
    client.post(url, {**post_data(), "version": draft.version, "action": "save"})
    saved = Submission.objects.get()
    assert saved.data["groups"][1]["members"] == 1020 and saved.data["budget"]["percent"] == "75.00"
    assert saved.data["groups__totals"] == {"members": "1045"}
    page = client.get(url).content.decode()
    assert 'value="15/09/2563"' in page and "๑,๐๔๕" in page
    assert 'value="นางสาวทดสอบ ใจดี"' in page  # the signer typed before a draft save is kept too
    client.post(url, {**post_data(), "version": saved.version, "action": "submit"})
    submitted = Submission.objects.get()
    assert submitted.status == "submitted" and submitted.signer_position == "พัฒนาการอำเภอ"


def test_errors_are_shown_in_their_cells_and_nothing_typed_is_lost(login, officer, draft):
    client = login(officer)
    response = client.post(f"/reports/submissions/{draft.pk}/",
                           {**post_data(**{"groups-0-members": "-3", "budget-spent": "15,000"}),
                            "version": draft.version, "action": "submit"})
    body = response.content.decode()
    assert "๑.๑ ข้อมูลกลุ่มอาชีพเป้าหมาย แถวที่ ๑ ช่อง «สมาชิก (คน)»: ต้องไม่ติดลบ" in body
    assert "ช่อง «คิดเป็นร้อยละของงบประมาณที่ได้รับ»: ต้องไม่เกิน ๑๐๐" in body
    assert 'value="-3"' in body
    assert Submission.objects.get().status == "draft"


def test_a_stale_tab_is_told_and_keeps_what_it_typed(login, officer, draft):
    client = login(officer)
    url = f"/reports/submissions/{draft.pk}/"
    client.post(url, {**post_data(), "version": draft.version, "action": "save"})
    stale = client.post(url, {**post_data(**{"groups-0-name": "ชื่อจากแท็บเก่า"}), "version": draft.version,
                              "action": "save"})
    body = stale.content.decode()
    assert stale.status_code == 409 and "มีผู้บันทึกรายงานนี้ไปก่อนแล้ว" in body and "ชื่อจากแท็บเก่า" in body
    assert Submission.objects.get().data["groups"][0]["name"] == "กลุ่มทอผ้าลายโบราณ"


def test_province_returns_then_approves(login, officer, province_staff, draft):
    district, province = login(officer), login(province_staff)
    url = f"/reports/submissions/{draft.pk}/"
    district.post(url, {**post_data(), "version": draft.version, "action": "submit"})
    province.post(url, {"action": "return", "reason": "กรุณาแนบภาพถ่าย"})
    assert Submission.objects.get().status == "returned"
    assert "กรุณาแนบภาพถ่าย" in district.get(url).content.decode()
    district.post(url, {**post_data(), "version": Submission.objects.get().version, "action": "submit"})
    province.post(url, {"action": "approve"})
    approved = Submission.objects.get()
    assert approved.status == "approved"
    district.post(url, {**post_data(**{"groups-0-name": "แก้หลังอนุมัติ"}), "version": approved.version,
                        "action": "save"})
    assert Submission.objects.get().data["groups"][0]["name"] == "กลุ่มทอผ้าลายโบราณ"


@pytest.mark.parametrize("who", ["neighbour_officer", "far_officer", "other_province_staff"])
def test_another_district_or_province_gets_404(request, login, draft, who):
    client = login(request.getfixturevalue(who))
    url = f"/reports/submissions/{draft.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(url, {**post_data(), "version": draft.version, "action": "save"}).status_code == 404
    assert client.post(url, {"action": "approve"}).status_code == 404


def test_province_cannot_write_a_district_report(login, province_staff, draft):
    response = login(province_staff).post(f"/reports/submissions/{draft.pk}/",
                                          {**post_data(), "version": draft.version, "action": "save"})
    assert response.status_code == 403
    assert login(province_staff).post(f"/reports/periods/{draft.period_id}/open/").status_code == 403


def test_completeness_grid_counts_and_fixed_queries(login, officer, neighbour_officer, province_staff, form, period,
                                                    django_assert_max_num_queries):
    services.open_submission(officer, form, period)
    client = login(province_staff)
    url = f"/reports/forms/{form.pk}/completeness/?fiscal_year={period.fiscal_year}"
    with django_assert_max_num_queries(8):
        body = client.get(url).content.decode()
    assert body.count('class="state-draft"') == 1
    assert "เมืองอุบลราชธานี" in body and "เหล่าเสือโก้ก" in body
    services.open_submission(neighbour_officer, form, period)
    with django_assert_max_num_queries(8):
        assert client.get(url).content.decode().count('class="state-draft"') == 2
    assert login(officer).get(url).status_code == 403


def test_review_queue_filters(login, officer, neighbour_officer, province_staff, form, period):
    services.open_submission(officer, form, period)
    services.open_submission(neighbour_officer, form, period)
    client = login(province_staff)
    assert client.get("/reports/", {"fiscal_year": period.fiscal_year}).content.decode().count(
        "/reports/submissions/") == 2
    assert client.get("/reports/", {"fiscal_year": period.fiscal_year, "district": "3402"}).content.decode().count(
        "/reports/submissions/") == 1


def test_bulk_approve_from_the_queue(login, officer, neighbour_officer, province_staff, other_province_staff,
                                     form, period):
    from tests.reports.conftest import good_data

    ids = []
    for user in (officer, neighbour_officer):
        s = services.open_submission(user, form, period)
        s, _errors = services.save_draft(user, s, good_data(), version=s.version)
        ids.append(services.submit(user, s, signer_name="ก", signer_position="ข").pk)
    assert login(other_province_staff).post("/reports/bulk-approve/", {"submission": ids}).status_code == 302
    assert set(Submission.objects.values_list("status", flat=True)) == {"submitted"}
    page = login(province_staff).post("/reports/bulk-approve/", {"submission": ids}, follow=True).content.decode()
    assert "อนุมัติแล้ว 2 รายงาน" in page
    assert set(Submission.objects.values_list("status", flat=True)) == {"approved"}


def test_submission_page_query_count_is_fixed(login, officer, draft, django_assert_max_num_queries):
    from tests.reports.conftest import good_data

    services.save_draft(officer, draft, good_data(), version=draft.version)
    client = login(officer)
    with django_assert_max_num_queries(12):
        assert client.get(f"/reports/submissions/{draft.pk}/").status_code == 200


def test_administrators_edit_definitions_with_a_validated_preview(login, administrator, officer, province_staff,
                                                                  form, draft):
    import json

    client = login(administrator)
    page = client.get(f"/reports/definitions/{form.pk}/").content.decode()
    assert "samma-acheep-progress" in page and "definition-preview" in page
    preview = client.post("/reports/definitions/preview/", {"schema": json.dumps(form.schema)}).content.decode()
    assert "โครงสร้างถูกต้อง" in preview and "๑.๑ ข้อมูลกลุ่มอาชีพเป้าหมาย" in preview
    broken = client.post("/reports/definitions/preview/", {"schema": '{"sections": [}'}).content.decode()
    assert "JSON ไม่ถูกต้อง: บรรทัด 1" in broken
    schema = dict(form.schema, sections=form.schema["sections"][:2])
    response = client.post(f"/reports/definitions/{form.pk}/", {
        "code": form.code, "title": form.title, "period_type": "monthly", "fiscal_years": "2568, 2569",
        "office_level": "district", "due_day": "20", "entry_days_after_due": "30",
        "schema": json.dumps(schema, ensure_ascii=False)})
    newest = form.__class__.objects.filter(code=form.code).order_by("-version").first()
    assert newest.version == 2 and response["Location"] == f"/reports/definitions/{newest.pk}/"  # in use: new version
    for user in (officer, province_staff):
        assert login(user).get(f"/reports/definitions/{form.pk}/").status_code == 403
        assert login(user).post("/reports/definitions/preview/", {"schema": "{}"}).status_code == 403


def test_province_grants_a_lock_exception_after_the_window_closes(login, officer, province_staff, form):
    from datetime import date, timedelta

    from cdd_portal.thai import thai_date

    old = services.generate_periods(form, 2563)[0]  # October 2019: long closed
    submission = services.open_submission(officer, form, old)
    district = login(officer)
    assert "พ้นกำหนดการแก้ไข" in district.get(f"/reports/submissions/{submission.pk}/").content.decode()
    province = login(province_staff)
    page = province.get(f"/reports/submissions/{submission.pk}/").content.decode()
    assert "เปิดให้แก้ไขเป็นกรณีพิเศษ" in page
    until = date.today() + timedelta(days=7)
    province.post(f"/reports/submissions/{submission.pk}/", {"action": "lock_exception",
                                                             "until": f"{until.day}/{until.month}/{until.year + 543}"})
    assert services.lock_reason(Submission.objects.get()) is None
    assert "พ้นกำหนดการแก้ไข" not in district.get(f"/reports/submissions/{submission.pk}/").content.decode()
    assert thai_date(until)  # the date was read as Buddhist era
    assert "เปิดให้แก้ไขเป็นกรณีพิเศษ" not in district.get(f"/reports/submissions/{submission.pk}/").content.decode()


def test_review_queue_query_count_does_not_grow(login, officer, neighbour_officer, province_staff, form, period,
                                                django_assert_max_num_queries):
    services.open_submission(officer, form, period)
    client = login(province_staff)
    url = f"/reports/?fiscal_year={period.fiscal_year}"
    client.get(url)  # the first view of a year generates the periods of the province's own forms
    with django_assert_max_num_queries(8):
        client.get(url)
    services.open_submission(neighbour_officer, form, period)
    with django_assert_max_num_queries(8):
        assert client.get(url).content.decode().count("/reports/submissions/") == 2


def test_a_multi_choice_is_a_set_of_ticks(login, officer):
    from datetime import date

    schema = {"sections": [{"key": "media", "title": "สื่อที่ใช้", "type": "fields", "fields": [
        {"key": "kinds", "label": "ประเภทสื่อ", "type": "multi_choice",
         "choices": [["poster", "โปสเตอร์"], ["radio", "วิทยุชุมชน"], ["line", "LINE"]]}]}]}
    form = services.save_definition(code="multi-test", title="ทดสอบหลายตัวเลือก", period_type="monthly",
                                    schema=schema, fiscal_years=[2569, 2570, 2571], due_day=20)
    today = date.today()
    fiscal = today.year + 543 + (1 if today.month >= 10 else 0)
    period = next(p for p in services.generate_periods(form, fiscal) if p.start <= today <= p.end)
    submission = services.open_submission(officer, form, period)
    client = login(officer)
    url = f"/reports/submissions/{submission.pk}/"
    client.post(url, {"media-kinds": ["poster", "line"], "version": submission.version, "action": "save"})
    assert Submission.objects.get(pk=submission.pk).data["media"]["kinds"] == ["poster", "line"]
    page = client.get(url).content.decode()
    assert 'data-multi name="media-kinds" value="poster" checked' in page
    assert 'data-multi name="media-kinds" value="radio" >' in page


def test_the_editor_keeps_a_province_form_a_province_form_and_the_shipped_file_leaves_it(login, administrator):
    import json

    from reports.models import FormDefinition

    cotton = FormDefinition.objects.get(code="cotton-network-summary")
    client = login(administrator)
    page = client.get(f"/reports/definitions/{cotton.pk}/").content.decode()
    assert '<option value="province" selected>' in page
    once = client.post(f"/reports/definitions/{cotton.pk}/", {
        "code": cotton.code, "title": cotton.title, "period_type": "once", "fiscal_years": "2570",
        "office_level": "province", "entry_days_after_due": "15", "schema": json.dumps(cotton.schema)})
    assert "แบบรายงานครั้งเดียวต้องมีกำหนดส่ง" in once.content.decode()
    client.post(f"/reports/definitions/{cotton.pk}/", {
        "code": cotton.code, "title": cotton.title + " (ฉบับกรม)", "period_type": "once", "fiscal_years": "2570",
        "office_level": "province", "due_date": "๓๑/๘/๒๕๗๐", "entry_days_after_due": "15",
        "schema": json.dumps(cotton.schema)})
    edited = FormDefinition.objects.get(code="cotton-network-summary")
    assert edited.office_level == "province" and edited.due_date.isoformat() == "2027-08-31"
    assert edited.title.endswith("(ฉบับกรม)") and not edited.is_builtin
    services.load_builtin_forms()  # as after the next migrate: the administrator's edit stays
    assert FormDefinition.objects.get(code="cotton-network-summary").title.endswith("(ฉบับกรม)")
