"""Writes of the assessments app: every rule, permission check and audit entry lives here.

- Indicator sets are entered and versioned by administrators. A published set is frozen: a change is a new
  version (`new_version`), a draft copy of it. Publishing needs a level rule without conditions (the lowest
  level), so that every assessment reaches a level.
- The level of an assessment is computed (`compute_level`) from the set's rules, checked from the best rank
  down: the first rule whose conditions hold is the level. A rule that requires every mandatory indicator
  (ตัวชี้วัดบังคับ) is never reached by an assessment with a failed mandatory indicator.
- The district office that keeps the fund records its assessments (`keeps_registry`); nothing is deleted:
  an assessment is corrected (audited), a แม่ของแผ่นดิน fund village is stopped with a date and a reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from cdd_portal.accounts.scoping import is_administrator, keeps_registry
from cdd_portal.audit.models import AuditEntry
from cdd_portal.audit.services import diff, record, snapshot
from cdd_portal.thai import to_thai_digits
from funds import kinds
from funds.assessments import selectors
from funds.assessments.models import (
    LEVEL_SETS,
    Assessment,
    Indicator,
    IndicatorResult,
    IndicatorSet,
    LevelRule,
    MotherFundVillage,
)

SET_FIELDS = ("fund_kind", "fiscal_year", "title", "level_only", "source_note")
ASSESSMENT_FIELDS = ("assessed_on", "assessor", "level", "passed_count", "total_score", "mandatory_failed", "note")
MOTHER_FIELDS = ("village_id", "year_joined", "note")


# --- indicator sets (administrators) ------------------------------------------------------------------

def _administrator(user) -> None:
    if not is_administrator(user):
        raise PermissionDenied(_("ชุดตัวชี้วัดแก้ไขได้เฉพาะผู้ดูแลระบบ"))


def _draft(indicator_set: IndicatorSet) -> None:
    if indicator_set.is_published:
        raise ValidationError(_("ชุดตัวชี้วัดนี้ประกาศใช้แล้ว แก้ไขไม่ได้ ให้สร้างฉบับใหม่"))


def _kind(code: str):
    kind = kinds.get(code)
    if kind is None:
        raise ValidationError({"fund_kind": _("ไม่มีประเภทกองทุน «%(code)s»") % {"code": code}})
    return kind


def create_set(user, *, fund_kind: str, fiscal_year: int, title: str, level_only: bool = False,
               source_note: str = "") -> IndicatorSet:
    _administrator(user)
    _kind(fund_kind)
    if not (title or "").strip():
        raise ValidationError({"title": _("กรุณาใส่ชื่อชุดตัวชี้วัด")})
    with transaction.atomic():
        last = (IndicatorSet.objects.select_for_update().filter(fund_kind=fund_kind, fiscal_year=fiscal_year)
                .aggregate(v=Max("version"))["v"])
        indicator_set = IndicatorSet.objects.create(
            fund_kind=fund_kind, fiscal_year=fiscal_year, version=(last or 0) + 1, title=title.strip(),
            level_only=level_only, source_note=(source_note or "").strip(), created_by=user, updated_by=user)
        record(user, AuditEntry.Action.CREATE, indicator_set,
               changes={k: str(v) for k, v in snapshot(indicator_set, SET_FIELDS + ("version",)).items()})
    return indicator_set


def update_set(user, indicator_set: IndicatorSet, **fields) -> IndicatorSet:
    _administrator(user)
    _draft(indicator_set)
    allowed = {"title", "level_only", "source_note"}
    with transaction.atomic():
        before = snapshot(indicator_set, allowed)
        for key, value in fields.items():
            if key not in allowed:
                raise TypeError(f"IndicatorSet has no editable field {key!r}")
            setattr(indicator_set, key, value.strip() if isinstance(value, str) else value)
        if not indicator_set.title:
            indicator_set.title = before["title"]
            raise ValidationError({"title": _("กรุณาใส่ชื่อชุดตัวชี้วัด")})
        changes = diff(before, snapshot(indicator_set, allowed))
        if changes:
            indicator_set.updated_by = user
            indicator_set.save()
            record(user, AuditEntry.Action.UPDATE, indicator_set, changes=changes)
    return indicator_set


def add_indicators(user, indicator_set: IndicatorSet, rows: list[dict]) -> list[Indicator]:
    """Add several indicators at once (the table form). Each row: number, text, principle, is_mandatory,
    scoring, max_score, pass_score. All rows or none."""
    _administrator(user)
    _draft(indicator_set)
    if indicator_set.level_only:
        raise ValidationError(_("ชุดนี้บันทึกเฉพาะระดับ ไม่มีตัวชี้วัด"))
    taken = set(indicator_set.indicators.values_list("number", flat=True))
    errors, created = [], []
    for n, row in enumerate(rows, start=1):
        number = row.get("number")
        if number in taken:
            errors.append(_("แถวที่ %(n)s: ข้อที่ %(number)s มีอยู่แล้ว") % {"n": to_thai_digits(n),
                                                                    "number": to_thai_digits(number)})
        taken.add(number)
        if row.get("scoring") == Indicator.Scoring.SCORE:
            if not row.get("max_score"):
                errors.append(_("แถวที่ %(n)s: ตัวชี้วัดแบบคะแนนต้องมีคะแนนเต็ม") % {"n": to_thai_digits(n)})
            elif row.get("pass_score") is not None and row["pass_score"] > row["max_score"]:
                errors.append(_("แถวที่ %(n)s: คะแนนที่ถือว่าผ่านเกินคะแนนเต็ม") % {"n": to_thai_digits(n)})
    if not rows:
        errors.append(_("ยังไม่ได้กรอกตัวชี้วัด"))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        for row in rows:
            scoring = row.get("scoring") or Indicator.Scoring.PASS_FAIL
            score = scoring == Indicator.Scoring.SCORE
            indicator = Indicator.objects.create(
                indicator_set=indicator_set, number=row["number"], text=row["text"].strip(),
                principle=row["principle"], is_mandatory=bool(row.get("is_mandatory")), scoring=scoring,
                max_score=row.get("max_score") if score else None,
                pass_score=(row.get("pass_score") if row.get("pass_score") is not None else row.get("max_score"))
                if score else None)
            created.append(indicator)
        record(user, AuditEntry.Action.UPDATE, indicator_set, changes={"indicators_added": [
            f"{i.number}. {i.text}{' (บังคับ)' if i.is_mandatory else ''} [{i.principle.name}]" for i in created]})
    return created


def set_rules(user, indicator_set: IndicatorSet, rows: list[dict]) -> list[LevelRule]:
    """The level rules of a draft set, one row per level of the kind's level set (a row left out removes
    that level's rule). Each row: level, label, rank, min_passed, min_score, requires_all_mandatory."""
    _administrator(user)
    _draft(indicator_set)
    allowed_levels = LEVEL_SETS[_kind(indicator_set.fund_kind).level_set]
    for row in rows:
        if row["level"] not in allowed_levels:
            raise ValidationError(_("ระดับ «%(l)s» ไม่ใช่ระดับของกองทุนประเภทนี้") % {"l": row["level"]})
    with transaction.atomic():
        before = {r.level: _rule_text(r) for r in indicator_set.rules.all()}
        indicator_set.rules.exclude(level__in=[r["level"] for r in rows]).delete()  # a draft's rules
        saved = []
        for row in rows:
            rule, _created = LevelRule.objects.update_or_create(
                indicator_set=indicator_set, level=row["level"],
                defaults={"label": (row.get("label") or "").strip(), "rank": row.get("rank") or 1,
                          "min_passed": row.get("min_passed"), "min_score": row.get("min_score"),
                          "requires_all_mandatory": bool(row.get("requires_all_mandatory"))})
            saved.append(rule)
        after = {r.level: _rule_text(r) for r in saved}
        changes = diff(before, after)
        if changes:
            record(user, AuditEntry.Action.UPDATE, indicator_set, changes={"rules": changes})
    return saved


