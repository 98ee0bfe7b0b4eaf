"""Data generators shared by tests and benchmarks (bench/). Deterministic: same input, same rows."""

from cdd_portal.geo.models import Subdistrict, Village


def villages(district_codes: list[str] | None = None, per_subdistrict: int = 10) -> int:
    """Create `per_subdistrict` villages in every subdistrict of the given districts (all department
    districts when None), in bulk. Returns how many were created."""
    subs = Subdistrict.objects.filter(district__kind="district")
    if district_codes is not None:
        subs = subs.filter(district_id__in=district_codes)
    rows = [
        Village(subdistrict_id=code, number=n, name_th=f"บ้านตัวอย่าง {code}-{n}")
        for code in subs.values_list("code", flat=True)
        for n in range(1, per_subdistrict + 1)
    ]
    Village.objects.bulk_create(rows, batch_size=5000, ignore_conflicts=True)
    return len(rows)


def service_centre_activity(fiscal_year: int = 2563, admin=None):
    """The plan tree of seed 001: แผนงานบูรณาการพัฒนาและส่งเสริมเศรษฐกิจฐานราก → … →
    กิจกรรมการพัฒนาศักยภาพศูนย์บริการส่งเสริมเศรษฐกิจฐานราก (อำเภอละ 1,500 บาท, ไตรมาส 3)."""
    from decimal import Decimal

    from budgets.models import PlanItem
    from budgets.services import ensure_fiscal_year

    fy = ensure_fiscal_year(fiscal_year)
    plan = PlanItem.objects.create(fiscal_year=fy, level=1, name="แผนงานบูรณาการพัฒนาและส่งเสริมเศรษฐกิจฐานราก")
    project = PlanItem.objects.create(
        fiscal_year=fy, level=2, parent=plan,
        name="โครงการส่งเสริมการพัฒนาผู้ประกอบการ/วิสาหกิจชุมชนในการผลิตสินค้าเกษตรและผลิตภัณฑ์ OTOP")
    main = PlanItem.objects.create(fiscal_year=fy, level=3, parent=project, name="พัฒนาผู้ประกอบการชุมชน")
    return PlanItem.objects.create(
        fiscal_year=fy, level=4, parent=main, name="การพัฒนาศักยภาพศูนย์บริการส่งเสริมเศรษฐกิจฐานราก",
        quarters="3", unit_label="อำเภอ", unit_rate=Decimal("1500"), responsible_unit="กลุ่มงานส่งเสริมการพัฒนาชุมชน",
        indicators="ศูนย์บริการส่งเสริมเศรษฐกิจฐานรากมีแนวทางการดำเนินงานที่เป็นรูปธรรม")


def province_register(user, activity, province_code: str, *, rate=1500, own_line=3600, stated=None):
    """One province's register: the province office's monitoring line and rate × every district."""
    from decimal import Decimal

    from budgets import services
    from cdd_portal.accounts.models import Office
    from cdd_portal.geo.models import Province

    offices = list(Office.objects.filter(province_id=province_code, level="district").order_by("code"))
    total = Decimal(own_line) + Decimal(rate) * len(offices)
    register = services.open_register(user, activity=activity, province=Province.objects.get(code=province_code),
                                      stated_budget=Decimal(stated if stated is not None else total))
    services.add_allocation(user, register, office=Office.objects.get(code=province_code),
                            line="ค่าติดตามและสนับสนุนการดำเนินงาน", amount=Decimal(own_line))
    for office in offices:
        services.add_allocation(user, register, office=office, units=1, rate=Decimal(rate), target_count=1,
                                target_unit="ศูนย์")
    return register


def national_registers(user, activity):
    """Every department province, the seed-001 pattern (3,600 + 1,500 per district)."""
    from cdd_portal.geo.models import Province

    return [province_register(user, activity, code)
            for code in Province.objects.filter(in_department=True).values_list("code", flat=True)]


def sample_data(schema: dict, *, rows: int = 2, references: dict[str, list[int]] | None = None) -> dict:
    """A filled-in report for any schema, as a district would type it: every field and column given a
    value of its type (two rows per free table, within max_rows), references taken from `references`
    ({"group": [ids], "village": [ids]})."""
    from reports.schema import is_reference

    references = references or {}

    def value(field: dict, n: int):
        ftype = field["type"]
        if field.get("formula") or ftype == "file":
            return None
        if ftype == "integer":  # within the field's bounds (a committee of 11–15)
            low, high = int(field.get("min", 0)), int(field.get("max", 10_000))
            return str(min(max(10 + n, low), high))
        if ftype == "money":
            return f"{1000 * (n + 1):,}"
        if ftype == "percent":  # within the field's bounds (an interest rate of at most 15 % a year)
            return str(min(50, int(field.get("max", 50))))
        if ftype == "date":
            return "15/09/2563"
        if ftype == "choice":
            return field["choices"][0][0]
        if ftype == "multi_choice":
            return [field["choices"][0][0]]
        if ftype == "check":
            return True
        if is_reference(ftype):
            ids = references.get(ftype) or []
            return str(ids[n % len(ids)]) if ids else None
        return f"{field['label'][:20]} ตัวอย่าง {n + 1}"

    data: dict = {}
    for section in schema["sections"]:
        if section["type"] == "fields":
            data[section["key"]] = {f["key"]: value(f, 0) for f in section["fields"]}
        elif section.get("fixed_rows"):
            data[section["key"]] = {r["key"]: {c["key"]: value(c, i) for c in section["columns"]}
                                    for i, r in enumerate(section["fixed_rows"])}
        else:
            count = min(rows, section.get("max_rows", rows))
            data[section["key"]] = [{c["key"]: value(c, i) for c in section["columns"]} for i in range(count)]
    return data


