"""The service centres' lists as workbooks (cdd_portal.lists): every list exports all its columns; the
local-wisdom inventory, which districts keep in Excel, also imports (a dry run first, nothing written until
the district confirms)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as t

from cdd_portal.geo.matching import match_name
from cdd_portal.lists.checks import VillageMatcher
from cdd_portal.lists.registry import Column, RegistryList, area_columns, updated_column
from centers import filters, selectors, services
from centers.models import Activity, Wisdom


def _lines(values) -> str:
    return "\n".join(str(v) for v in values)


def check_wisdom(district, rows: list[dict]) -> list[dict]:
    center = selectors.center_of_district(district.pk)
    villages = VillageMatcher(district)
    categories = [(code, str(label)) for code, label in Wisdom.Category.choices]
    existing = set(Wisdom.objects.filter(center=center).values_list("name", flat=True)) if center else set()
    out = []
    for row in rows:
        cells, errors, suggestions, values = row["cells"], [], [], {}
        if center is None:
            errors.append(_("อำเภอยังไม่ได้บันทึกศูนย์บริการฯ: บันทึกศูนย์ก่อนนำเข้าคลังภูมิปัญญา"))
        name = " ".join(cells.get("name", "").split())
        if not name:
            errors.append(_("ไม่ได้กรอกชื่อภูมิปัญญา"))
        elif name in existing:
            errors.append(_("คลังมีภูมิปัญญาชื่อ «%(name)s» อยู่แล้ว") % {"name": name})
        values["name"] = name
        category = cells.get("category", "")
        match = match_name(category, categories) if category else None
        if match is None:
            values["category"] = Wisdom.Category.OTHER
        elif match.key is None:
            errors.append(_("ไม่รู้จักประเภทภูมิปัญญา «%(v)s»") % {"v": category})
            suggestions += match.suggestions
        else:
            values["category"] = match.key
        if cells.get("village"):
            village, problem, near = villages.match(cells["village"])
            if problem:
                errors.append(problem)
                suggestions += near
            values["village"] = village.pk if village else None
        for key in ("holder", "description", "contact"):
            values[key] = " ".join(cells.get(key, "").split())
        out.append({**row, "values": values, "errors": errors, "suggestions": suggestions})
    return out


def write_wisdom(user, district, rows: list[dict]) -> int:
    from cdd_portal.geo.models import Village

    center = selectors.center_of_district(district.pk)
    villages = Village.objects.in_bulk([r["values"]["village"] for r in rows if r["values"].get("village")])
    for row in rows:
        values = dict(row["values"])
        values["village"] = villages.get(values.get("village"))
        services.add_wisdom(user, center, **values)
    return len(rows)


LISTS = (
    RegistryList(
        name="service-centers", title=t("ทะเบียนศูนย์บริการส่งเสริมเศรษฐกิจฐานราก"), list_url="centers:index",
        queryset=selectors.centers_for, filterset=filters.ServiceCenterFilter, order_by=("district_id",),
        columns=(*area_columns(), Column("name", t("ชื่อศูนย์"), lambda c: c.name, width=40),
                 Column("place", t("ที่ตั้ง"), lambda c: c.place, width=30),
                 Column("status", t("สถานะ"), lambda c: c.get_status_display()),
                 Column("mechanism", t("กลไกการขับเคลื่อน"), lambda c: c.get_mechanism_display(), width=30),
                 Column("phone", t("โทรศัพท์"), lambda c: c.phone), Column("email", t("อีเมล"), lambda c: c.email),
                 Column("contact", t("ผู้ประสานงาน"), lambda c: c.contact_person),
                 updated_column())),
    RegistryList(
        name="center-members", title=t("คณะกรรมการศูนย์บริการฯ"), list_url="centers:members-list",
        queryset=selectors.members_for, filterset=filters.CommitteeMemberFilter,
        order_by=("center__district_id", "-term_start", "id"),
        columns=(*area_columns("center"), Column("name", t("ชื่อ-สกุล"), lambda m: m.name, width=30),
                 Column("position", t("ตำแหน่ง"), lambda m: m.position_label, width=24),
                 Column("seat", t("องค์ประกอบ"), lambda m: m.get_seat_display(), width=30),
                 Column("organisation", t("หน่วยงาน/องค์กร"), lambda m: m.organisation, width=30),
                 Column("phone", t("โทรศัพท์"), lambda m: m.phone),
                 Column("term_start", t("เริ่มวาระ"), lambda m: m.term_start, kind="date"),
                 Column("term_end", t("สิ้นสุดวาระ"), lambda m: m.term_end, kind="date"),
                 Column("order", t("คำสั่งแต่งตั้ง"), lambda m: m.order.number if m.order_id else None))),
    RegistryList(
        name="center-meetings", title=t("การประชุมคณะกรรมการศูนย์"), list_url="centers:meetings-list",
        queryset=selectors.meetings_for, filterset=filters.MeetingFilter, order_by=("-date", "-id"),
        columns=(*area_columns("center"), Column("date", t("วันที่ประชุม"), lambda m: m.date, kind="date"),
                 Column("number", t("ครั้งที่"), lambda m: m.number),
                 Column("attendees", t("ผู้เข้าประชุม (คน)"), lambda m: m.attendee_count, kind="integer"),
                 Column("agenda", t("วาระการประชุม"), lambda m: m.agenda, width=50))),
    RegistryList(
        name="center-activities", title=t("กิจกรรมของศูนย์บริการฯ"), list_url="centers:activities-list",
        queryset=selectors.activities_for, filterset=filters.ActivityFilter, order_by=("-date", "-id"),
        columns=(*area_columns("center"), Column("date", t("วันที่"), lambda a: a.date, kind="date"),
                 Column("kind", t("ประเภทกิจกรรม"), lambda a: a.kind_label, width=30),
                 Column("title", t("ชื่อกิจกรรม"), lambda a: a.title, width=40),
                 Column("targets", t("กลุ่มเป้าหมายที่มารับบริการ"), lambda a: _lines(a.target_group_labels), width=30),
                 Column("interested", Activity._meta.get_field("count_interested").verbose_name,
                        lambda a: a.count_interested, kind="integer"),
                 Column("unregistered", Activity._meta.get_field("count_unregistered").verbose_name,
                        lambda a: a.count_unregistered, kind="integer"),
                 Column("registered", Activity._meta.get_field("count_registered").verbose_name,
                        lambda a: a.count_registered, kind="integer"),
                 Column("media", t("สื่อ/สิ่งพิมพ์"), lambda a: _lines(a.media_labels), width=24),
                 Column("evidence", t("เอกสารหลักฐาน"), lambda a: _lines(a.evidence_labels), width=24))),
    RegistryList(
        name="center-plans", title=t("แผนการดำเนินงานของศูนย์บริการฯ"), list_url="centers:plans-list",
        queryset=selectors.plans_for, filterset=filters.PlanFilter, order_by=("-period_start", "kind", "-id"),
        columns=(*area_columns("center"), Column("kind", t("ประเภทแผน"), lambda p: p.get_kind_display()),
                 Column("fiscal_year", t("ปีงบประมาณ"), lambda p: p.fiscal_year, kind="no"),
                 Column("title", t("ชื่อแผน"), lambda p: p.title, width=40),
                 Column("start", t("เริ่ม"), lambda p: p.period_start, kind="date"),
                 Column("end", t("สิ้นสุด"), lambda p: p.period_end, kind="date"),
                 Column("active", t("ใช้อยู่"), lambda p: _("ใช้อยู่") if p.is_active else _("ยกเลิก")))),
    RegistryList(
        name="center-wisdom", title=t("คลังภูมิปัญญาท้องถิ่น"), list_url="centers:wisdom-list",
        queryset=selectors.wisdoms_for, filterset=filters.WisdomFilter, order_by=("center__district_id", "name"),
        check=check_wisdom, write=write_wisdom,
        columns=(*area_columns("center"),
                 Column("name", t("ชื่อภูมิปัญญา"), lambda w: w.name, width=30, importable=True, required=True,
                        aliases=("ภูมิปัญญา", "ชื่อภูมิปัญญาท้องถิ่น", "องค์ความรู้")),
                 Column("category", t("ประเภทภูมิปัญญา"), lambda w: w.get_category_display(), width=24,
                        importable=True, aliases=("ประเภท", "สาขา", "สาขาภูมิปัญญา"),
                        help=t("เช่น เกษตรกรรม อุตสาหกรรมและหัตถกรรม การแพทย์แผนไทย (ว่างไว้ = อื่น ๆ)")),
                 Column("holder", t("ผู้รู้/เจ้าของภูมิปัญญา"), lambda w: w.holder, width=24, importable=True,
                        aliases=("ผู้รู้", "ปราชญ์", "เจ้าของภูมิปัญญา", "ชื่อผู้รู้")),
                 Column("village", t("หมู่บ้าน"), lambda w: f"หมู่ที่ {w.village.number} {w.village.name_th}"
                        if w.village_id else None, width=24, importable=True, aliases=("ที่อยู่", "บ้าน")),
                 Column("description", t("รายละเอียด"), lambda w: w.description, width=40, importable=True),
                 Column("contact", t("ช่องทางติดต่อ"), lambda w: w.contact, width=20, importable=True,
                        aliases=("โทรศัพท์", "ติดต่อ")))),
)
