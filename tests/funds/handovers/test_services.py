"""The handover book's rules: both officers sign, the record locks, the responsibility moves, missing
items flag the fund until a follow-up, and nothing of the history is lost."""

import io
from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from cdd_portal.audit.models import AuditEntry
from funds.handovers import selectors, services
from funds.handovers.models import ChecklistItem, Handover, ItemReceipt, Responsibility
from tests.funds.handovers.conftest import ITEMS, KIND

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _tick_all(user, handover, *, except_code=None):
    values = {i.pk: {"received": i.code != except_code, "complete": i.code != except_code, "note": ""}
              for i in ChecklistItem.objects.filter(line__handover=handover)}
    return services.update_checklist(user, handover, values)


def test_a_record_freezes_each_funds_status_and_checklist(handover, groups):
    lines = list(handover.funds.order_by("id"))
    assert [line.fund_label for line in lines] == [g.name for g in groups]
    assert lines[0].status == [["ชื่อกลุ่ม", groups[0].name], ["สมาชิก (คน)", "42"],
                               ["เงินสัจจะสะสม (บาท)", "125,000.00"]]
    assert [i.code for i in lines[0].items.order_by("id")] == [code for code, _label in ITEMS]
    assert handover.status == Handover.Status.PENDING and handover.incoming_position == "พัฒนากรปฏิบัติการ"
    entry = AuditEntry.objects.get(object_type="fund_handovers.handover", action="create")
    assert entry.district_code == "3401" and entry.changes["incoming"] == "d3401-b"
    # the status stays as it was at the handover even when the group changes afterwards
    groups[0].name = "ชื่อใหม่"
    groups[0].save()
    assert lines[0].status[0][1] == "กลุ่มออมทรัพย์บ้านนาโพธิ์"


def test_both_must_sign_then_the_record_locks_and_the_responsibility_moves(officer, second_officer, handover, groups):
    _tick_all(officer, handover)
    services.sign(officer, handover)
    handover.refresh_from_db()
    assert handover.outgoing_signed_at and not handover.incoming_signed_at
    assert handover.status == Handover.Status.PENDING
    assert selectors.responsible_officers(KIND, [g.pk for g in groups]) == {}
    with pytest.raises(ValidationError):
        services.sign(officer, handover)  # once is enough
    services.sign(second_officer, handover)
    handover.refresh_from_db()
    assert handover.status == Handover.Status.SIGNED
    current = selectors.responsible_officers(KIND, [g.pk for g in groups])
    assert current == {g.pk: ("d3401-b สอง", "พัฒนากรปฏิบัติการ", date(2025, 1, 15)) for g in groups}
    # locked: no checklist change, no cancel
    with pytest.raises(ValidationError):
        _tick_all(second_officer, handover, except_code="members")
    with pytest.raises(ValidationError):
        services.cancel(officer, handover, reason="ผิด")
    actions = list(AuditEntry.objects.filter(object_type="fund_handovers.handover")
                   .order_by("id").values_list("action", flat=True))
    assert actions == ["create", "update", "transition", "transition"]
    assert AuditEntry.objects.filter(object_type="fund_handovers.responsibility", action="create").count() == 2


def test_a_later_handover_ends_the_previous_responsibility(officer, second_officer, third_officer, handover, groups,
                                                           frozen, time_machine):
    services.sign(officer, handover)
    services.sign(second_officer, handover)
    later = services.create_officer_handover(
        second_officer, district="3401", outgoing_user=second_officer, incoming_user=third_officer,
        date=frozen, reason="reassignment", funds=[(KIND, groups[0].pk)])
    services.sign(second_officer, later)
    services.sign(third_officer, later)
    history = selectors.responsibility_history(KIND, groups[0].pk)
    assert [(r.officer.username, r.until) for r in history] == [("d3401-b", frozen), ("d3401-c", None)]
    assert selectors.responsible_officers(KIND, [groups[1].pk])[groups[1].pk][0] == "d3401-b สอง"
    rows = selectors.handover_history(KIND, groups[0].pk)
    assert [(row["number"], row["handover"].pk) for row in rows] == [(1, handover.pk), (2, later.pk)]


