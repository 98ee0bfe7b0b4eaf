"""Writes to the OTOP and occupational-group registries and the annual registration round: every rule,
permission check (cdd_portal.accounts.scoping) and audit entry lives here. Messages are Thai and name
the field (ValidationError({field: message})).

Who may write: the producer's, product's or group's own district office (`keeps_registry`);
administrators may correct any. The round: the district office records, the district head approves
(`approves_otop_registration`), the province head certifies (`certifies_otop_registration`); each step
is a conditional UPDATE on the old status, so two people acting at once cannot both move it.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cdd_portal.accounts.scoping import (
    approves_otop_registration,
    certifies_otop_registration,
    is_administrator,
    keeps_registry,
)
from cdd_portal.audit.models import AuditEntry
from cdd_portal.audit.services import diff, record, snapshot
from cdd_portal.files import services as files
from cdd_portal.thai import format_number, to_arabic_digits, to_thai_digits
from otop.catalogue import CATEGORIES, SUB_GROUPS, category_of, valid_sub_groups_text
from otop.models import (
    Cluster,
    CommitteeMember,
    OccupationGroup,
    Producer,
    ProducerRegistration,
    Product,
    ProductChampionResult,
    ProductStandard,
    StarThreshold,
)

FIRST_YEAR = 2544  # OTOP began in พ.ศ. ๒๕๔๔
LAST_YEAR = 2700
MIN_GROUP_MEMBERS = 5
PHONE = re.compile(r"^[0-9+()\-\s,./]{6,50}$")
Action = AuditEntry.Action


def _n(value) -> str:
    """A number for a message: Thai digits, commas."""
    return format_number(value)


def _text(value) -> str:
    return " ".join(str(value or "").split())


def _check(user, district_code: str, what: str) -> None:
    if not keeps_registry(user, district_code):
        raise PermissionDenied(_("แก้ไข%(what)sได้เฉพาะสำนักงานพัฒนาชุมชนอำเภอที่รับผิดชอบ") % {"what": what})


def _created(user, obj, fields: Iterable[str], district_code: str) -> None:
    record(user, Action.CREATE, obj, changes={k: str(v) for k, v in snapshot(obj, fields).items()},
           district_code=district_code)


def _year(value, field: str = "year") -> int:
    try:
        year = int(to_arabic_digits(str(value)).strip())
    except (TypeError, ValueError) as exc:
        raise ValidationError({field: _("กรุณาระบุปี พ.ศ. เป็นตัวเลข เช่น ๒๕๖๗")}) from exc
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise ValidationError({field: _("ปีต้องเป็นปี พ.ศ. (ตั้งแต่ %(first)s) เช่น ๒๕๖๗")
                               % {"first": to_thai_digits(FIRST_YEAR)}})
    return year


def _village_of(district_code: str, village, owner: str) -> None:
    if village is None:
        raise ValidationError({"village": _("กรุณาเลือกหมู่บ้านที่ตั้ง")})
    if village.subdistrict.district_id != district_code:
        raise ValidationError({"village": _("หมู่บ้านนี้ไม่อยู่ในอำเภอของ%(owner)s") % {"owner": owner}})


def _unique_name(model, obj, message: str) -> None:
    clash = model.objects.filter(district_id=obj.district_id, name=obj.name).exclude(pk=obj.pk)
    if clash.exists():
        raise ValidationError({"name": message % {"name": obj.name}})


def _save(obj, message: str) -> None:
    try:
        with transaction.atomic():
            obj.save()
    except IntegrityError as exc:  # a concurrent insert of the same name
        raise ValidationError({"name": message % {"name": obj.name}}) from exc


def _apply(obj, fields: dict, allowed: Iterable[str]) -> None:
    for key in allowed:
        if key in fields:
            setattr(obj, key, fields[key])


@contextmanager
def _unchanged_on_error(obj):
    """A refused update leaves the caller's object as it was (not half-changed)."""
    saved = copy.copy(obj)
    try:
        yield
    except (ValidationError, PermissionDenied):
        obj.__dict__.update(saved.__dict__)
        raise


# --- producers ----------------------------------------------------------------------------------------

PRODUCER_FIELDS = ("type", "name", "leader_name", "house_number", "village_id", "phone", "email",
                   "community_links", "members", "is_active")
PRODUCER_EDITABLE = ("type", "name", "leader_name", "house_number", "village", "phone", "email",
                     "community_links", "members", "is_active")
PRODUCER_DUPLICATE = gettext_noop("อำเภอนี้มีผู้ผลิตชื่อ «%(name)s» อยู่แล้ว")


def _validate_producer(p: Producer) -> None:
    p.name, p.leader_name = _text(p.name), _text(p.leader_name)
    p.house_number, p.phone, p.email = _text(p.house_number), _text(to_arabic_digits(p.phone)), _text(p.email)
    if p.type not in Producer.Type.values:
        raise ValidationError({"type": _("กรุณาเลือกประเภทผู้ผลิต: %(types)s")
                               % {"types": ", ".join(str(label) for label in Producer.Type.labels)}})
    if not p.name:
        raise ValidationError({"name": _("กรุณากรอกชื่อผู้ผลิต ผู้ประกอบการ")})
    if not p.leader_name:
        raise ValidationError({"leader_name": _("กรุณากรอกชื่อประธานกลุ่ม") if p.type == Producer.Type.COMMUNITY_GROUP
                               else _("กรุณากรอกชื่อเจ้าของหรือผู้ประกอบการ")})
    _village_of(p.district_id, p.village if p.village_id else None, _("ผู้ผลิต"))
    links = [code for code in Producer.CommunityLink.values if code in set(p.community_links or [])]
    unknown = set(p.community_links or []) - set(Producer.CommunityLink.values)
    if unknown or not links:
        raise ValidationError({"community_links": _("กรุณาเลือกการเชื่อมโยงกับชุมชนอย่างน้อยหนึ่งข้อ: %(links)s")
                               % {"links": ", ".join(str(label) for label in Producer.CommunityLink.labels)}})
    p.community_links = links
    if p.type == Producer.Type.COMMUNITY_GROUP:
        if not p.members or p.members < 1:
            raise ValidationError({"members": _("กลุ่มผู้ผลิตชุมชนต้องระบุจำนวนสมาชิกอย่างน้อย ๑ คน")})
    elif p.type == Producer.Type.SINGLE_OWNER:
        if p.members:
            raise ValidationError({"members": _("ผู้ผลิตชุมชนที่เป็นเจ้าของรายเดียวไม่มีสมาชิก กรุณาเว้นว่าง")})
        p.members = None
    elif p.members == 0:
        p.members = None
    if p.phone and not PHONE.match(p.phone):
        raise ValidationError({"phone": _("กรุณากรอกหมายเลขโทรศัพท์เป็นตัวเลข เช่น 045-123456 หรือ 081-2345678")})
    if p.email:
        try:
            validate_email(p.email)
        except ValidationError as exc:
            raise ValidationError({"email": _("รูปแบบอีเมลไม่ถูกต้อง")}) from exc
    _unique_name(Producer, p, _(PRODUCER_DUPLICATE))