def national_submissions(form, fiscal_year: int, *, status: str = "approved") -> int:
    """One submission of `form` for every office that fills it (the 878 district offices, or the 76
    province offices for a province-level form) and every period of the year, in bulk (no per-row
    services: this is data for benchmarks). The สัมมาชีพชุมชน form gets its realistic two-group report;
    every other form a sample of its own schema (savings groups: two per district, created here)."""
    from cdd_portal.accounts.models import Office
    from funds.models import SavingsGroup
    from reports import schema as engine
    from reports.models import Submission
    from reports.services import generate_periods
    from tests.reports.conftest import good_data

    periods = generate_periods(form, fiscal_year)
    offices = list(Office.objects.filter(level=form.office_level))
    kinds = {f["type"] for s in form.schema["sections"] for f in s.get("fields", s.get("columns", []))}
    groups: dict[str, list[int]] = {}
    if "group" in kinds:
        SavingsGroup.objects.bulk_create(
            [SavingsGroup(district_id=o.district_id, name=f"กลุ่มออมทรัพย์เพื่อการผลิตตัวอย่าง {n}")
             for o in offices if o.district_id for n in (1, 2)], ignore_conflicts=True)
        for pk, district in SavingsGroup.objects.values_list("pk", "district_id"):
            groups.setdefault(district, []).append(pk)
    rows = []
    for office in offices:
        raw = good_data() if form.code == "samma-acheep-progress" else sample_data(
            form.schema, references={"group": groups.get(office.district_id, [])})
        clean, _errors = engine.validate_data(form.schema, raw)
        rows += [Submission(form=form, period=p, office=office, data=clean, status=status, signer_name="ผู้รายงาน",
                            signer_position="พัฒนาการอำเภอ") for p in periods]
    Submission.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
    return len(rows)


def national_centres(fiscal_year: int = 2568) -> dict:
    """Every department district with its service centre, a committee of 12 in office (the 2020 seats),
    one meeting a quarter and two activities a month of `fiscal_year`, in bulk (data for benchmarks).
    Returns the counts made."""
    from datetime import timedelta

    from cdd_portal.geo.models import District
    from cdd_portal.thai import fiscal_year_bounds
    from centers.models import Activity, CommitteeMember, Meeting, ServiceCenter, default_center_name

    start, end = fiscal_year_bounds(fiscal_year)
    districts = list(District.objects.filter(kind=District.Kind.DISTRICT, province__in_department=True))
    ServiceCenter.objects.bulk_create([ServiceCenter(district=d, name=default_center_name(d)) for d in districts],
                                      batch_size=2000, ignore_conflicts=True)
    centres = list(ServiceCenter.objects.all())
    seats = ["district_chief", "district_cdd"] + ["agency"] * 5 + ["group_leader"] * 5
    positions = ["chair", "secretary"] + ["member"] * 10
    CommitteeMember.objects.bulk_create(
        [CommitteeMember(center=c, name=f"กรรมการ {n + 1}", seat=seat, position=position, term_start=start)
         for c in centres for n, (seat, position) in enumerate(zip(seats, positions, strict=True))], batch_size=5000)
    quarters = [start + timedelta(days=40 + 91 * q) for q in range(4)]
    Meeting.objects.bulk_create([Meeting(center=c, date=day, attendee_count=11) for c in centres for day in quarters],
                                batch_size=5000)
    months = [start + timedelta(days=30 * m + d) for m in range(12) for d in (5, 20)]
    kinds = Activity.Kind.values
    Activity.objects.bulk_create(
        [Activity(center=c, date=day, kind=kinds[n % len(kinds)], title=f"กิจกรรมที่ {n + 1}",
                  target_groups=["otop_entrepreneur"], count_registered=10 + n % 7)
         for c in centres for n, day in enumerate(d for d in months if d <= end)], batch_size=5000)
    return {"centres": len(centres), "members": CommitteeMember.objects.count(), "meetings": Meeting.objects.count(),
            "activities": Activity.objects.count()}