def _rule_text(rule: LevelRule) -> str:
    return (f"{rule.label}|rank={rule.rank}|passed>={rule.min_passed}|score>={rule.min_score}"
            f"|mandatory={rule.requires_all_mandatory}")


def publish(user, indicator_set: IndicatorSet, *, now=None) -> IndicatorSet:
    _administrator(user)
    _draft(indicator_set)
    rules = list(indicator_set.rules.all())
    count = indicator_set.indicators.count()
    errors = []
    if not rules:
        errors.append(_("ยังไม่มีเกณฑ์ระดับ"))
    elif not indicator_set.level_only and not any(r.is_unconditional for r in rules):
        errors.append(_("ต้องมีเกณฑ์ระดับต่ำสุดที่ไม่มีเงื่อนไข (ทุกกองทุนที่ประเมินต้องได้ระดับใดระดับหนึ่ง)"))
    if not indicator_set.level_only:
        if not count:
            errors.append(_("ยังไม่มีตัวชี้วัด"))
        for rule in rules:
            if rule.min_passed and rule.min_passed > count:
                errors.append(_("เกณฑ์%(rule)s ต้องผ่าน %(n)s ข้อ แต่ชุดนี้มีเพียง %(count)s ข้อ") % {
                    "rule": rule.display, "n": to_thai_digits(rule.min_passed), "count": to_thai_digits(count)})
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        indicator_set.status = IndicatorSet.Status.PUBLISHED
        indicator_set.published_at = now or timezone.now()
        indicator_set.published_by = user
        indicator_set.updated_by = user
        indicator_set.save()
        record(user, AuditEntry.Action.TRANSITION, indicator_set,
               changes={"status": ["draft", "published"], "indicators": count, "rules": len(rules)})
    return indicator_set