@transaction.atomic
def create_producer(user, *, district, type: str, name: str, leader_name: str, village,
                    house_number: str = "", phone: str = "", email: str = "", community_links=(),
                    members: int | None = None, is_active: bool = True, from_group=None) -> Producer:
    _check(user, district.pk, _("ทะเบียนผู้ผลิต OTOP"))
    producer = Producer(district=district, type=type, name=name, leader_name=leader_name, village=village,
                        house_number=house_number, phone=phone, email=email, community_links=list(community_links),
                        members=members, is_active=is_active, from_group=from_group, created_by=user,
                        updated_by=user)
    _validate_producer(producer)
    _save(producer, _(PRODUCER_DUPLICATE))
    _created(user, producer, PRODUCER_FIELDS, producer.district_id)
    return producer


@transaction.atomic
def update_producer(user, producer: Producer, **fields) -> Producer:
    """A producer is never deleted (registrations name it): one that stopped is marked inactive."""
    _check(user, producer.district_id, _("ทะเบียนผู้ผลิต OTOP"))
    before = snapshot(producer, PRODUCER_FIELDS)
    with _unchanged_on_error(producer):
        _apply(producer, fields, PRODUCER_EDITABLE)
        _validate_producer(producer)
    changes = diff(before, snapshot(producer, PRODUCER_FIELDS))
    if changes:
        producer.updated_by = user
        _save(producer, _(PRODUCER_DUPLICATE))
        record(user, Action.UPDATE, producer, changes=changes, district_code=producer.district_id)
    return producer


# --- products -----------------------------------------------------------------------------------------

PRODUCT_FIELDS = ("producer_id", "name", "category", "sub_group", "description", "price", "unit", "segment",
                  "is_active")
PRODUCT_EDITABLE = ("producer", "name", "category", "sub_group", "description", "price", "unit", "segment",
                    "is_active")


def _validate_product(p: Product, category: str | None) -> None:
    p.name, p.unit, p.description = _text(p.name), _text(p.unit), (p.description or "").strip()
    if not p.name:
        raise ValidationError({"name": _("กรุณากรอกชื่อผลิตภัณฑ์")})
    if p.producer.district_id != p.district_id:
        raise ValidationError({"producer": _("ย้ายผลิตภัณฑ์ไปผู้ผลิตของอำเภออื่นไม่ได้")})
    code = to_arabic_digits(_text(p.sub_group))
    if code not in SUB_GROUPS:
        raise ValidationError({"sub_group": _("กลุ่มผลิตภัณฑ์ต้องเป็นหนึ่งใน ๑๗ กลุ่ม: %(valid)s")
                               % {"valid": valid_sub_groups_text()}})
    p.sub_group = code
    if category not in (None, "") and str(category) != category_of(code):
        raise ValidationError({"sub_group": _("กลุ่มผลิตภัณฑ์ %(code)s ไม่อยู่ในประเภท %(cat)s")
                               % {"code": code, "cat": f"{category} {CATEGORIES.get(str(category), '')}".strip()}})
    p.category = category_of(code)
    if p.price is not None:
        try:
            p.price = Decimal(p.price)
        except (InvalidOperation, TypeError, ValueError) as exc:
            raise ValidationError({"price": _("กรุณากรอกราคาเป็นตัวเลข")}) from exc
        if p.price < 0:
            raise ValidationError({"price": _("ราคาต้องไม่ติดลบ")})
        if not p.unit:
            raise ValidationError({"unit": _("กรุณาระบุหน่วยนับของราคา เช่น ชิ้น กิโลกรัม")})
    if p.segment and p.segment not in Product.Segment.values:
        raise ValidationError({"segment": _("Segment ต้องเป็น A, B, C หรือ D")})
    p.segment = p.segment or ""


@transaction.atomic
def create_product(user, *, producer: Producer, name: str, sub_group: str, category: str | None = None,
                   description: str = "", price=None, unit: str = "", segment: str = "",
                   is_active: bool = True) -> Product:
    _check(user, producer.district_id, _("ทะเบียนผลิตภัณฑ์ OTOP"))
    product = Product(producer=producer, district_id=producer.district_id, name=name, sub_group=sub_group,
                      description=description, price=price, unit=unit, segment=segment, is_active=is_active,
                      created_by=user, updated_by=user)
    _validate_product(product, category)
    product.save()
    _created(user, product, PRODUCT_FIELDS, product.district_id)
    return product


@transaction.atomic
def update_product(user, product: Product, **fields) -> Product:
    _check(user, product.district_id, _("ทะเบียนผลิตภัณฑ์ OTOP"))
    before = snapshot(product, PRODUCT_FIELDS)
    category = fields.pop("category", None)
    with _unchanged_on_error(product):
        _apply(product, fields, PRODUCT_EDITABLE)
        _validate_product(product, category)
    changes = diff(before, snapshot(product, PRODUCT_FIELDS))
    if changes:
        product.updated_by = user
        product.save()
        record(user, Action.UPDATE, product, changes=changes, district_code=product.district_id)
    return product


