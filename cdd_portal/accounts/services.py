"""Offices and users: creation of the office tree and of the demo accounts."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.db import transaction

from cdd_portal.accounts.models import Office, Role, User
from cdd_portal.geo.models import District, Province

DEPARTMENT_CODE = "CDD"
DEMO_PROVINCES = ("34", "31", "42")  # อุบลราชธานี, บุรีรัมย์, เลย


def office_name(level: str, area=None) -> str:
    if level == Office.Level.DEPARTMENT:
        return "กรมการพัฒนาชุมชน"
    if level == Office.Level.PROVINCE:
        return f"สำนักงานพัฒนาชุมชนจังหวัด{area.name_th}"
    return f"สำนักงานพัฒนาชุมชนอำเภอ{area.name_th}"


@transaction.atomic
def ensure_offices() -> int:
    """Create the department, the 76 province offices and the 878 district offices. Returns how many
    were created; existing offices are left as they are."""
    existing = set(Office.objects.values_list("code", flat=True))
    new = []
    if DEPARTMENT_CODE not in existing:
        new.append(Office(code=DEPARTMENT_CODE, level=Office.Level.DEPARTMENT,
                          name_th=office_name(Office.Level.DEPARTMENT)))
    for province in Province.objects.filter(in_department=True):
        if province.code not in existing:
            new.append(Office(code=province.code, level=Office.Level.PROVINCE, province=province,
                              name_th=office_name(Office.Level.PROVINCE, province)))
    for district in District.objects.filter(kind=District.Kind.DISTRICT):
        if district.code not in existing:
            new.append(Office(code=district.code, level=Office.Level.DISTRICT, province_id=district.province_id,
                              district=district, name_th=office_name(Office.Level.DISTRICT, district)))
    Office.objects.bulk_create(new, batch_size=500)
    return len(new)


@dataclass
class DemoResult:
    offices_created: int = 0
    users_created: list[str] = field(default_factory=list)


@transaction.atomic
def seed_demo(password: str = "cdd-demo") -> DemoResult:
    """Offices everywhere; users for the three demo provinces. Existing users keep their password."""
    result = DemoResult(offices_created=ensure_offices())
    hashed = make_password(password)  # hashed once: ~130 users would otherwise take a minute
    offices = {o.code: o for o in Office.objects.filter(code__in=[DEPARTMENT_CODE, *DEMO_PROVINCES])}
    wanted: list[tuple[str, Office, Role, str, dict]] = [
        ("admin", offices[DEPARTMENT_CODE], Role.ADMINISTRATOR, "ผู้ดูแลระบบ",
         {"is_staff": True, "is_superuser": True}),
        ("cdd-viewer", offices[DEPARTMENT_CODE], Role.DEPARTMENT_VIEWER, "ผู้ดูข้อมูลระดับกรม", {}),
    ]
    for code in DEMO_PROVINCES:
        office = offices[code]
        wanted.append((f"p{code}", office, Role.PROVINCE_STAFF, "นักวิชาการพัฒนาชุมชน", {}))
        wanted.append((f"p{code}-head", office, Role.PROVINCE_HEAD, "พัฒนาการจังหวัด", {}))
        for district_office in Office.objects.filter(level=Office.Level.DISTRICT, province_id=code):
            wanted.append((f"d{district_office.code}", district_office, Role.DISTRICT_OFFICER,
                           "นักวิชาการพัฒนาชุมชน", {}))
            wanted.append((f"d{district_office.code}-head", district_office, Role.DISTRICT_HEAD,
                           "พัฒนาการอำเภอ", {}))
    existing = set(User.objects.filter(username__in=[w[0] for w in wanted]).values_list("username", flat=True))
    new_users = [
        User(username=username, password=hashed, office=office, role=role, position=position,
             first_name=username, **flags)
        for username, office, role, position, flags in wanted
        if username not in existing
    ]
    User.objects.bulk_create(new_users)
    result.users_created = [u.username for u in new_users]
    return result