def new_version(user, indicator_set: IndicatorSet) -> IndicatorSet:
    """A draft copy of a published set (its indicators and rules), the next version of the same kind and year."""
    _administrator(user)
    if not indicator_set.is_published:
        raise ValidationError(_("ชุดนี้ยังเป็นร่าง แก้ไขได้โดยตรง"))
    with transaction.atomic():
        copy = create_set(user, fund_kind=indicator_set.fund_kind, fiscal_year=indicator_set.fiscal_year,
                          title=indicator_set.title, level_only=indicator_set.level_only,
                          source_note=indicator_set.source_note)
        copy.previous = indicator_set
        copy.save(update_fields=["previous"])
        Indicator.objects.bulk_create([
            Indicator(indicator_set=copy, number=i.number, text=i.text, principle_id=i.principle_id,
                      is_mandatory=i.is_mandatory, scoring=i.scoring, max_score=i.max_score, pass_score=i.pass_score)
            for i in indicator_set.indicators.all()])
        LevelRule.objects.bulk_create([
            LevelRule(indicator_set=copy, level=r.level, label=r.label, rank=r.rank, min_passed=r.min_passed,
                      min_score=r.min_score, requires_all_mandatory=r.requires_all_mandatory)
            for r in indicator_set.rules.all()])
    return copy


# --- the level -----------------------------------------------------------------------------------------

@dataclass
class Outcome:
    level: str = ""
    rule: LevelRule | None = None
    passed_count: int = 0
    total_score: Decimal = Decimal("0")
    mandatory_failed: list = field(default_factory=list)  # the failed mandatory indicators
    # the better levels not reached and why: [(rule, [Thai reasons])]
    missed: list = field(default_factory=list)


def result_passed(indicator: Indicator, passed: bool | None, score) -> bool:
    if indicator.scoring == Indicator.Scoring.SCORE:
        threshold = indicator.pass_score if indicator.pass_score is not None else indicator.max_score
        return score is not None and threshold is not None and Decimal(score) >= threshold
    return bool(passed)


def compute_level(rules: list[LevelRule], results: list[tuple[Indicator, bool, Decimal | None]]) -> Outcome:
    """The level from the rules (best rank first) and the results [(indicator, passed, score)]."""
    outcome = Outcome()
    for indicator, passed, score in results:
        if passed:
            outcome.passed_count += 1
        if score is not None:
            outcome.total_score += Decimal(score)
        if indicator.is_mandatory and not passed:
            outcome.mandatory_failed.append(indicator)
    for rule in sorted(rules, key=lambda r: -r.rank):
        reasons = []
        if rule.requires_all_mandatory and outcome.mandatory_failed:
            reasons.append(_("ไม่ผ่านตัวชี้วัดบังคับข้อ %(numbers)s") % {
                "numbers": ", ".join(to_thai_digits(i.number) for i in outcome.mandatory_failed)})
        if rule.min_passed and outcome.passed_count < rule.min_passed:
            reasons.append(_("ผ่าน %(n)s ข้อ ต้องผ่านอย่างน้อย %(min)s ข้อ") % {
                "n": to_thai_digits(outcome.passed_count), "min": to_thai_digits(rule.min_passed)})
        if rule.min_score and outcome.total_score < rule.min_score:
            reasons.append(_("คะแนนรวม %(s)s ต้องได้อย่างน้อย %(min)s") % {
                "s": to_thai_digits(outcome.total_score.normalize()), "min": to_thai_digits(rule.min_score.normalize())})
        if reasons:
            outcome.missed.append((rule, reasons))
            continue
        outcome.level, outcome.rule = rule.level, rule
        break
    return outcome


def explain(assessment: Assessment) -> Outcome:
    """The computed level of a recorded assessment again, with the reasons (for its page)."""
    results = [(r.indicator, r.passed, r.score) for r in selectors.results_of(assessment)]
    return compute_level(list(assessment.indicator_set.rules.all()), results)


# --- assessments (the keeping district office) -----------------------------------------------------------

