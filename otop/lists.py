"""OTOP lists as workbooks (cdd_portal.lists): producers, products, occupational groups and registrations
export with all their columns; the producer list imports as district offices keep it — one row per product
with its producer (a producer named on several rows is one producer; a row without a product is a producer
alone). Every row is checked first (the village against the district's, the type, the community link, the
sub-group against the 17 of the registration manual, the price) and nothing is written until confirmed."""

from __future__ import annotations

import re

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as t

from cdd_portal.geo.matching import match_name, normalise
from cdd_portal.lists.checks import VillageMatcher, integer, money
from cdd_portal.lists.registry import Column, RegistryList, area_columns, updated_column
from cdd_portal.thai import to_arabic_digits
from otop import filters, selectors, services
from otop.catalogue import CATEGORIES, SUB_GROUPS, sub_group_label
from otop.models import Producer, Product

TYPE_WORDS = {
    Producer.Type.COMMUNITY_GROUP: ("กลุ่มผู้ผลิตชุมชน", "กลุ่ม", "กลุ่มผู้ผลิต", "วิสาหกิจชุมชน"),
    Producer.Type.SINGLE_OWNER: ("ผู้ผลิตชุมชนที่เป็นเจ้าของรายเดียว", "เจ้าของรายเดียว", "รายเดียว", "บุคคล"),
    Producer.Type.SME: ("ผู้ผลิตที่เป็นวิสาหกิจขนาดกลางและขนาดย่อม", "SME", "เอสเอ็มอี", "วิสาหกิจขนาดกลางและขนาดย่อม"),
}
LINK_WORDS = {Producer.CommunityLink.PRODUCTION: "ผลิต", Producer.CommunityLink.MANAGEMENT: "บริหาร",
              Producer.CommunityLink.BENEFIT: "ประโยชน์"}
_CODE = re.compile(r"^\s*([1-5])\s*[.]\s*([1-7])")


def producer_type(text: str) -> str | None:
    wanted = normalise(text).lower()
    for code, words in TYPE_WORDS.items():
        if any(wanted == normalise(w).lower() for w in words):
            return code
    return None


def community_links(text: str) -> list[str]:
    return [code for code, word in LINK_WORDS.items() if word in (text or "")]


def sub_group(text: str) -> tuple[str | None, list[str]]:
    """A sub-group from its code («4.2», «๔.๒») or its name («จักสาน»), or None and the closest names."""
    arabic = to_arabic_digits(text or "")
    found = _CODE.match(arabic)
    if found and f"{found.group(1)}.{found.group(2)}" in SUB_GROUPS:
        return f"{found.group(1)}.{found.group(2)}", []
    match = match_name(arabic, [(code, str(label)) for code, label in SUB_GROUPS.items()], cutoff=70)
    return match.key, [sub_group_label(code) for code, label in SUB_GROUPS.items()
                       if str(label) in match.suggestions]