def test_only_the_two_parties_sign(officer, second_officer, third_officer, neighbour_officer, province_staff,
                                   handover):
    for user in (third_officer, neighbour_officer, province_staff):
        assert services.may_sign(user, handover) is None
        with pytest.raises(PermissionDenied):
            services.sign(user, handover)
    assert services.may_sign(officer, handover) == "outgoing"
    assert services.may_sign(second_officer, handover) == "incoming"


def test_a_checklist_change_after_a_signature_takes_it_back(officer, second_officer, handover):
    services.sign(officer, handover)
    _tick_all(second_officer, handover)
    handover.refresh_from_db()
    assert handover.outgoing_signed_at is None
    entry = AuditEntry.objects.filter(object_type="fund_handovers.handover", action="update").get()
    assert entry.changes["signatures_withdrawn"] == ["outgoing"]


def test_missing_items_flag_the_fund_until_a_follow_up(officer, second_officer, handover, groups, frozen):
    _tick_all(officer, handover, except_code="contracts")
    ids = [g.pk for g in groups]
    assert selectors.incomplete_funds(KIND, ids) == set()  # not signed yet: nothing handed over
    services.sign(officer, handover)
    services.sign(second_officer, handover)
    assert selectors.incomplete_funds(KIND, ids) == set(ids)
    handover.refresh_from_db()
    page = selectors.record_page(handover)
    assert page["missing_total"] == 2
    assert [i.label for i in page["lines"][0].missing] == ["สัญญาเงินกู้"]
    item = page["lines"][0].missing[0]
    with pytest.raises(ValidationError) as err:
        services.receive_item(second_officer, item, received_on=frozen + timedelta(days=1), today=frozen)
    assert "received_on" in err.value.message_dict
    services.receive_item(second_officer, item, received_on=frozen, note="ได้รับจากประธานกลุ่ม", today=frozen)
    assert selectors.incomplete_funds(KIND, ids) == {groups[1].pk}
    with pytest.raises(ValidationError):
        services.receive_item(second_officer, item, received_on=frozen, today=frozen)
    assert ItemReceipt.objects.count() == 1
    handover.refresh_from_db()
    assert handover.status == Handover.Status.SIGNED  # the record itself is not touched


def test_cancel_keeps_the_history(officer, handover, groups):
    with pytest.raises(ValidationError) as err:
        services.cancel(officer, handover, reason="  ")
    assert "cancel_reason" in err.value.message_dict
    services.cancel(officer, handover, reason="เลือกผู้รับมอบผิดคน")
    handover.refresh_from_db()
    assert handover.status == Handover.Status.CANCELLED and handover.cancel_reason == "เลือกผู้รับมอบผิดคน"
    assert Handover.objects.count() == 1 and ChecklistItem.objects.count() == 6
    rows = selectors.handover_history(KIND, groups[0].pk)
    assert len(rows) == 1 and rows[0]["number"] is None
    with pytest.raises(ValidationError):
        services.sign(officer, handover)
    assert Responsibility.objects.count() == 0