def _keeper(user, district_code: str) -> None:
    if not keeps_registry(user, district_code):
        raise PermissionDenied(_("บันทึกผลการประเมินได้เฉพาะสำนักงานพัฒนาชุมชนอำเภอที่ดูแลกองทุนนั้น"))


def _clean_results(indicator_set: IndicatorSet, results: dict) -> list[tuple[Indicator, bool, Decimal | None, str]]:
    indicators = list(indicator_set.indicators.select_related("principle").order_by("number"))
    cleaned, errors = [], []
    for indicator in indicators:
        given = results.get(indicator.pk) or {}
        score = given.get("score")
        if indicator.scoring == Indicator.Scoring.SCORE:
            if score is None:
                errors.append(_("ข้อ %(n)s: กรุณาใส่คะแนน") % {"n": to_thai_digits(indicator.number)})
                continue
            if score < 0 or (indicator.max_score is not None and score > indicator.max_score):
                errors.append(_("ข้อ %(n)s: คะแนนต้องอยู่ระหว่าง ๐ ถึง %(max)s") % {
                    "n": to_thai_digits(indicator.number), "max": to_thai_digits(indicator.max_score.normalize())})
                continue
        else:
            score = None
        passed = result_passed(indicator, given.get("passed"), score)
        cleaned.append((indicator, passed, score, (given.get("note") or "").strip()))
    if errors:
        raise ValidationError(errors)
    return cleaned


def _apply(assessment: Assessment, indicator_set: IndicatorSet, results: dict, level: str | None) -> list:
    if indicator_set.level_only:
        allowed = [r.level for r in indicator_set.rules.all()]
        if level not in allowed:
            raise ValidationError({"level": _("กรุณาเลือกระดับที่ได้ (%(levels)s)") % {"levels": ", ".join(allowed)}})
        assessment.level = level
        assessment.level_rule = indicator_set.rules.get(level=level)
        assessment.passed_count = 0
        assessment.total_score = Decimal("0")
        assessment.mandatory_failed = 0
        return []
    cleaned = _clean_results(indicator_set, results)
    outcome = compute_level(list(indicator_set.rules.all()), [(i, p, s) for i, p, s, _n in cleaned])
    assessment.level = outcome.level
    assessment.level_rule = outcome.rule
    assessment.passed_count = outcome.passed_count
    assessment.total_score = outcome.total_score
    assessment.mandatory_failed = len(outcome.mandatory_failed)
    return cleaned


def record_assessment(user, *, fund_kind: str, fund, fiscal_year: int, round: int, assessed_on: date,
                      assessor: str, results: dict | None = None, level: str | None = None,
                      note: str = "") -> Assessment:
    """Record a fund's assessment of a fiscal year and round with the year's published set. `results` is
    {indicator id: {"passed": bool, "score": Decimal, "note": str}}; a level-only set takes `level`."""
    kind = _kind(fund_kind)
    district = selectors.fund_district(kind, fund)
    _keeper(user, district)
    indicator_set = selectors.current_set(fund_kind, fiscal_year)
    if indicator_set is None:
        raise ValidationError(_("ยังไม่มีชุดตัวชี้วัดที่ประกาศใช้สำหรับ%(kind)s ปีงบประมาณ %(year)s") % {
            "kind": kind.label, "year": to_thai_digits(fiscal_year)})
    if not (assessor or "").strip():
        raise ValidationError({"assessor": _("กรุณาใส่ชื่อผู้ประเมิน")})
    assessment = Assessment(fund_kind=fund_kind, fund_id=fund.pk, district_id=district,
                            fund_name=selectors.fund_label(fund)[:300], fiscal_year=fiscal_year, round=round,
                            assessed_on=assessed_on, assessor=assessor.strip(), indicator_set=indicator_set,
                            set_version=indicator_set.version, note=(note or "").strip(), created_by=user,
                            updated_by=user)
    cleaned = _apply(assessment, indicator_set, results or {}, level)
    try:
        with transaction.atomic():
            assessment.save()
            IndicatorResult.objects.bulk_create([
                IndicatorResult(assessment=assessment, indicator=i, passed=p, score=s, note=n)
                for i, p, s, n in cleaned])
            record(user, AuditEntry.Action.CREATE, assessment, district_code=district, changes={
                "fund": f"{fund_kind}:{fund.pk}", "fiscal_year": fiscal_year, "round": round,
                "set": f"{indicator_set.pk} v{indicator_set.version}", "level": assessment.level,
                "passed": assessment.passed_count, "failed": [i.number for i, p, _s, _n in cleaned if not p]})
    except IntegrityError as exc:
        raise ValidationError(_("บันทึกผลการประเมินรอบ«%(round)s» ปีงบประมาณ %(year)s ของกองทุนนี้แล้ว "
                                "แก้ไขได้ที่หน้าผลการประเมิน") % {
            "round": Assessment.Round(round).label, "year": to_thai_digits(fiscal_year)}) from exc
    return assessment