@transaction.atomic
def add_photos(user, product: Product, uploads: list, *, caption: str = "") -> list:
    """Photos of a product (images only, several at once)."""
    _check(user, product.district_id, _("ทะเบียนผลิตภัณฑ์ OTOP"))
    if not uploads:
        raise ValidationError({"file": _("กรุณาเลือกรูปภาพ")})
    for upload in uploads:  # every file checked before any is kept
        files.check_upload(upload, allowed=files.IMAGES)
    return [files.attach(user, product, upload, purpose="photo", caption=caption, allowed=files.IMAGES,
                         district_code=product.district_id) for upload in uploads]


@transaction.atomic
def remove_file(user, owner, item) -> None:
    """Take a photo, certificate or rules file off its record."""
    district_code = _district_of(owner)
    _check(user, district_code, _("ไฟล์ของทะเบียนนี้"))
    if (item.owner_type.model_class() is not type(owner)) or item.owner_id != owner.pk:
        raise ValidationError({"file": _("ไฟล์นี้ไม่ใช่ของรายการนี้")})
    files.remove(user, item, district_code=district_code)


def _district_of(owner) -> str:
    if isinstance(owner, ProductStandard):
        return owner.product.district_id
    return owner.district_id


def _product_event(user, product: Product, key: str, before: str, after: str) -> None:
    """Standards and Product Champion results are part of the product's history (its page shows one)."""
    record(user, Action.UPDATE, product, changes={key: [before, after]}, district_code=product.district_id)


def _standard_text(item: ProductStandard) -> str:
    expiry = f" หมดอายุ {item.expires_on}" if item.expires_on else ""
    return f"{item.get_standard_display()} เลขที่ {item.certificate_number} ออก {item.issued_on}{expiry}"


def _result_text(result: ProductChampionResult) -> str:
    how = "ระบุเอง" if result.stars_by_hand else "ตามเกณฑ์"
    return f"ปี {result.year}: {result.score} คะแนน {result.stars} ดาว ({how})"


# --- standards ----------------------------------------------------------------------------------------

@transaction.atomic
def add_standard(user, product: Product, *, standard: str, certificate_number: str, issued_on: date,
                 expires_on: date | None = None, certificate=None) -> ProductStandard:
    _check(user, product.district_id, _("ทะเบียนผลิตภัณฑ์ OTOP"))
    if standard not in ProductStandard.Standard.values:
        raise ValidationError({"standard": _("มาตรฐานต้องเป็นหนึ่งใน: %(names)s")
                               % {"names": ", ".join(str(label) for label in ProductStandard.Standard.labels)}})
    number = _text(certificate_number)
    if not number:
        raise ValidationError({"certificate_number": _("กรุณากรอกเลขที่ใบรับรอง")})
    if issued_on is None:
        raise ValidationError({"issued_on": _("กรุณาระบุวันที่ออกใบรับรอง")})
    if expires_on is not None and expires_on <= issued_on:
        raise ValidationError({"expires_on": _("วันหมดอายุต้องอยู่หลังวันที่ออกใบรับรอง")})
    if certificate is not None:
        files.check_upload(certificate)
    item = ProductStandard.objects.create(product=product, standard=standard, certificate_number=number,
                                          issued_on=issued_on, expires_on=expires_on, created_by=user)
    _product_event(user, product, "standard", "", _standard_text(item))
    if certificate is not None:
        files.attach(user, item, certificate, purpose="certificate", district_code=product.district_id)
    return item


@transaction.atomic
def attach_certificate(user, item: ProductStandard, upload):
    _check(user, item.product.district_id, _("ทะเบียนผลิตภัณฑ์ OTOP"))
    return files.attach(user, item, upload, purpose="certificate", district_code=item.product.district_id)


@transaction.atomic
def remove_standard(user, item: ProductStandard) -> None:
    """A standard entered by mistake (an expired one stays: it is shown as «หมดอายุ»)."""
    product = item.product
    _check(user, product.district_id, _("ทะเบียนผลิตภัณฑ์ OTOP"))
    for attachment in files.attachments_of(item):
        files.remove(user, attachment, district_code=product.district_id)
    _product_event(user, product, "standard", _standard_text(item), "")
    item.delete()


# --- OTOP Product Champion ----------------------------------------------------------------------------

def _score(value) -> Decimal:
    try:
        score = Decimal(to_arabic_digits(str(value)).replace(",", "").strip())
    except (InvalidOperation, TypeError, ValueError) as exc:
        raise ValidationError({"score": _("กรุณากรอกคะแนนเป็นตัวเลข ๐–๑๐๐")}) from exc
    if not Decimal(0) <= score <= Decimal(100) or score != score.quantize(Decimal("0.01")):
        raise ValidationError({"score": _("คะแนนต้องอยู่ระหว่าง ๐ ถึง ๑๐๐ (ทศนิยมไม่เกิน ๒ ตำแหน่ง)")})
    return score.quantize(Decimal("0.01"))


def thresholds_of(year: int) -> list[StarThreshold]:
    return list(StarThreshold.objects.filter(year=year).order_by("-min_score"))


def stars_for(year: int, score, *, thresholds: list[StarThreshold] | None = None) -> int | None:
    """The stars a score earns in `year` by that year's thresholds; None when the year has none (the
    stars are then given by hand). A score under the lowest threshold is refused."""
    thresholds = thresholds_of(year) if thresholds is None else thresholds
    if not thresholds:
        return None
    score = _score(score)
    for threshold in sorted(thresholds, key=lambda t: t.min_score, reverse=True):
        if score >= threshold.min_score:
            return threshold.stars
    lowest = min(thresholds, key=lambda t: t.min_score)
    raise ValidationError({"score": _("คะแนน %(score)s ต่ำกว่าเกณฑ์ขั้นต่ำของปี %(year)s (%(stars)s ดาว: %(min)s คะแนนขึ้นไป)")
                           % {"score": _n(score), "year": to_thai_digits(year), "stars": _n(lowest.stars),
                              "min": _n(lowest.min_score)}})