def test_creating_is_checked(officer, second_officer, neighbour_officer, province_staff, groups, far_group, frozen):
    kwargs = {"district": "3401", "outgoing_user": officer, "incoming_user": second_officer, "date": frozen,
              "reason": "transfer", "funds": [(KIND, groups[0].pk)]}
    for user in (neighbour_officer, province_staff):
        with pytest.raises(PermissionDenied):
            services.create_officer_handover(user, **kwargs)
    with pytest.raises(ValidationError) as err:
        services.create_officer_handover(officer, **{**kwargs, "incoming_user": neighbour_officer})
    assert "incoming_user" in err.value.message_dict
    with pytest.raises(ValidationError) as err:
        services.create_officer_handover(officer, **{**kwargs, "incoming_user": officer})
    assert "incoming_user" in err.value.message_dict
    with pytest.raises(ValidationError) as err:
        services.create_officer_handover(officer, **{**kwargs, "date": frozen + timedelta(days=1)})
    assert "date" in err.value.message_dict
    with pytest.raises(ValidationError) as err:
        services.create_officer_handover(officer, **{**kwargs, "reason": "other"})
    assert "reason_note" in err.value.message_dict
    with pytest.raises(ValidationError) as err:  # another district's group is not the officer's to hand over
        services.create_officer_handover(officer, **{**kwargs, "funds": [(KIND, far_group.pk)]})
    assert "funds" in err.value.message_dict
    with pytest.raises(ValidationError) as err:
        services.create_officer_handover(officer, **{**kwargs, "funds": [("no_such_kind", 1)]})
    assert "funds" in err.value.message_dict
    assert Handover.objects.count() == 0


def test_a_committee_handover_is_confirmed_with_its_signed_scan(officer, third_officer, committee_handover):
    assert committee_handover.outgoing_name == "นายเก่า ประธาน"
    with pytest.raises(ValidationError):
        services.sign(officer, committee_handover)
    with pytest.raises(ValidationError) as err:
        services.confirm(officer, committee_handover)
    assert "file" in err.value.message_dict
    with pytest.raises(ValidationError):
        services.attach_scan(officer, committee_handover, SimpleUploadedFile("x.txt", b"hello", "text/plain"))
    services.attach_scan(officer, committee_handover, SimpleUploadedFile("signed.pdf", PDF, "application/pdf"))
    services.confirm(third_officer, committee_handover)  # any officer of the district confirms the paper
    committee_handover.refresh_from_db()
    assert committee_handover.status == Handover.Status.SIGNED
    assert committee_handover.confirmed_by == third_officer
    assert Responsibility.objects.count() == 0  # a committee change does not move the officer's responsibility
    with pytest.raises(ValidationError):
        services.attach_scan(officer, committee_handover, SimpleUploadedFile("b.pdf", io.BytesIO(PDF).read()))


def test_committee_needs_names_and_one_fund(officer, groups, frozen):
    with pytest.raises(ValidationError) as err:
        services.create_committee_handover(officer, district="3401", fund=(KIND, groups[0].pk), date=frozen,
                                           reason="term_end", outgoing_chair="", incoming_chair=" ")
    assert {"outgoing_chair", "incoming_chair", "witness_name"} <= set(err.value.message_dict)


def test_assign_names_the_first_responsible_officer(officer, second_officer, neighbour_officer, groups, frozen):
    services.assign(officer, kind_code=KIND, fund_id=groups[0].pk, officer=officer, since=frozen)
    assert selectors.responsible_officers(KIND, [groups[0].pk])[groups[0].pk][0] == "d3401"
    with pytest.raises(ValidationError):  # a change goes through a handover
        services.assign(officer, kind_code=KIND, fund_id=groups[0].pk, officer=second_officer, since=frozen)
    with pytest.raises(PermissionDenied):
        services.assign(neighbour_officer, kind_code=KIND, fund_id=groups[1].pk, officer=officer, since=frozen)
    with pytest.raises(ValidationError):
        services.assign(officer, kind_code=KIND, fund_id=groups[1].pk, officer=neighbour_officer, since=frozen)


def test_funds_of_lists_the_officers_funds_with_their_flags(officer, second_officer, handover, groups):
    _tick_all(officer, handover, except_code="members")
    services.sign(officer, handover)
    services.sign(second_officer, handover)
    rows = selectors.funds_of(second_officer)
    assert [(r["name"], r["incomplete"]) for r in rows] == [(g.name, True) for g in groups]
    assert selectors.funds_of(officer) == []
