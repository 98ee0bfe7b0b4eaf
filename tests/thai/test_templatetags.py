"""The Thai filters are template builtins: no {% load %}. No database needed."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils.safestring import mark_safe


def render(source: str, **context) -> str:
    return Template(source).render(Context(context))


def test_filters_are_builtins_and_format_thai():
    out = render(
        "{{ a|thai_number }}|{{ a|baht_text }}|{{ d|thai_date }}|{{ d|thai_date_short }}|{{ d|fiscal_year }}|"
        "{{ d|fiscal_quarter }}|{{ d|be_year }}|{{ a|number }}|{{ m|thai_digits }}|{{ t|arabic_digits }}",
        a=Decimal("41100"), d=date(2020, 4, 24), m="cddse9@gmail.com ที่ 12", t="๔๑,๑๐๐",
    )
    assert out == ("๔๑,๑๐๐|สี่หมื่นหนึ่งพันหนึ่งร้อยบาทถ้วน|๒๔ เมษายน ๒๕๖๓|๒๔ เม.ย. ๖๓|๒๕๖๓|๓|๒๕๖๓|41,100|"
                   "cddse9@gmail.com ที่ ๑๒|41,100")


def test_the_acceptance_total_in_a_template():
    assert render("{{ t|baht_text }}", t=Decimal("61857700")) == \
        "หกสิบเอ็ดล้านแปดแสนห้าหมื่นเจ็ดพันเจ็ดร้อยบาทถ้วน"


@pytest.mark.parametrize(("source", "out"), [
    ("{{ a|thai_number:2 }}", "๘๗๓,๖๐๐.๕๐"),
    ("{{ a|thai_number:0 }}", "๘๗๓,๖๐๑"),
    ("{{ a|thai_number }}", "๘๗๓,๖๐๐.๕๐"),
    ("{{ a|number:1 }}", "873,600.5"),
    ("{{ n|thai_number:2 }}", "๑๒.๐๐"),
    ("{{ n|number }}", "12"),
    ("{{ zero|thai_number }}", "๐"),
    ("{{ y|be_year }}", "๒๕๖๗"),
    ("{{ y|thai_digits }}", "๒๐๒๔"),
    ("{{ dt|thai_datetime }}", "๑ ตุลาคม ๒๕๖๗ เวลา ๐๐.๓๐ น."),
    ("{{ dt|thai_date }} {{ dt|fiscal_year }} {{ dt|fiscal_quarter }}", "๑ ตุลาคม ๒๕๖๗ ๒๕๖๘ ๑"),
    ("{{ half|baht_text }}", "ศูนย์บาทห้าสิบสตางค์"),
    ("{{ typed|baht_text }}", "หนึ่งพันห้าร้อยบาทถ้วน"),
])
def test_filter_table(source, out):
    assert render(source, a=Decimal("873600.50"), n=12, zero=0, y=2024, half=Decimal("0.50"), typed="๑,๕๐๐",
                  dt=datetime(2024, 9, 30, 17, 30, tzinfo=UTC)) == out


FILTERS = ["thai_digits", "arabic_digits", "baht_text", "thai_date", "thai_date_short", "thai_datetime",
           "be_year", "fiscal_year", "fiscal_quarter", "thai_number", "number"]


@pytest.mark.parametrize("name", FILTERS)
@pytest.mark.parametrize("value", [None, ""])
def test_filters_leave_empty_values_empty(name, value):
    assert render(f"[{{{{ x|{name} }}}}][{{{{ missing|{name} }}}}]", x=value) == "[][]"


@pytest.mark.parametrize("name", ["baht_text", "thai_date", "thai_date_short", "thai_datetime", "be_year",
                                  "fiscal_year", "fiscal_quarter", "thai_number", "number"])
def test_filters_give_nothing_for_values_they_cannot_read(name):
    assert render(f"[{{{{ x|{name} }}}}]", x="<b>ไม่ทราบ</b>") == "[]"


def test_a_bad_places_argument_gives_nothing():
    assert render("[{{ a|thai_number:'x' }}][{{ a|number:-1 }}]", a=1) == "[][]"


def test_filters_do_not_unescape_user_text():
    assert render("{{ t|thai_digits }}", t="1 < 2 & 3") == "๑ &lt; ๒ &amp; ๓"
    assert render("{{ t|arabic_digits }}", t="<script>๑</script>") == "&lt;script&gt;1&lt;/script&gt;"
    assert render("{{ t|thai_digits }}", t="<img src=x onerror=alert(1)> 1") == \
        "&lt;img src=x onerror=alert(1)&gt; ๑"


def test_safe_html_is_not_escaped_twice_and_keeps_its_markup():
    out = render("{{ t|linebreaksbr|thai_digits }}", t="ปี 2567 <b>\n\"12\"")
    assert out == "ปี ๒๕๖๗ &lt;b&gt;<br>&quot;๑๒&quot;"
    link = mark_safe('<a href="/village/12/">หมู่ 12</a>')
    assert render("{{ link|thai_digits }}", link=link) == '<a href="/village/12/">หมู่ ๑๒</a>'


def test_autoescape_off_still_works():
    assert render("{% autoescape off %}{{ t|thai_digits }}{% endautoescape %}", t="<i>1</i>") == "<i>1</i>"
    assert render("{% autoescape off %}{{ t|thai_digits }}{% endautoescape %}", t="< 1") == "< ๑"