def check_producers(district, rows: list[dict]) -> list[dict]:
    villages = VillageMatcher(district)
    existing = {p.name: p for p in Producer.objects.filter(district=district)}
    products = {(p.producer.name, p.name) for p in Product.objects.filter(district=district).select_related("producer")}
    seen_products: dict[tuple[str, str], int] = {}
    producer_rows: dict[str, int] = {}
    out = []
    for row in rows:
        cells, errors, suggestions, values = row["cells"], [], [], {}
        name = " ".join(cells.get("producer", "").split())
        values["producer"] = name
        if not name:
            errors.append(_("ไม่ได้กรอกชื่อผู้ผลิต ผู้ประกอบการ"))
        first = name and name not in existing and name not in producer_rows
        if name and name in existing:
            values["existing"] = existing[name].pk
        elif first:  # a new producer: its columns must be complete on its first row
            producer_rows[name] = row["row"]
            kind = producer_type(cells.get("type", ""))
            if kind is None:
                errors.append(_("ไม่รู้จักประเภทผู้ผลิต «%(v)s» (กลุ่มผู้ผลิตชุมชน / เจ้าของรายเดียว / SME)")
                              % {"v": cells.get("type", "")})
            values["type"] = kind
            values["leader_name"] = " ".join(cells.get("leader", "").split())
            if not values["leader_name"]:
                errors.append(_("ไม่ได้กรอกชื่อประธานกลุ่มหรือเจ้าของ"))
            village, problem, near = villages.match(cells.get("village", ""), number_text=cells.get("village_no", ""),
                                                    subdistrict_text=cells.get("subdistrict", ""))
            if problem:
                errors.append(problem)
                suggestions += near
            values["village"] = village.pk if village else None
            values["links"] = community_links(cells.get("links", ""))
            if not values["links"]:
                errors.append(_("ไม่ได้ระบุการเชื่อมโยงกับชุมชน (มีส่วนร่วมในการผลิต / การบริหารจัดการ / ได้รับประโยชน์)"))
            values["members"] = integer(cells.get("members", ""), errors, _("จำนวนสมาชิก"), maximum=100_000)
            if kind == Producer.Type.COMMUNITY_GROUP and not values["members"]:
                errors.append(_("กลุ่มผู้ผลิตชุมชนต้องระบุจำนวนสมาชิก"))
            for key in ("house_number", "phone"):
                values[key] = " ".join(cells.get(key, "").split())
        product = " ".join(cells.get("product", "").split())
        values["product"] = product
        if product:
            code, near = sub_group(cells.get("sub_group", ""))
            if code is None:
                errors.append(_("ไม่รู้จักกลุ่มผลิตภัณฑ์ «%(v)s»: ใช้รหัสหรือชื่อหนึ่งใน ๑๗ กลุ่ม (๑.๑–๕.๓)")
                              % {"v": cells.get("sub_group", "")})
                suggestions += near
            values["sub_group"] = code
            price = money(cells.get("price", ""), errors, _("ราคา"))
            values["price"] = str(price) if price is not None else None
            values["unit"] = " ".join(cells.get("unit", "").split())
            if price is not None and not values["unit"]:
                errors.append(_("ระบุราคาแล้วต้องระบุหน่วยนับ เช่น ชิ้น กิโลกรัม"))
            key = (name, product)
            if key in products:
                errors.append(_("%(producer)s มีผลิตภัณฑ์ «%(product)s» ในทะเบียนอยู่แล้ว") % {"producer": name,
                                                                                        "product": product})
            elif key in seen_products:
                errors.append(_("ผลิตภัณฑ์ซ้ำกับแถวที่ %(row)s ในไฟล์") % {"row": seen_products[key]})
            else:
                seen_products[key] = row["row"]
        elif not first and name:
            errors.append(_("แถวนี้ไม่มีชื่อผลิตภัณฑ์ และผู้ผลิตนี้มีอยู่แล้ว"))
        out.append({**row, "values": values, "errors": errors, "suggestions": suggestions})
    # a producer's product rows follow its first row: if that row is wrong, so are they
    bad = {r["values"]["producer"] for r in out if r["errors"] and r["row"] == producer_rows.get(r["values"]["producer"])}
    for r in out:
        if not r["errors"] and r["values"]["producer"] in bad:
            r["errors"].append(_("ข้อมูลผู้ผลิตในแถวที่ %(row)s ยังไม่ถูกต้อง") % {"row": producer_rows[r["values"]["producer"]]})
    return out


@transaction.atomic
def write_producers(user, district, rows: list[dict]) -> int:
    """Create each new producer once, then its products; returns the number of rows written."""
    from cdd_portal.geo.models import Village

    villages = Village.objects.in_bulk([r["values"]["village"] for r in rows if r["values"].get("village")])
    producers = {p.name: p for p in Producer.objects.filter(district=district)}
    for row in rows:
        values = row["values"]
        producer = producers.get(values["producer"])
        if producer is None:
            producer = services.create_producer(
                user, district=district, type=values["type"], name=values["producer"],
                leader_name=values["leader_name"], village=villages.get(values["village"]),
                house_number=values.get("house_number", ""), phone=values.get("phone", ""),
                community_links=values["links"], members=values.get("members"))
            producers[producer.name] = producer
        if values.get("product"):
            services.create_product(user, producer=producer, name=values["product"], sub_group=values["sub_group"],
                                    price=values.get("price"), unit=values.get("unit", ""))
    return len(rows)


