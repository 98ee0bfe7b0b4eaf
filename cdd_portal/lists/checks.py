"""Row checks that registry imports share: a village of the district named as offices write it, and
numbers, money and dates typed with Thai digits."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext as _

from cdd_portal.geo.matching import match_name, normalise
from cdd_portal.geo.models import Village
from cdd_portal.thai import ThaiParseError, parse_be_date, parse_decimal, parse_integer, to_arabic_digits

_NUMBER = re.compile(r"^(?:หมู่ที่|หมู่|ม\.)\s*(\d+)\s*")


class VillageMatcher:
    """Finds a village of one district from what a workbook says: «หมู่ที่ ๓ บ้านนาโพธิ์», «ม.3 นาโพธิ์»,
    «บ้านนาโพธิ์» alone when the name is unique, or a number and a subdistrict in their own columns.
    One query for the whole file."""

    def __init__(self, district):
        self.district = district
        self.villages = list(Village.objects.filter(subdistrict__district=district).select_related("subdistrict"))

    @staticmethod
    def label(village: Village) -> str:
        return f"หมู่ที่ {village.number} {village.name_th} ต.{village.subdistrict.name_th}"

    def match(self, text: str, *, number_text: str = "", subdistrict_text: str = "") -> tuple[Village | None, str | None, list[str]]:
        """(village, error, suggestions)."""
        text = " ".join(to_arabic_digits(text or "").split())
        number = None
        found = _NUMBER.match(text)
        if found:
            number, text = int(found.group(1)), text[found.end():]
        if number_text:
            try:
                number = parse_integer(number_text.replace("หมู่ที่", "").replace("ม.", "").strip())
            except ThaiParseError:
                return None, _("หมู่ที่ «%(v)s» ไม่ใช่ตัวเลข") % {"v": number_text}, []
        if not text and number is None:
            return None, _("ไม่ได้กรอกหมู่บ้าน"), []
        candidates = self.villages
        if subdistrict_text:
            wanted = normalise(subdistrict_text)
            candidates = [v for v in candidates if normalise(v.subdistrict.name_th) == wanted]
        if number is not None:
            candidates = [v for v in candidates if v.number == number]
        if text:
            named = [v for v in candidates if normalise(v.name_th) == normalise(text)
                     or normalise(v.name_th) == normalise("บ้าน" + text)]
        else:
            named = candidates
        if len(named) == 1:
            return named[0], None, []
        shown = " ".join(p for p in (f"หมู่ที่ {number}" if number else "", text) if p)
        if len(named) > 1:
            return None, _("มีหลายหมู่บ้านชื่อ «%(v)s» ใน%(d)s: ระบุหมู่ที่หรือตำบลด้วย") % {
                "v": shown, "d": self.district.full_name}, [self.label(v) for v in named[:3]]
        best = match_name(text or shown, [(str(v.pk), v.name_th) for v in self.villages])
        suggestions = []
        for name in best.suggestions:
            suggestions += [self.label(v) for v in self.villages if v.name_th == name][:1]
        return None, _("ไม่พบหมู่บ้าน «%(v)s» ใน%(d)s") % {"v": shown, "d": self.district.full_name}, suggestions


def integer(text: str, errors: list[str], label: str, *, minimum: int | None = 0, maximum: int | None = None):
    if not text:
        return None
    try:
        value = parse_integer(text)
    except ThaiParseError:
        errors.append(_("%(label)s «%(v)s» ไม่ใช่จำนวนเต็ม") % {"label": label, "v": text})
        return None
    if minimum is not None and value < minimum or maximum is not None and value > maximum:
        errors.append(_("%(label)s «%(v)s» อยู่นอกช่วงที่รับได้") % {"label": label, "v": text})
        return None
    return value


def money(text: str, errors: list[str], label: str, *, maximum: Decimal = Decimal("999999999999.99")):
    """Baht with at most two decimals, never negative; Thai digits and commas read."""
    if not text:
        return None
    try:
        value = parse_decimal(text.replace("บาท", "").strip())
    except ThaiParseError:
        errors.append(_("%(label)s «%(v)s» ไม่ใช่จำนวนเงิน") % {"label": label, "v": text})
        return None
    if value < 0 or value > maximum:
        errors.append(_("%(label)s «%(v)s» อยู่นอกช่วงที่รับได้") % {"label": label, "v": text})
        return None
    if value != value.quantize(Decimal("0.01")):
        errors.append(_("%(label)s «%(v)s» มีทศนิยมเกิน ๒ ตำแหน่ง") % {"label": label, "v": text})
        return None
    return value.quantize(Decimal("0.01"))


def be_date(text: str, errors: list[str], label: str) -> date | None:
    if not text:
        return None
    try:
        return parse_be_date(text)
    except ThaiParseError as exc:
        errors.append(f"{label}: {exc}")
        return None
