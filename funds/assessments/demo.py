"""A demonstration indicator set for each fund kind, clearly titled as an example: the official lists
(21 indicators for savings groups, 18 for กข.คจ.) are not yet known (fund-registries.md §1). Level rules
follow the sourced frame: ระดับ 3 = ดี (the only sourced label), a failed mandatory indicator keeps a fund
below ระดับ 3. The แม่ของแผ่นดิน set is level-only (A/B/C, meanings unknown)."""

from __future__ import annotations

from django.db import transaction

from funds.assessments.models import Indicator, IndicatorSet, LevelRule, Principle

DEMO_TITLE = "ชุดตัวอย่าง — ยังไม่ใช่ตัวชี้วัดทางการ"
DEMO_NOTE = ("ตัวชี้วัดในชุดนี้เป็นตัวอย่างเพื่อทดลองใช้ระบบเท่านั้น ยังไม่ใช่แบบประเมินศักยภาพฉบับทางการของกรมการพัฒนาชุมชน "
             "(ที่มา: fund-registries.md §1 — ยังไม่พบรายการตัวชี้วัด เกณฑ์คะแนน และเกณฑ์ระดับ) "
             "ชื่อระดับที่มีแหล่งอ้างอิงมีเพียง «ระดับ ๓ = ดี»")

# (principle code, text, mandatory)
DEMO_INDICATORS = [
    ("rule_of_law", "มีระเบียบข้อบังคับที่สมาชิกร่วมกันกำหนดและใช้อยู่จริง", True),
    ("rule_of_law", "คณะกรรมการปฏิบัติตามระเบียบข้อบังคับ", False),
    ("morality", "คณะกรรมการและสมาชิกยึดคุณธรรม ๕ ประการในการดำเนินงาน", False),
    ("transparency", "จัดทำบัญชีเป็นปัจจุบันและตรวจสอบได้", True),
    ("transparency", "เปิดเผยรายรับ–รายจ่ายและรายงานประจำปีต่อสมาชิก", False),
    ("participation", "จัดประชุมคณะกรรมการและสมาชิกตามที่ระเบียบกำหนด", False),
    ("accountability", "มีระบบติดตามหนี้ค้างชำระ", True),
    ("accountability", "รายงานผลการดำเนินงานต่อที่ประชุมใหญ่ประจำปี", False),
    ("value", "คิดดอกเบี้ยหรือค่าบริการไม่เกินที่กฎหมายกำหนด", False),
]

RULES_123 = [  # level, label, rank, min passed, all mandatory
    ("3", "ดี", 3, 8, True),
    ("2", "", 2, 5, False),
    ("1", "", 1, None, False),
]


def ensure_principles() -> None:
    """The six principles as the data migration seeds them (again, after a test database was flushed)."""
    from importlib import import_module

    seed = import_module("funds.assessments.migrations.0002_principles")
    for order, (code, name, remedy) in enumerate(seed.PRINCIPLES, start=1):
        Principle.objects.update_or_create(code=code, defaults={"name": name, "order": order, "remedy": remedy})


def _set(kind: str, year: int, *, level_only: bool = False) -> IndicatorSet | None:
    if IndicatorSet.objects.filter(fund_kind=kind, fiscal_year=year, title=DEMO_TITLE).exists():
        return None
    version = (IndicatorSet.objects.filter(fund_kind=kind, fiscal_year=year).order_by("-version")
               .values_list("version", flat=True).first() or 0) + 1
    return IndicatorSet.objects.create(fund_kind=kind, fiscal_year=year, version=version, title=DEMO_TITLE,
                                       level_only=level_only, source_note=DEMO_NOTE,
                                       status=IndicatorSet.Status.PUBLISHED)


@transaction.atomic
def seed_demo_assessments(fiscal_year: int = 2568) -> list[IndicatorSet]:
    """Published demo sets for savings groups, กข.คจ. and แม่ของแผ่นดิน of one fiscal year (idempotent)."""
    from django.utils import timezone

    ensure_principles()
    principles = {p.code: p for p in Principle.objects.all()}
    made = []
    for kind in ("savings_group", "poverty"):
        indicator_set = _set(kind, fiscal_year)
        if indicator_set is None:
            continue
        Indicator.objects.bulk_create([
            Indicator(indicator_set=indicator_set, number=n, text=text, principle=principles[code],
                      is_mandatory=mandatory)
            for n, (code, text, mandatory) in enumerate(DEMO_INDICATORS, start=1)])
        LevelRule.objects.bulk_create([
            LevelRule(indicator_set=indicator_set, level=level, label=label, rank=rank, min_passed=minimum,
                      requires_all_mandatory=mandatory)
            for level, label, rank, minimum, mandatory in RULES_123])
        made.append(indicator_set)
    mother = _set("mother_fund", fiscal_year, level_only=True)
    if mother is not None:
        LevelRule.objects.bulk_create([LevelRule(indicator_set=mother, level=level, rank=rank)
                                       for level, rank in (("A", 3), ("B", 2), ("C", 1))])
        made.append(mother)
    IndicatorSet.objects.filter(pk__in=[s.pk for s in made]).update(published_at=timezone.now())
    return made