def _village(obj):
    return f"หมู่ที่ {obj.village.number} {obj.village.name_th}" if obj.village_id else None


LISTS = (
    RegistryList(
        name="otop-producers", title=t("ทะเบียนผู้ผลิต ผู้ประกอบการ OTOP"), list_url="otop:producer-list",
        queryset=selectors.producers_for, filterset=filters.ProducerFilter, order_by=("district_id", "name"),
        check=check_producers, write=write_producers,
        notes=(t("หนึ่งแถวต่อหนึ่งผลิตภัณฑ์: ผู้ผลิตที่มีหลายผลิตภัณฑ์ให้กรอกชื่อผู้ผลิตซ้ำ ข้อมูลผู้ผลิตกรอกครั้งเดียวที่แถวแรก"),
               t("ผู้ผลิตที่มีอยู่แล้วในทะเบียน (ชื่อตรงกัน) จะเพิ่มเฉพาะผลิตภัณฑ์"),
               t("กลุ่มผลิตภัณฑ์ ๑๗ กลุ่ม: ") + ", ".join(f"{c} {v}" for c, v in SUB_GROUPS.items())),
        columns=(
            *area_columns(),
            Column("producer", t("ชื่อผู้ผลิต ผู้ประกอบการ"), lambda p: p.name, width=34, importable=True, required=True,
                   aliases=("ชื่อผู้ผลิต", "ผู้ผลิต", "ชื่อกลุ่ม", "ผู้ประกอบการ", "ชื่อผู้ประกอบการ")),
            Column("type", t("ประเภทผู้ผลิต"), lambda p: p.get_type_display(), width=28, importable=True,
                   aliases=("ประเภท", "ประเภทผู้ผลิตผู้ประกอบการ"),
                   help=t("กลุ่มผู้ผลิตชุมชน / ผู้ผลิตชุมชนที่เป็นเจ้าของรายเดียว / SME")),
            Column("leader", t("ประธานกลุ่ม/เจ้าของ"), lambda p: p.leader_name, width=24, importable=True,
                   aliases=("ประธาน", "เจ้าของ", "ชื่อประธานกลุ่ม", "ผู้ประสานงาน")),
            Column("house_number", t("บ้านเลขที่"), lambda p: p.house_number, width=10, importable=True,
                   aliases=("เลขที่",)),
            Column("village_no", t("หมู่ที่"), lambda p: p.village.number if p.village_id else None, kind="integer",
                   width=8, importable=True, aliases=("หมู่", "ม.")),
            Column("village", t("หมู่บ้าน"), lambda p: p.village.name_th if p.village_id else None, width=22,
                   importable=True, aliases=("ชื่อหมู่บ้าน", "บ้าน"), help=t("หมู่บ้านในอำเภอ หรือ «หมู่ที่ ๓ บ้านนาโพธิ์»")),
            Column("subdistrict", t("ตำบล"), lambda p: p.village.subdistrict.name_th if p.village_id else None,
                   importable=True, aliases=("ชื่อตำบล",)),
            Column("phone", t("โทรศัพท์"), lambda p: p.phone, importable=True, aliases=("เบอร์โทร", "โทร")),
            Column("links", t("การเชื่อมโยงกับชุมชน"), lambda p: "\n".join(p.community_link_labels),
                   width=30, importable=True, aliases=("ความเชื่อมโยงกับชุมชน", "ชุมชนมีส่วนร่วม"),
                   help=t("มีส่วนร่วมในการผลิต / มีส่วนร่วมในการบริหารจัดการ / ได้รับประโยชน์ (หลายข้อได้)")),
            Column("members", t("จำนวนสมาชิก (คน)"), lambda p: p.members, kind="integer", importable=True,
                   aliases=("สมาชิก", "จำนวนสมาชิก")),
            Column("product", t("ชื่อผลิตภัณฑ์"), None, width=30, importable=True,
                   aliases=("ผลิตภัณฑ์", "ชื่อสินค้า", "สินค้า")),
            Column("sub_group", t("กลุ่มผลิตภัณฑ์"), None, width=26, importable=True,
                   aliases=("ประเภทผลิตภัณฑ์", "กลุ่ม/ประเภทผลิตภัณฑ์", "รหัสกลุ่มผลิตภัณฑ์"),
                   help=t("รหัสหรือชื่อกลุ่ม เช่น ๔.๒ หรือ จักสาน")),
            Column("price", t("ราคา (บาท)"), None, kind="money", importable=True, aliases=("ราคา", "ราคาขาย")),
            Column("unit", t("หน่วยนับ"), None, width=10, importable=True, aliases=("หน่วย",)),
            Column("active", t("สถานะ"), lambda p: _("ดำเนินการอยู่") if p.is_active else _("เลิกดำเนินการ")),
            updated_column(),
        )),
    RegistryList(
        name="otop-products", title=t("ทะเบียนผลิตภัณฑ์ OTOP"), list_url="otop:product-list",
        queryset=selectors.products_for, filterset=filters.ProductFilter, order_by=("district_id", "producer_id", "id"),
        columns=(
            *area_columns(),
            Column("producer", t("ผู้ผลิต ผู้ประกอบการ"), lambda p: p.producer.name, width=30),
            Column("name", t("ชื่อผลิตภัณฑ์"), lambda p: p.name, width=30),
            Column("category", t("ประเภทผลิตภัณฑ์"), lambda p: f"{p.category} {CATEGORIES.get(p.category, '')}", width=24),
            Column("sub_group", t("กลุ่มผลิตภัณฑ์"), lambda p: sub_group_label(p.sub_group), width=30),
            Column("price", t("ราคา (บาท)"), lambda p: p.price, kind="money"),
            Column("unit", t("หน่วยนับ"), lambda p: p.unit, width=10),
            Column("segment", t("Segment"), lambda p: p.segment, width=8),
            Column("stars", t("ระดับดาว (ล่าสุด)"), lambda p: p.latest_stars, kind="integer", width=10),
            Column("star_year", t("ปีที่คัดสรร"), lambda p: p.latest_champion_year, kind="no", width=10),
            Column("active", t("สถานะ"), lambda p: _("จำหน่ายอยู่") if p.is_active else _("เลิกผลิต")),
            updated_column(),
        )),
    RegistryList(
        name="occupation-groups", title=t("ทะเบียนกลุ่มอาชีพ"), list_url="otop:group-list",
        queryset=selectors.groups_for, filterset=filters.OccupationGroupFilter, order_by=("district_id", "name"),
        columns=(
            *area_columns(),
            Column("name", t("ชื่อกลุ่ม"), lambda g: g.name, width=32),
            Column("trade", t("อาชีพ"), lambda g: g.trade, width=20),
            Column("village", t("หมู่บ้าน"), _village, width=24),
            Column("members", t("สมาชิก (คน)"), lambda g: g.members_count, kind="integer"),
            Column("fund", t("กองทุนกลุ่ม (บาท)"), lambda g: g.fund, kind="money"),
            Column("cluster", t("คลัสเตอร์"), lambda g: g.cluster.name if g.cluster_id else None, width=24),
            Column("active", t("สถานะ"), lambda g: _("ดำเนินการอยู่") if g.is_active else _("เลิกดำเนินการ")),
            updated_column(),
        )),
    RegistryList(
        name="otop-clusters", title=t("คลัสเตอร์กลุ่มอาชีพ"), list_url="otop:cluster-list",
        queryset=selectors.clusters_for, filterset=filters.ClusterFilter, order_by=("district_id", "name"),
        columns=(
            *area_columns(),
            Column("name", t("ชื่อคลัสเตอร์"), lambda c: c.name, width=32),
            Column("trade", t("อาชีพ/ผลิตภัณฑ์"), lambda c: c.trade, width=24),
            Column("groups", t("กลุ่มอาชีพที่ยังดำเนินการ"), lambda c: c.group_count, kind="integer"),
            updated_column(),
        )),
)