def _refresh_latest(product: Product) -> None:
    latest = product.champion_results.order_by("-year").values("year", "stars").first()
    Product.objects.filter(pk=product.pk).update(latest_stars=latest["stars"] if latest else None,
                                                 latest_champion_year=latest["year"] if latest else None)
    product.latest_stars = latest["stars"] if latest else None
    product.latest_champion_year = latest["year"] if latest else None


@transaction.atomic
def record_champion_result(user, product: Product, *, year, score, stars: int | None = None) -> ProductChampionResult:
    """The product's result in one selection year (a second entry for the same year corrects the first).
    With the year's thresholds in the system the stars follow from the score (stars typed by hand must
    agree); without them the stars must be given, as the announcement of the results says."""
    _check(user, product.district_id, _("ทะเบียนผลิตภัณฑ์ OTOP"))
    year, score = _year(year), _score(score)
    if stars in ("", None):
        stars = None
    else:
        try:
            stars = int(to_arabic_digits(str(stars)))
        except ValueError as exc:
            raise ValidationError({"stars": _("ระดับดาวต้องเป็น ๑ ถึง ๕")}) from exc
        if not 1 <= stars <= 5:
            raise ValidationError({"stars": _("ระดับดาวต้องเป็น ๑ ถึง ๕")})
    computed = stars_for(year, score)
    if computed is None:
        if stars is None:
            raise ValidationError({"stars": _("ปี %(year)s ยังไม่มีเกณฑ์คะแนนระดับดาวในระบบ กรุณาระบุระดับดาวตามประกาศผลการคัดสรร")
                                   % {"year": to_thai_digits(year)}})
        by_hand = True
    else:
        if stars is not None and stars != computed:
            raise ValidationError({"stars": _("ตามเกณฑ์ปี %(year)s คะแนน %(score)s ได้ %(computed)s ดาว ไม่ใช่ %(stars)s ดาว")
                                   % {"year": to_thai_digits(year), "score": _n(score), "computed": _n(computed),
                                      "stars": _n(stars)}})
        stars, by_hand = computed, False
    existing = ProductChampionResult.objects.select_for_update().filter(product=product, year=year).first()
    if existing is None:
        result = ProductChampionResult.objects.create(product=product, year=year, score=score, stars=stars,
                                                      stars_by_hand=by_hand, created_by=user)
        _product_event(user, product, "champion_result", "", _result_text(result))
    else:
        before = _result_text(existing)
        existing.score, existing.stars, existing.stars_by_hand = score, stars, by_hand
        existing.save()
        result = existing
        if _result_text(result) != before:
            _product_event(user, product, "champion_result", before, _result_text(result))
    _refresh_latest(product)
    return result


@transaction.atomic
def remove_champion_result(user, result: ProductChampionResult) -> None:
    product = result.product
    _check(user, product.district_id, _("ทะเบียนผลิตภัณฑ์ OTOP"))
    _product_event(user, product, "champion_result", _result_text(result), "")
    result.delete()
    _refresh_latest(product)


def check_thresholds(year, mins: dict[int, object]) -> dict[int, Decimal]:
    """{stars: min_score} checked: stars 1–5, scores 0–100, more stars need a higher score."""
    _year(year)
    clean: dict[int, Decimal] = {}
    for stars, value in mins.items():
        if value in (None, ""):
            continue
        if int(stars) not in range(1, 6):
            raise ValidationError({"stars": _("ระดับดาวต้องเป็น ๑ ถึง ๕")})
        try:
            clean[int(stars)] = _score(value)
        except ValidationError as exc:
            raise ValidationError({f"min_{stars}": exc.message_dict["score"]}) from exc
    ordered = sorted(clean.items())
    for (low_stars, low), (high_stars, high) in zip(ordered, ordered[1:], strict=False):
        if high <= low:
            raise ValidationError({f"min_{high_stars}": _("คะแนนขั้นต่ำของ %(high)s ดาวต้องมากกว่าของ %(low)s ดาว (%(min)s)")
                                   % {"high": _n(high_stars), "low": _n(low_stars), "min": _n(low)}})
    return clean


def _recompute_year(user, year: int) -> int:
    """Results of `year` whose stars came from the thresholds get them again; returns how many changed."""
    thresholds = thresholds_of(year)
    results = list(ProductChampionResult.objects.select_related("product").filter(year=year, stars_by_hand=False))
    if results and not thresholds:
        raise ValidationError({"year": _("ลบเกณฑ์ไม่ได้: มีผลการคัดสรรปี %(year)s ที่คำนวณระดับดาวจากเกณฑ์นี้ %(n)s รายการ")
                               % {"year": to_thai_digits(year), "n": _n(len(results))}})
    changed = 0
    for result in results:
        try:
            stars = stars_for(year, result.score, thresholds=thresholds)
        except ValidationError as exc:
            raise ValidationError({"year": _("เกณฑ์นี้ทำให้ผลิตภัณฑ์ «%(product)s» (คะแนน %(score)s) ไม่ได้ระดับดาวใดเลย")
                                   % {"product": result.product.name, "score": _n(result.score)}}) from exc
        if stars != result.stars:
            before = _result_text(result)
            result.stars = stars
            _product_event(user, result.product, "champion_result", before, _result_text(result))
            result.save(update_fields=["stars"])
            _refresh_latest(result.product)
            changed += 1
    return changed


@transaction.atomic
def set_thresholds(user, year, mins: dict[int, object], *, note: str = "") -> int:
    """Replace the thresholds of one selection year ({stars: least score}; an empty value leaves that
    level out). Results of that year computed from thresholds are computed again. Administrators only."""
    if not is_administrator(user):
        raise PermissionDenied(_("เกณฑ์คะแนนระดับดาวแก้ไขได้เฉพาะผู้ดูแลระบบ"))
    year = _year(year)
    clean = check_thresholds(year, mins)
    for old in StarThreshold.objects.filter(year=year):
        record(user, Action.DELETE, old, changes={"year": str(year), "stars": str(old.stars),
                                                  "min_score": str(old.min_score)})
        old.delete()
    for stars, min_score in sorted(clean.items()):
        row = StarThreshold.objects.create(year=year, stars=stars, min_score=min_score, note=_text(note))
        record(user, Action.CREATE, row, changes={"year": str(year), "stars": str(stars), "min_score": str(min_score)})
    return _recompute_year(user, year)