def update_assessment(user, assessment: Assessment, *, assessed_on: date, assessor: str, results: dict | None = None,
                      level: str | None = None, note: str = "") -> Assessment:
    """Correct a recorded assessment, with the set version it was recorded with; the level is computed again."""
    _keeper(user, assessment.district_id)
    if not (assessor or "").strip():
        raise ValidationError({"assessor": _("กรุณาใส่ชื่อผู้ประเมิน")})
    before = snapshot(assessment, ASSESSMENT_FIELDS)
    old_results = {r.indicator_id: r for r in assessment.results.all()}
    assessment.assessed_on, assessment.assessor, assessment.note = assessed_on, assessor.strip(), (note or "").strip()
    try:
        cleaned = _apply(assessment, assessment.indicator_set, results or {}, level)
    except ValidationError:
        for key, value in before.items():
            setattr(assessment, key, value)
        raise
    with transaction.atomic():
        changes = diff(before, snapshot(assessment, ASSESSMENT_FIELDS))
        changed_results = {}
        for indicator, passed, score, note_text in cleaned:
            old = old_results.get(indicator.pk)
            if old is None:
                IndicatorResult.objects.create(assessment=assessment, indicator=indicator, passed=passed, score=score,
                                               note=note_text)
                changed_results[str(indicator.number)] = ["", str(passed)]
            elif (old.passed, old.score, old.note) != (passed, score, note_text):
                changed_results[str(indicator.number)] = [f"{old.passed} {old.score or ''}".strip(),
                                                          f"{passed} {score or ''}".strip()]
                old.passed, old.score, old.note = passed, score, note_text
                old.save()
        if changed_results:
            changes["results"] = changed_results
        if changes:
            assessment.updated_by = user
            assessment.save()
            record(user, AuditEntry.Action.UPDATE, assessment, changes=changes, district_code=assessment.district_id)
    return assessment


# --- แม่ของแผ่นดิน fund villages ----------------------------------------------------------------------

def create_mother_fund(user, *, district, village, year_joined: int | None = None, note: str = "") -> MotherFundVillage:
    _keeper(user, district.pk)
    if village.subdistrict.district_id != district.pk:
        raise ValidationError({"village": _("หมู่บ้านนี้ไม่อยู่ในอำเภอ%(d)s") % {"d": district.name_th}})
    if MotherFundVillage.objects.filter(village=village).exists():
        raise ValidationError({"village": _("หมู่บ้านนี้บันทึกเป็นหมู่บ้านกองทุนแม่ของแผ่นดินแล้ว")})
    with transaction.atomic():
        fund = MotherFundVillage.objects.create(district=district, village=village, year_joined=year_joined,
                                                note=(note or "").strip(), created_by=user, updated_by=user)
        record(user, AuditEntry.Action.CREATE, fund, district_code=district.pk,
               changes={k: str(v) for k, v in snapshot(fund, MOTHER_FIELDS).items() if v not in (None, "")})
    return fund


def update_mother_fund(user, fund: MotherFundVillage, *, year_joined: int | None = None, note: str = "") -> MotherFundVillage:
    _keeper(user, fund.district_id)
    with transaction.atomic():
        before = snapshot(fund, MOTHER_FIELDS)
        fund.year_joined, fund.note = year_joined, (note or "").strip()
        changes = diff(before, snapshot(fund, MOTHER_FIELDS))
        if changes:
            fund.updated_by = user
            fund.save()
            record(user, AuditEntry.Action.UPDATE, fund, changes=changes, district_code=fund.district_id)
    return fund


def stop_mother_fund(user, fund: MotherFundVillage, *, on: date, reason: str) -> MotherFundVillage:
    _keeper(user, fund.district_id)
    if not fund.is_active:
        raise ValidationError(_("หมู่บ้านกองทุนนี้หยุดดำเนินการแล้ว"))
    if not (reason or "").strip():
        raise ValidationError({"stop_reason": _("กรุณาใส่เหตุผลที่หยุดดำเนินการ")})
    with transaction.atomic():
        fund.status, fund.stopped_on, fund.stop_reason = MotherFundVillage.Status.STOPPED, on, reason.strip()
        fund.updated_by = user
        fund.save()
        record(user, AuditEntry.Action.TRANSITION, fund, district_code=fund.district_id,
               changes={"status": ["active", "stopped"], "stopped_on": str(on), "stop_reason": fund.stop_reason})
    return fund
