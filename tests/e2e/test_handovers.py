"""The brown book's officer handover as two officers of อำเภอเมืองอุบลราชธานี live it: d3401 hands the
district's two savings groups over to a colleague, ticks what is handed over (one group's loan contracts
are missing) and signs; the colleague signs with their own login, then sees the record and the groups as
theirs, with the missing contracts flagged until they record them received.

The fund kind is a test-only one over funds.SavingsGroup (the real kinds belong to other apps). The
clock stands on 15 January 2025 (B.E. 2568)."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from cdd_portal.accounts.models import Role
from cdd_portal.geo.models import District
from funds import kinds
from funds.handovers.models import Handover, Responsibility
from funds.models import SavingsGroup
from tests.conftest import make_user
from tests.e2e.conftest import log_in
from tests.funds.handovers.conftest import KIND, TEST_KIND

GROUPS = ("กลุ่มออมทรัพย์บ้านนาโพธิ์", "กลุ่มออมทรัพย์บ้านหนองบัว")


@pytest.fixture
def fund_kind():
    before = dict(kinds._KINDS)
    kinds.register(TEST_KIND)
    yield TEST_KIND
    kinds._KINDS.clear()
    kinds._KINDS.update(before)


@pytest.fixture
def mid_january(time_machine, settings):
    time_machine.move_to(datetime(2025, 1, 15, 9, 0, tzinfo=ZoneInfo("Asia/Bangkok")))
    settings.SESSION_EXPIRE_AT_BROWSER_CLOSE = True
    settings.CSRF_USE_SESSIONS = True


def test_an_officer_hands_the_groups_over_and_both_sign(page, live_server, geography, mid_january, fund_kind):
    make_user("d3401", "3401", Role.DISTRICT_OFFICER, position="นักวิชาการพัฒนาชุมชน", last_name="ส่งมอบ")
    make_user("d3401-b", "3401", Role.DISTRICT_OFFICER, position="พัฒนากรปฏิบัติการ", last_name="รับมอบ")
    district = District.objects.get(pk="3401")
    for name in GROUPS:
        SavingsGroup.objects.create(district=district, name=name)
    page.on("dialog", lambda dialog: dialog.accept())

    # d3401 records the handover of both groups to d3401-b
    log_in(page, live_server, "d3401", "pw-d3401")
    page.goto(f"{live_server.url}/funds/handovers/")
    page.get_by_role("link", name="บันทึกการส่งมอบงานของเจ้าหน้าที่").click()
    expect(page.get_by_role("combobox", name="ผู้ส่งมอบ", exact=True)).to_have_value(str(page_user_pk("d3401")))
    page.get_by_role("combobox", name="ผู้รับมอบ", exact=True).select_option(label="d3401-b รับมอบ — พัฒนากรปฏิบัติการ")
    page.get_by_role("textbox", name="วันที่ส่งมอบ").fill("๑๕/๑/๒๕๖๘")
    page.get_by_role("combobox", name="เหตุที่ส่งมอบ", exact=True).select_option(label="ย้าย")
    for name in GROUPS:
        page.get_by_label(f"กลุ่มออมทรัพย์ (ทดสอบ) — {name}").check()
    page.get_by_role("button", name="บันทึก", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("การส่งมอบงานของเจ้าหน้าที่")
    expect(page.get_by_test_id("handover-status")).to_have_text("รอลงนาม")
    funds = page.get_by_test_id("handover-fund")
    expect(funds).to_have_count(2)
    expect(funds.nth(0).get_by_test_id("fund-status")).to_contain_text("๑๒๕,๐๐๐.๐๐")

    # the checklist: everything handed over except the second group's loan contracts
    for n in range(2):
        for item in ("สมุดบัญชีเงินฝาก", "ทะเบียนสมาชิก", "สัญญาเงินกู้"):
            if n == 1 and item == "สัญญาเงินกู้":
                continue
            funds.nth(n).get_by_label(f"ได้รับมอบ: {item}").check()
            funds.nth(n).get_by_label(f"ครบถ้วน: {item}").check()
    funds.nth(1).get_by_label("หมายเหตุ: สัญญาเงินกู้").fill("ประธานกลุ่มจะนำส่งภายหลัง")
    page.get_by_role("button", name="บันทึกรายการตรวจรับ").click()
    expect(page.get_by_text("บันทึกรายการตรวจรับแล้ว")).to_be_visible()
    page.get_by_role("button", name="ลงนามส่งมอบ").click()
    expect(page.get_by_test_id("outgoing")).to_contain_text("ลงนามส่งมอบแล้ว")
    expect(page.get_by_test_id("handover-status")).to_have_text("รอลงนาม")
    expect(page.get_by_role("button", name="ลงนามรับมอบ")).to_have_count(0)  # not d3401's to sign

    # d3401-b signs with their own login
    page.context.clear_cookies()
    log_in(page, live_server, "d3401-b", "pw-d3401-b")
    page.goto(f"{live_server.url}/funds/handovers/mine/")
    expect(page.get_by_test_id("pending")).to_contain_text("d3401 ส่งมอบ → d3401-b รับมอบ")
    page.get_by_test_id("pending").get_by_role("link").click()
    page.get_by_role("button", name="ลงนามรับมอบ").click()
    expect(page.get_by_text("ลงนามครบทั้งสองฝ่ายแล้ว บันทึกนี้ปิดการแก้ไข")).to_be_visible()
    expect(page.get_by_test_id("handover-status")).to_have_text("ลงนามครบแล้ว")
    expect(page.get_by_test_id("incomplete-flag")).to_have_text("ยังไม่ได้รับมอบ ๑ รายการ")
    expect(page.get_by_role("button", name="บันทึกรายการตรวจรับ")).to_have_count(0)  # locked
    expect(page.get_by_test_id("missing")).to_contain_text("สัญญาเงินกู้")

    # the groups are now theirs, one flagged
    page.get_by_role("link", name="บันทึกการส่งมอบงาน").click()
    page.get_by_role("link", name="กองทุนที่ฉันรับผิดชอบ").click()
    rows = page.get_by_test_id("my-funds").locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.filter(has_text=GROUPS[0])).to_contain_text("๑๕ มกราคม ๒๕๖๘")
    expect(rows.filter(has_text=GROUPS[1])).to_contain_text("รับมอบไม่ครบ")
    expect(rows.filter(has_text=GROUPS[0])).not_to_contain_text("รับมอบไม่ครบ")

    # the contracts arrive: recorded as a follow-up, the flag goes
    rows.filter(has_text=GROUPS[1]).get_by_role("link").click()
    page.get_by_label("วันที่ได้รับ").fill("๑๕/๑/๒๕๖๘")
    page.get_by_role("button", name="บันทึกว่าได้รับแล้ว").click()
    expect(page.get_by_text("บันทึกการรับมอบเพิ่มเติมแล้ว")).to_be_visible()
    expect(page.get_by_test_id("incomplete-flag")).to_have_count(0)
    expect(page.get_by_test_id("checklist").nth(1)).to_contain_text("ได้รับภายหลัง ๑๕ มกราคม ๒๕๖๘")

    handover = Handover.objects.get()
    assert handover.status == "signed" and handover.outgoing_signed_at and handover.incoming_signed_at
    assert sorted(Responsibility.objects.values_list("officer__username", "kind_code")) == [
        ("d3401-b", KIND), ("d3401-b", KIND)]
    assert page.outside_requests == []


def page_user_pk(username: str) -> int:
    from cdd_portal.accounts.models import User

    return User.objects.get(username=username).pk
