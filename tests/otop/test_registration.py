"""The annual registration round: the district office records, the district head approves, the province
head certifies; returns with a reason; one registration per producer and year; race-free steps."""

from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cdd_portal.audit.models import AuditEntry
from cdd_portal.geo.models import District
from otop import services
from otop.models import ProducerRegistration
from tests.otop.conftest import make_producer, village_of

pytestmark = pytest.mark.django_db
S = ProducerRegistration.Status


@pytest.fixture
def recorded(officer, product):
    return services.record_registration(officer, product.producer, 2568)


def test_the_officer_records_and_cannot_approve(officer, recorded):
    assert recorded.status == S.RECORDED and recorded.recorded_by == officer and recorded.recorded_at
    with pytest.raises(PermissionDenied, match="อนุมัติได้เฉพาะพัฒนาการอำเภอ"):
        services.approve_registration(officer, recorded)
    recorded.refresh_from_db()
    assert recorded.status == S.RECORDED


def test_the_head_approves_and_the_province_head_certifies(officer, district_head, province_staff, province_head,
                                                         other_province_head, recorded):
    approved = services.approve_registration(district_head, recorded)
    assert approved.status == S.APPROVED and approved.approved_by == district_head and approved.approved_at
    with pytest.raises(PermissionDenied, match="รับรองได้เฉพาะพัฒนาการจังหวัด"):
        services.certify_registration(province_staff, approved)
    with pytest.raises(PermissionDenied):
        services.certify_registration(other_province_head, approved)
    with pytest.raises(PermissionDenied):
        services.certify_registration(officer, approved)
    certified = services.certify_registration(province_head, approved)
    assert certified.status == S.CERTIFIED and certified.certified_by == province_head
    changes = [e.changes["status"] for e in AuditEntry.objects.filter(
        object_type="otop.producerregistration", action="transition").order_by("id")]
    assert changes == [["บันทึกแล้ว", "อำเภออนุมัติ"], ["อำเภออนุมัติ", "จังหวัดรับรอง"]]


def test_steps_follow_the_order(district_head, province_head, recorded):
    with pytest.raises(ValidationError, match="อยู่ในสถานะ «บันทึกแล้ว» ทำรายการนี้ไม่ได้"):
        services.certify_registration(province_head, recorded)
    services.approve_registration(district_head, recorded)
    with pytest.raises(ValidationError, match="อยู่ในสถานะ «อำเภออนุมัติ»"):
        services.approve_registration(district_head, recorded)


def test_a_step_taken_meanwhile_by_someone_else_is_refused(district_head, recorded):
    """The UPDATE is conditional on the old status: the second of two heads acting at once is told."""
    stale = ProducerRegistration.objects.select_related("producer__district").get(pk=recorded.pk)
    services.approve_registration(district_head, recorded)
    with pytest.raises(ValidationError, match="อยู่ในสถานะ «อำเภออนุมัติ» ทำรายการนี้ไม่ได้"):
        services.approve_registration(district_head, stale)
    with mock.patch("otop.services.record") as audit:  # nothing moved, nothing recorded
        with pytest.raises(ValidationError):
            services.approve_registration(district_head, stale)
        audit.assert_not_called()


def test_one_registration_per_producer_and_year(officer, recorded):
    with pytest.raises(ValidationError, match="ลงทะเบียนปี ๒๕๖๘ แล้ว \\(สถานะ: บันทึกแล้ว\\)"):
        services.record_registration(officer, recorded.producer, 2568)
    assert services.record_registration(officer, recorded.producer, 2569).year == 2569
    assert ProducerRegistration.objects.count() == 2


def test_returned_with_a_reason_and_recorded_again(officer, district_head, province_head, recorded):
    with pytest.raises(ValidationError, match="กรุณาระบุเหตุผลที่ส่งกลับ"):
        services.return_registration(district_head, recorded, reason=" ")
    with pytest.raises(PermissionDenied):
        services.return_registration(officer, recorded, reason="ขาดภาพถ่ายผลิตภัณฑ์")
    returned = services.return_registration(district_head, recorded, reason="ขาดภาพถ่ายผลิตภัณฑ์")
    assert returned.status == S.RETURNED and returned.return_reason == "ขาดภาพถ่ายผลิตภัณฑ์"
    again = services.record_registration(officer, recorded.producer, 2568)
    assert again.pk == recorded.pk and again.status == S.RECORDED
    approved = services.approve_registration(district_head, again)
    with pytest.raises(PermissionDenied):  # an approved one goes back only from the province head
        services.return_registration(district_head, approved, reason="x")
    back = services.return_registration(province_head, approved, reason="เอกสารไม่ครบ")
    assert back.status == S.RETURNED and back.returned_by == province_head


def test_only_active_producers_with_products_register(officer, producer, product):
    bare = make_producer(officer, producer.district, producer.village, name="ยังไม่มีผลิตภัณฑ์")
    with pytest.raises(ValidationError, match="ยังไม่มีผลิตภัณฑ์ที่ผลิตอยู่"):
        services.record_registration(officer, bare, 2568)
    services.update_producer(officer, producer, is_active=False)
    with pytest.raises(ValidationError, match="เลิกดำเนินการแล้ว ลงทะเบียนไม่ได้"):
        services.record_registration(officer, producer, 2568)


def test_record_all_in_one_go(officer, neighbour_officer, producer, product):
    district = producer.district
    second = make_producer(officer, district, producer.village, name="น้ำพริกแม่บุญมี", type="sme", members=None)
    services.create_product(officer, producer=second, name="น้ำพริกปลาร้า", sub_group="1.3")
    make_producer(officer, district, producer.village, name="ยังไม่มีผลิตภัณฑ์")
    stopped = make_producer(officer, district, producer.village, name="เลิกแล้ว")
    services.create_product(officer, producer=stopped, name="ของเก่า", sub_group="4.7")
    services.update_producer(officer, stopped, is_active=False)
    theirs = make_producer(neighbour_officer, District.objects.get(pk="3402"), village_of("3402"), name="อำเภออื่น")
    services.create_product(neighbour_officer, producer=theirs, name="ของอำเภออื่น", sub_group="3.1")
    made, left_out = services.record_all(officer, district, 2568)
    assert sorted(r.producer.name for r in made) == ["กลุ่มทอผ้าไหมบ้านหนองบัว", "น้ำพริกแม่บุญมี"]
    assert len(left_out) == 1 and "«ยังไม่มีผลิตภัณฑ์» ยังไม่มีผลิตภัณฑ์ที่ผลิตอยู่" in left_out[0]
    again, _ = services.record_all(officer, district, 2568)
    assert again == []
    with pytest.raises(PermissionDenied):
        services.record_all(neighbour_officer, district, 2568)


def test_acting_on_many_reports_each_refusal(officer, district_head, producer, product):
    other = make_producer(officer, producer.district, producer.village, name="รายที่สอง")
    services.create_product(officer, producer=other, name="ผ้าขาวม้า", sub_group="3.1")
    made, _ = services.record_all(officer, producer.district, 2568)
    services.approve_registration(district_head, made[0])
    done, refused = services.act_on_many(district_head, ProducerRegistration.objects.select_related(
        "producer__district").order_by("id"), "approve")
    assert done == 1 and len(refused) == 1 and "อยู่ในสถานะ «อำเภออนุมัติ»" in refused[0]