@transaction.atomic
def save_threshold(user, threshold: StarThreshold) -> StarThreshold:
    """One row written from the Django admin: checked against the year's other rows, then the year's
    computed results follow."""
    if not is_administrator(user):
        raise PermissionDenied(_("เกณฑ์คะแนนระดับดาวแก้ไขได้เฉพาะผู้ดูแลระบบ"))
    others = {t.stars: t.min_score for t in StarThreshold.objects.filter(year=threshold.year).exclude(pk=threshold.pk)}
    check_thresholds(threshold.year, {**others, threshold.stars: threshold.min_score})
    action = Action.UPDATE if threshold.pk else Action.CREATE
    threshold.save()
    record(user, action, threshold, changes={"year": str(threshold.year), "stars": str(threshold.stars),
                                             "min_score": str(threshold.min_score)})
    _recompute_year(user, threshold.year)
    return threshold


@transaction.atomic
def delete_threshold(user, threshold: StarThreshold) -> None:
    if not is_administrator(user):
        raise PermissionDenied(_("เกณฑ์คะแนนระดับดาวแก้ไขได้เฉพาะผู้ดูแลระบบ"))
    year = threshold.year
    record(user, Action.DELETE, threshold, changes={"year": str(year), "stars": str(threshold.stars),
                                                    "min_score": str(threshold.min_score)})
    threshold.delete()
    _recompute_year(user, year)


# --- occupational groups ------------------------------------------------------------------------------

GROUP_FIELDS = ("name", "trade", "village_id", "founded_on", "members_count", "rules", "fund",
                "registration_number", "registered_on", "cluster_id", "is_active")
GROUP_EDITABLE = ("name", "trade", "village", "founded_on", "members_count", "rules", "fund",
                  "registration_number", "registered_on", "cluster", "is_active")
GROUP_DUPLICATE = gettext_noop("อำเภอนี้มีกลุ่มอาชีพชื่อ «%(name)s» อยู่แล้ว")


def _validate_group(g: OccupationGroup, today: date) -> None:
    g.name, g.trade, g.registration_number = _text(g.name), _text(g.trade), _text(g.registration_number)
    g.rules = (g.rules or "").strip()
    if not g.name:
        raise ValidationError({"name": _("กรุณากรอกชื่อกลุ่มอาชีพ")})
    if not g.trade:
        raise ValidationError({"trade": _("กรุณาระบุอาชีพหรือกิจกรรมของกลุ่ม")})
    _village_of(g.district_id, g.village if g.village_id else None, _("กลุ่ม"))
    if g.members_count is None or g.members_count < MIN_GROUP_MEMBERS:
        raise ValidationError({"members_count": _("กลุ่มอาชีพต้องมีสมาชิกอย่างน้อย ๕ คน")})
    if g.fund is None:
        g.fund = Decimal(0)
    if Decimal(g.fund) < 0:
        raise ValidationError({"fund": _("กองทุนกลุ่มต้องไม่ติดลบ")})
    if g.founded_on and g.founded_on > today:
        raise ValidationError({"founded_on": _("วันที่ก่อตั้งต้องไม่เป็นวันในอนาคต")})
    if g.registered_on and g.registered_on > today:
        raise ValidationError({"registered_on": _("วันที่จดทะเบียนต้องไม่เป็นวันในอนาคต")})
    if g.registered_on and g.founded_on and g.registered_on < g.founded_on:
        raise ValidationError({"registered_on": _("วันที่จดทะเบียนต้องไม่ก่อนวันที่ก่อตั้ง")})
    if g.cluster_id and g.cluster.district_id != g.district_id:
        raise ValidationError({"cluster": _("คลัสเตอร์นี้ไม่อยู่ในอำเภอของกลุ่ม")})
    _unique_name(OccupationGroup, g, _(GROUP_DUPLICATE))


@transaction.atomic
def create_group(user, *, district, name: str, trade: str, village, members_count: int,
                 founded_on: date | None = None, rules: str = "", fund=Decimal(0), registration_number: str = "",
                 registered_on: date | None = None, cluster=None, is_active: bool = True,
                 today: date | None = None) -> OccupationGroup:
    _check(user, district.pk, _("ทะเบียนกลุ่มอาชีพ"))
    group = OccupationGroup(district=district, name=name, trade=trade, village=village, members_count=members_count,
                            founded_on=founded_on, rules=rules, fund=fund, registration_number=registration_number,
                            registered_on=registered_on, cluster=cluster, is_active=is_active, created_by=user,
                            updated_by=user)
    _validate_group(group, today or timezone.localdate())
    _save(group, _(GROUP_DUPLICATE))
    _created(user, group, GROUP_FIELDS, group.district_id)
    return group


@transaction.atomic
def update_group(user, group: OccupationGroup, *, today: date | None = None, **fields) -> OccupationGroup:
    _check(user, group.district_id, _("ทะเบียนกลุ่มอาชีพ"))
    before = snapshot(group, GROUP_FIELDS)
    with _unchanged_on_error(group):
        _apply(group, fields, GROUP_EDITABLE)
        _validate_group(group, today or timezone.localdate())
    changes = diff(before, snapshot(group, GROUP_FIELDS))
    if changes:
        group.updated_by = user
        _save(group, _(GROUP_DUPLICATE))
        record(user, Action.UPDATE, group, changes=changes, district_code=group.district_id)
    return group


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@transaction.atomic
def add_committee_member(user, group: OccupationGroup, *, name: str, position: str, term_start: date,
                         term_end: date) -> CommitteeMember:
    """An elected committee member; the term is 1 to 5 years (seed 004 §2.6: วาระ ๑–๕ ปี)."""
    _check(user, group.district_id, _("ทะเบียนกลุ่มอาชีพ"))
    name = _text(name)
    if not name:
        raise ValidationError({"name": _("กรุณากรอกชื่อกรรมการ")})
    if position not in CommitteeMember.Position.values:
        raise ValidationError({"position": _("ตำแหน่งต้องเป็น %(names)s")
                               % {"names": ", ".join(str(label) for label in CommitteeMember.Position.labels)}})
    if term_start is None or term_end is None:
        raise ValidationError({"term_end" if term_start else "term_start": _("กรุณาระบุวันเริ่มและวันสิ้นสุดวาระ")})
    # «1 ปี» runs from 1 ม.ค. ๒๕๖๗ to 31 ธ.ค. ๒๕๖๗ (a day short of a year) or to 1 ม.ค. ๒๕๖๘
    if term_end < _add_years(term_start, 1) - timedelta(days=1) or term_end > _add_years(term_start, 5):
        raise ValidationError({"term_end": _("วาระของกรรมการกลุ่มอาชีพต้องอยู่ระหว่าง ๑ ถึง ๕ ปี")})
    member = CommitteeMember.objects.create(group=group, name=name, position=position, term_start=term_start,
                                            term_end=term_end)
    record(user, Action.UPDATE, group, district_code=group.district_id, changes={
        "committee": ["", f"{member.get_position_display()} {name} ({term_start} – {term_end})"]})
    return member


@transaction.atomic
def remove_committee_member(user, member: CommitteeMember) -> None:
    group = member.group
    _check(user, group.district_id, _("ทะเบียนกลุ่มอาชีพ"))
    record(user, Action.UPDATE, group, district_code=group.district_id, changes={
        "committee": [f"{member.get_position_display()} {member.name} ({member.term_start} – {member.term_end})", ""]})
    member.delete()


@transaction.atomic
def attach_rules(user, group: OccupationGroup, upload, *, caption: str = ""):
    """The group's rules as a file (PDF or a photo of the signed paper)."""
    _check(user, group.district_id, _("ทะเบียนกลุ่มอาชีพ"))
    return files.attach(user, group, upload, purpose="rules", caption=caption, district_code=group.district_id)


def current_chair(group: OccupationGroup, today: date) -> CommitteeMember | None:
    """The chair whose term covers `today`, else the most recently elected one."""
    chairs = [m for m in group.committee.all() if m.position == CommitteeMember.Position.CHAIR]
    current = [m for m in chairs if m.term_start <= today <= m.term_end]
    pool = current or chairs
    return max(pool, key=lambda m: (m.term_start, m.pk)) if pool else None


@transaction.atomic
def promote_to_producer(user, group: OccupationGroup, *, type: str = Producer.Type.COMMUNITY_GROUP,
                        community_links=(Producer.CommunityLink.PRODUCTION,), today: date | None = None) -> Producer:
    """The group registers as an OTOP producer: name, village, members and the chair as leader come
    from the group (nothing typed again), and the producer remembers the group it grew from."""
    _check(user, group.district_id, _("ทะเบียนกลุ่มอาชีพ"))
    group = OccupationGroup.objects.select_for_update().get(pk=group.pk)
    existing = Producer.objects.filter(from_group=group).first()
    if existing is not None:
        raise ValidationError({"group": _("กลุ่มนี้เป็นผู้ผลิต ผู้ประกอบการ OTOP แล้ว («%(name)s»)") % {"name": existing.name}})
    if not group.is_active:
        raise ValidationError({"group": _("กลุ่มที่เลิกดำเนินการแล้วเป็นผู้ผลิต OTOP ไม่ได้")})
    chair = current_chair(group, today or timezone.localdate())
    if chair is None:
        raise ValidationError({"group": _("กลุ่มยังไม่มีประธานในทะเบียนกรรมการ กรุณาบันทึกคณะกรรมการก่อน")})
    # the group's row is locked above: a second promotion at the same moment waits, then finds the producer
    return create_producer(user, district=group.district, type=type, name=group.name, leader_name=chair.name,
                           village=group.village, community_links=community_links,
                           members=group.members_count if type == Producer.Type.COMMUNITY_GROUP else None,
                           from_group=group)


CLUSTER_FIELDS = ("name", "trade")
CLUSTER_DUPLICATE = gettext_noop("อำเภอนี้มีคลัสเตอร์ชื่อ «%(name)s» อยู่แล้ว")


def _validate_cluster(c: Cluster) -> None:
    c.name, c.trade = _text(c.name), _text(c.trade)
    if not c.name:
        raise ValidationError({"name": _("กรุณากรอกชื่อคลัสเตอร์")})
    if not c.trade:
        raise ValidationError({"trade": _("กรุณาระบุอาชีพหรือผลิตภัณฑ์ของคลัสเตอร์")})
    _unique_name(Cluster, c, _(CLUSTER_DUPLICATE))


@transaction.atomic
def create_cluster(user, *, district, name: str, trade: str) -> Cluster:
    _check(user, district.pk, _("ทะเบียนกลุ่มอาชีพ"))
    cluster = Cluster(district=district, name=name, trade=trade, created_by=user, updated_by=user)
    _validate_cluster(cluster)
    _save(cluster, _(CLUSTER_DUPLICATE))
    _created(user, cluster, CLUSTER_FIELDS, cluster.district_id)
    return cluster


@transaction.atomic
def update_cluster(user, cluster: Cluster, **fields) -> Cluster:
    _check(user, cluster.district_id, _("ทะเบียนกลุ่มอาชีพ"))
    before = snapshot(cluster, CLUSTER_FIELDS)
    with _unchanged_on_error(cluster):
        _apply(cluster, fields, CLUSTER_FIELDS)
        _validate_cluster(cluster)
    changes = diff(before, snapshot(cluster, CLUSTER_FIELDS))
    if changes:
        cluster.updated_by = user
        _save(cluster, _(CLUSTER_DUPLICATE))
        record(user, Action.UPDATE, cluster, changes=changes, district_code=cluster.district_id)
    return cluster


# --- the annual registration round --------------------------------------------------------------------

S = ProducerRegistration.Status


def _eligible(producer: Producer) -> None:
    if not producer.is_active:
        raise ValidationError({"producer": _("«%(name)s» เลิกดำเนินการแล้ว ลงทะเบียนไม่ได้") % {"name": producer.name}})
    if not producer.products.filter(is_active=True).exists():
        raise ValidationError({"producer": _("«%(name)s» ยังไม่มีผลิตภัณฑ์ที่ผลิตอยู่ ต้องมีผลิตภัณฑ์อย่างน้อย ๑ รายการจึงลงทะเบียนได้")
                               % {"name": producer.name}})


@transaction.atomic
def record_registration(user, producer: Producer, year) -> ProducerRegistration:
    """The district office records the producer's registration of `year` (บันทึกแล้ว); a registration
    returned for correction is recorded again the same way."""
    _check(user, producer.district_id, _("การลงทะเบียนผู้ผลิต OTOP"))
    year = _year(year)
    _eligible(producer)
    now = timezone.now()
    registration, created = ProducerRegistration.objects.get_or_create(
        producer=producer, year=year, defaults={"status": S.RECORDED, "recorded_at": now, "recorded_by": user})
    if created:
        record(user, Action.CREATE, registration, district_code=producer.district_id,
               changes={"producer": producer.name, "year": str(year), "status": str(S.RECORDED.label)})
        return registration
    if registration.status != S.RETURNED:
        raise ValidationError({"producer": _("«%(name)s» ลงทะเบียนปี %(year)s แล้ว (สถานะ: %(status)s)")
                               % {"name": producer.name, "year": to_thai_digits(year),
                                  "status": registration.get_status_display()}})
    return _move(user, registration, allowed_from={S.RETURNED}, to=S.RECORDED, recorded_at=now, recorded_by=user,
                 approved_at=None, approved_by=None, certified_at=None, certified_by=None)


def record_all(user, district, year) -> tuple[list[ProducerRegistration], list[str]]:
    """Record every active producer of the district that has no registration for `year` yet, in one go.
    Returns (the registrations made, the names left out with the reason)."""
    _check(user, district.pk, _("การลงทะเบียนผู้ผลิต OTOP"))
    year = _year(year)
    made, left_out = [], []
    producers = (Producer.objects.filter(district=district, is_active=True)
                 .exclude(registrations__year=year).order_by("name"))
    for producer in producers:
        try:
            with transaction.atomic():
                made.append(record_registration(user, producer, year))
        except ValidationError as exc:
            left_out.append(" ".join(m for ms in exc.message_dict.values() for m in ms))
    return made, left_out


def record_ticked(user, district, year, *, producer_ids: list[int], registration_ids: list[int]):
    """Record the ticked producers of the district (not yet recorded this year), and again the ticked
    registrations that were returned. Returns (the registrations recorded, the refusals)."""
    _check(user, district.pk, _("การลงทะเบียนผู้ผลิต OTOP"))
    year = _year(year)
    returned = ProducerRegistration.objects.filter(pk__in=registration_ids, year=year, status=S.RETURNED)
    ticked = set(producer_ids) | set(returned.values_list("producer_id", flat=True))
    made, left_out = [], []
    for producer in Producer.objects.filter(district=district, pk__in=ticked).order_by("name"):
        try:
            with transaction.atomic():
                made.append(record_registration(user, producer, year))
        except ValidationError as exc:
            left_out.append(" ".join(exc.messages))
    return made, left_out


def _move(user, registration: ProducerRegistration, *, allowed_from: set[str], to: str, reason: str = "",
          **fields) -> ProducerRegistration:
    """Race-free: the UPDATE only happens if nobody moved the registration meanwhile."""
    old = registration.status
    updated = ProducerRegistration.objects.filter(pk=registration.pk, status__in=allowed_from).update(
        status=to, **fields)
    if updated != 1:
        current = ProducerRegistration.objects.get(pk=registration.pk)
        raise ValidationError({"status": _("การลงทะเบียนของ «%(name)s» อยู่ในสถานะ «%(status)s» ทำรายการนี้ไม่ได้")
                               % {"name": registration.producer.name, "status": current.get_status_display()}})
    changes = {"status": [str(S(old).label), str(S(to).label)]}
    if reason:
        changes["reason"] = reason
    registration.refresh_from_db()
    record(user, Action.TRANSITION, registration, changes=changes, district_code=registration.producer.district_id)
    return registration


@transaction.atomic
def approve_registration(user, registration: ProducerRegistration) -> ProducerRegistration:
    """The district head (นตผ. อำเภอ) approves a recorded registration."""
    if not approves_otop_registration(user, registration.producer.district_id):
        raise PermissionDenied(_("การลงทะเบียนอนุมัติได้เฉพาะพัฒนาการอำเภอของอำเภอนั้น"))
    return _move(user, registration, allowed_from={S.RECORDED}, to=S.APPROVED, approved_at=timezone.now(),
                 approved_by=user)


@transaction.atomic
def certify_registration(user, registration: ProducerRegistration) -> ProducerRegistration:
    """The province head (พัฒนาการจังหวัด) certifies a registration the district approved."""
    if not certifies_otop_registration(user, registration.producer.district.province_id):
        raise PermissionDenied(_("การลงทะเบียนรับรองได้เฉพาะพัฒนาการจังหวัดของจังหวัดนั้น"))
    return _move(user, registration, allowed_from={S.APPROVED}, to=S.CERTIFIED, certified_at=timezone.now(),
                 certified_by=user)


@transaction.atomic
def return_registration(user, registration: ProducerRegistration, *, reason: str) -> ProducerRegistration:
    """Send a registration back with a reason: the district head a recorded one, the province head an
    approved one. The district office corrects the producer and records it again."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("กรุณาระบุเหตุผลที่ส่งกลับ")})
    district = registration.producer.district
    if registration.status == S.APPROVED:
        allowed, step = certifies_otop_registration(user, district.province_id), {S.APPROVED}
    else:
        allowed, step = approves_otop_registration(user, district.code), {S.RECORDED}
    if not allowed:
        raise PermissionDenied(_("ส่งกลับได้เฉพาะผู้อนุมัติ (พัฒนาการอำเภอ) หรือผู้รับรอง (พัฒนาการจังหวัด)"))
    return _move(user, registration, allowed_from=step, to=S.RETURNED, reason=reason, returned_at=timezone.now(),
                 returned_by=user, return_reason=reason)


def act_on_many(user, registrations, action: str, *, reason: str = "") -> tuple[int, list[str]]:
    """Approve, certify or return the ticked registrations, each on its own (one refused does not stop
    the others). Returns (how many moved, the refusals as «name: reason»)."""
    step = {"approve": approve_registration, "certify": certify_registration,
            "return": lambda u, r: return_registration(u, r, reason=reason)}.get(action)
    if step is None:
        raise ValidationError({"action": _("ไม่รู้จักคำสั่ง «%(action)s»") % {"action": action}})
    done, refused = 0, []
    for registration in registrations:
        try:
            step(user, registration)
            done += 1
        except (PermissionDenied, ValidationError) as exc:
            messages = exc.messages if isinstance(exc, ValidationError) else [str(exc)]
            refused.append(f"{registration.producer.name}: {' '.join(messages)}")
    return done, refused


# --- demo data ----------------------------------------------------------------------------------------

DEMO_DISTRICT = "3401"


def seed_demo_otop() -> dict:
    """A few villages, occupational groups, producers, products, a standard and results for the demo
    district 3401 (idempotent), and the clearly labelled example star thresholds of 2565."""
    from cdd_portal.geo.models import District, Subdistrict, Village

    counts = {"villages": 0, "groups": 0, "producers": 0, "products": 0, "thresholds": 0}
    district = District.objects.get(pk=DEMO_DISTRICT)
    subdistrict = Subdistrict.objects.filter(district=district).order_by("code").first()
    villages = []
    for number, name in ((1, "บ้านหนองบัว"), (2, "บ้านโนนผึ้ง"), (5, "บ้านปะอาว")):
        village, new = Village.objects.get_or_create(subdistrict=subdistrict, number=number,
                                                      defaults={"name_th": name})
        villages.append(village)
        counts["villages"] += new
    example = ("ตัวอย่างสำหรับทดลองระบบเท่านั้น ไม่ใช่เกณฑ์ทางการ: ค่าที่อ้างกันทั่วไป (๕ ดาว ≥ ๙๐ …) "
               "ยังไม่ได้ยืนยันจากแหล่งทางการ")
    for stars, min_score in ((5, 90), (4, 80), (3, 70), (2, 50), (1, 0)):
        _t, new = StarThreshold.objects.get_or_create(year=2565, stars=stars,
                                                      defaults={"min_score": Decimal(min_score), "note": example})
        counts["thresholds"] += new
    groups = {}
    for name, trade, village, members in (
        ("กลุ่มอาชีพทอผ้าไหมบ้านหนองบัว", "ทอผ้าไหม", villages[0], 24),
        ("กลุ่มอาชีพจักสานบ้านโนนผึ้ง", "จักสานไม้ไผ่", villages[1], 12),
    ):
        group, new = OccupationGroup.objects.get_or_create(district=district, name=name, defaults={
            "trade": trade, "village": village, "members_count": members, "fund": Decimal("35000"),
            "founded_on": date(2019, 3, 1), "registration_number": f"อช.{DEMO_DISTRICT}/{len(groups) + 1}"})
        groups[name] = group
        counts["groups"] += new
        if new:
            CommitteeMember.objects.create(group=group, name="นางสมศรี ใจดี" if len(groups) == 1 else "นายสมชาย ขยันดี",
                                           position=CommitteeMember.Position.CHAIR, term_start=date(2023, 1, 1),
                                           term_end=date(2026, 12, 31))
    weaving = groups["กลุ่มอาชีพทอผ้าไหมบ้านหนองบัว"]
    links = [Producer.CommunityLink.PRODUCTION, Producer.CommunityLink.BENEFIT]
    for name, type_, leader, village, members, from_group in (
        ("กลุ่มอาชีพทอผ้าไหมบ้านหนองบัว", Producer.Type.COMMUNITY_GROUP, "นางสมศรี ใจดี", villages[0], 24, weaving),
        ("ปะอาวเครื่องทองเหลือง", Producer.Type.SINGLE_OWNER, "นายประเสริฐ ทองดี", villages[2], None, None),
        ("น้ำพริกแม่บุญมี", Producer.Type.SME, "นางบุญมี ศรีสุข", villages[1], 8, None),
    ):
        producer, new = Producer.objects.get_or_create(district=district, name=name, defaults={
            "type": type_, "leader_name": leader, "village": village, "members": members, "community_links": links,
            "from_group": from_group, "house_number": "12", "phone": "045-123456"})
        counts["producers"] += new
        if not new:
            continue
        for product_name, sub_group, price, unit, stars in {
            "กลุ่มอาชีพทอผ้าไหมบ้านหนองบัว": [("ผ้าไหมมัดหมี่ลายนาคน้อย", "3.1", "3500", "ผืน", 4),
                                            ("ผ้าคลุมไหล่ไหม", "3.2", "890", "ผืน", None)],
            "ปะอาวเครื่องทองเหลือง": [("กระดิ่งทองเหลืองหล่อโบราณ", "4.4", "450", "ชิ้น", 5)],
            "น้ำพริกแม่บุญมี": [("น้ำพริกปลาร้าบอง", "1.3", "60", "กระปุก", 3)],
        }[name]:
            product = Product.objects.create(producer=producer, district=district, name=product_name,
                                             category=category_of(sub_group), sub_group=sub_group,
                                             price=Decimal(price), unit=unit)
            counts["products"] += 1
            if stars:
                score = {5: Decimal("92.50"), 4: Decimal("84.00"), 3: Decimal("73.25")}[stars]
                ProductChampionResult.objects.create(product=product, year=2565, score=score, stars=stars)
                Product.objects.filter(pk=product.pk).update(latest_stars=stars, latest_champion_year=2565)
            if sub_group == "1.3":
                ProductStandard.objects.create(product=product, standard=ProductStandard.Standard.FDA,
                                               certificate_number="34-2-01565-2-0001", issued_on=date(2022, 5, 1),
                                               expires_on=date(2025, 4, 30))
                ProductStandard.objects.create(product=product, standard=ProductStandard.Standard.TCPS,
                                               certificate_number="มผช. 321/2565", issued_on=date(2022, 8, 1))
    return counts
