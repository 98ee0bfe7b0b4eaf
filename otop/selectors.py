"""Reads of the OTOP and occupational-group registries, scoped to the user's office through
cdd_portal.accounts.scoping.restrict; the province counts are aggregated in the database."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet

from cdd_portal.accounts.scoping import restrict
from cdd_portal.files.services import attachments_by_owner, attachments_of
from cdd_portal.geo.models import District, Province, Village
from otop.catalogue import CATEGORIES
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


def _words(text: str) -> str:
    return " ".join((text or "").split())


# --- scoped querysets ---------------------------------------------------------------------------------

def producers_for(user, action: str = "view") -> QuerySet[Producer]:
    qs = Producer.objects.select_related("district__province", "village__subdistrict")
    return restrict(qs, user, action, district_field="district")


def products_for(user, action: str = "view") -> QuerySet[Product]:
    qs = Product.objects.select_related("district__province", "producer")
    return restrict(qs, user, action, district_field="district")


def standards_for(user) -> QuerySet[ProductStandard]:
    return restrict(ProductStandard.objects.select_related("product"), user, district_field="product__district")


def results_for(user) -> QuerySet[ProductChampionResult]:
    return restrict(ProductChampionResult.objects.select_related("product"), user,
                    district_field="product__district")


def groups_for(user, action: str = "view") -> QuerySet[OccupationGroup]:
    qs = OccupationGroup.objects.select_related("district__province", "village__subdistrict", "cluster")
    return restrict(qs, user, action, district_field="district")


def clusters_for(user, action: str = "view") -> QuerySet[Cluster]:
    qs = Cluster.objects.select_related("district__province").annotate(
        group_count=Count("groups", filter=Q(groups__is_active=True)))
    return restrict(qs, user, action, district_field="district")


def committee_for(user) -> QuerySet[CommitteeMember]:
    return restrict(CommitteeMember.objects.select_related("group"), user, district_field="group__district")


def registrations_for(user) -> QuerySet[ProducerRegistration]:
    qs = ProducerRegistration.objects.select_related("producer__district__province", "producer__village__subdistrict",
                                                     "recorded_by", "approved_by", "certified_by", "returned_by")
    return restrict(qs, user, district_field="producer__district")


def villages_of(district_code: str) -> QuerySet[Village]:
    """The villages a district's records may name, for its forms' drop-downs."""
    return (Village.objects.filter(subdistrict__district_id=district_code).select_related("subdistrict")
            .order_by("subdistrict__name_th", "number"))


# --- search -------------------------------------------------------------------------------------------

def search_producers(qs: QuerySet[Producer], text: str) -> QuerySet[Producer]:
    text = _words(text)
    if not text:
        return qs
    return qs.filter(Q(name__icontains=text) | Q(leader_name__icontains=text) | Q(village__name_th__icontains=text)
                     | Q(village__subdistrict__name_th__icontains=text))


def search_products(qs: QuerySet[Product], text: str) -> QuerySet[Product]:
    text = _words(text)
    if not text:
        return qs
    return qs.filter(Q(name__icontains=text) | Q(producer__name__icontains=text))


def search_groups(qs: QuerySet[OccupationGroup], text: str) -> QuerySet[OccupationGroup]:
    text = _words(text)
    if not text:
        return qs
    return qs.filter(Q(name__icontains=text) | Q(trade__icontains=text) | Q(village__name_th__icontains=text)
                     | Q(village__subdistrict__name_th__icontains=text))


def search_clusters(qs: QuerySet[Cluster], text: str) -> QuerySet[Cluster]:
    text = _words(text)
    return qs.filter(Q(name__icontains=text) | Q(trade__icontains=text)) if text else qs


def search_registrations(qs: QuerySet[ProducerRegistration], text: str) -> QuerySet[ProducerRegistration]:
    text = _words(text)
    return qs.filter(producer__name__icontains=text) if text else qs


def thresholds_by_year() -> list[dict]:
    """The star thresholds, newest year first: [{"year", "rows" (5 stars first), "note"}]."""
    years: dict[int, list[StarThreshold]] = {}
    for row in StarThreshold.objects.order_by("-year", "-stars"):
        years.setdefault(row.year, []).append(row)
    return [{"year": y, "rows": rows, "note": next((r.note for r in rows if r.note), "")} for y, rows in years.items()]


# --- details ------------------------------------------------------------------------------------------

def mark_expired(standards, today: date):
    """Each standard gets `expired` («หมดอายุ» on the pages): computed against `today`, never stored."""
    for item in standards:
        item.expired = item.is_expired(today)
    return standards


def with_standards(products: list[Product], *, today: date) -> list[Product]:
    """A page of products with their standards (one query), each standard marked expired or not."""
    ids = [p.pk for p in products]
    by_product: dict[int, list[ProductStandard]] = {pk: [] for pk in ids}
    for item in ProductStandard.objects.filter(product_id__in=ids).order_by("standard", "-issued_on"):
        by_product[item.product_id].append(item)
    for product in products:
        product.standard_list = mark_expired(by_product[product.pk], today)
    return products


def product_detail(product: Product, *, today: date) -> dict:
    standards = mark_expired(list(product.standards.all()), today)
    certificates = attachments_by_owner(standards, purpose="certificate") if standards else {}
    for item in standards:
        item.certificates = certificates.get(item.pk, [])
    return {
        "standards": standards,
        "results": list(product.champion_results.all()),
        "photos": list(attachments_of(product, "photo")),
    }


def group_detail(group: OccupationGroup, *, today: date) -> dict:
    committee = list(group.committee.all())
    for member in committee:
        member.current = member.term_start <= today <= member.term_end
    return {"committee": committee, "rules_files": list(attachments_of(group, "rules")),
            "producer": Producer.objects.filter(from_group=group).first()}


# --- province counts ----------------------------------------------------------------------------------

STAR_KEYS: tuple[int | None, ...] = (5, 4, 3, 2, 1, None)


@dataclass
class SummaryRow:
    code: str
    name: str
    producers: dict = field(default_factory=dict)  # type → count
    categories: dict = field(default_factory=dict)  # "1".."5" → count
    stars: dict = field(default_factory=dict)  # 5..1, None → count

    @property
    def producer_cells(self) -> list[int]:
        return [self.producers.get(t, 0) for t in Producer.Type.values]

    @property
    def category_cells(self) -> list[int]:
        return [self.categories.get(c, 0) for c in CATEGORIES]

    @property
    def star_cells(self) -> list[int]:
        return [self.stars.get(s, 0) for s in STAR_KEYS]

    @property
    def producer_total(self) -> int:
        return sum(self.producer_cells)

    @property
    def product_total(self) -> int:
        return sum(self.category_cells)

    @property
    def cells(self) -> list[int]:
        """Every figure in the order of the table: producers by type and total, products by category and
        total, products by stars (5 … 1, none)."""
        return [*self.producer_cells, self.producer_total, *self.category_cells, self.product_total,
                *self.star_cells]


def _add(target: dict, key, n: int) -> None:
    target[key] = target.get(key, 0) + n


def otop_summary(province_code: str | None) -> dict:
    """Active producers by type, active products by category and by stars (the newest Product Champion
    result of each product; «none» for a product never selected): one row per district of the province,
    or per province nationally (`province_code` None), and a total row. Four queries whatever the
    number of districts or products: the counts are grouped in the database by district and added up
    here."""
    districts = District.objects.filter(kind=District.Kind.DISTRICT, province__in_department=True)
    if province_code:
        districts = districts.filter(province_id=province_code)
    districts = list(districts.select_related("province").order_by("code"))
    if province_code:
        rows = {d.code: SummaryRow(d.code, d.name_th) for d in districts}
        row_of = {d.code: d.code for d in districts}
    else:
        provinces = {d.province_id: d.province for d in districts}
        rows = {code: SummaryRow(code, p.name_th) for code, p in sorted(provinces.items())}
        row_of = {d.code: d.province_id for d in districts}
    codes = list(row_of)
    producers = Producer.objects.filter(is_active=True)
    products = Product.objects.filter(is_active=True)
    if province_code:
        producers, products = producers.filter(district_id__in=codes), products.filter(district_id__in=codes)
    for item in producers.order_by().values("district_id", "type").annotate(n=Count("id")):
        if item["district_id"] in row_of:
            _add(rows[row_of[item["district_id"]]].producers, item["type"], item["n"])
    for item in products.order_by().values("district_id", "category").annotate(n=Count("id")):
        if item["district_id"] in row_of:
            _add(rows[row_of[item["district_id"]]].categories, item["category"], item["n"])
    for item in products.order_by().values("district_id", "latest_stars").annotate(n=Count("id")):
        if item["district_id"] in row_of:
            _add(rows[row_of[item["district_id"]]].stars, item["latest_stars"], item["n"])
    total = SummaryRow("", "")
    for row in rows.values():
        for source, target in ((row.producers, total.producers), (row.categories, total.categories),
                               (row.stars, total.stars)):
            for key, n in source.items():
                _add(target, key, n)
    province = Province.objects.get(code=province_code) if province_code else None
    return {"province": province, "rows": list(rows.values()), "total": total, "national": province is None}


def summary_header() -> dict:
    """The two header rows of the province table (page, PDF and XLSX alike)."""
    from django.utils.translation import gettext as _

    # short heads for a table of 17 columns (the types in full are in the lists and forms)
    producer_labels = [_("กลุ่มผู้ผลิตชุมชน"), _("ผู้ผลิตรายเดียว"), _("SME"), _("รวม")]
    category_labels = [*[str(name) for name in CATEGORIES.values()], _("รวม")]
    star_labels = [_("%(n)s ดาว") % {"n": n} for n in (5, 4, 3, 2, 1)] + [_("ยังไม่ได้คัดสรร")]
    return {
        "groups": [(_("ผู้ผลิต ผู้ประกอบการ (ราย)"), len(producer_labels)),
                   (_("ผลิตภัณฑ์ตามประเภท (รายการ)"), len(category_labels)),
                   (_("ผลิตภัณฑ์ตามระดับดาวจากผลคัดสรรล่าสุด (รายการ)"), len(star_labels))],
        "labels": producer_labels + category_labels + star_labels,
    }


# --- the registration round ---------------------------------------------------------------------------

def district_round(district_code: str, year: int) -> QuerySet[Producer]:
    """The producers a district's registration page lists for `year`: the active ones and any other that
    has a registration that year, each with `registration` (or None) and its active product count."""
    registrations = ProducerRegistration.objects.filter(year=year).select_related(
        "recorded_by", "approved_by", "certified_by", "returned_by")
    return (Producer.objects.filter(district_id=district_code)
            .filter(Q(is_active=True) | Exists(ProducerRegistration.objects.filter(producer=OuterRef("pk"), year=year)))
            .select_related("village__subdistrict")
            .annotate(active_products=Count("products", filter=Q(products__is_active=True)))
            .prefetch_related(Prefetch("registrations", queryset=registrations, to_attr="this_year"))
            .order_by("name"))


def round_counts(year: int, *, district_codes: list[str]) -> dict[str, dict[str, int]]:
    """{district code: {status: count}} of one year's registrations (one grouped query)."""
    out: dict[str, dict[str, int]] = {code: {} for code in district_codes}
    qs = (ProducerRegistration.objects.filter(year=year, producer__district_id__in=district_codes).order_by()
          .values("producer__district_id", "status").annotate(n=Count("id")))
    for item in qs:
        out[item["producer__district_id"]][item["status"]] = item["n"]
    return out


def ticked_registrations(year: int, ids: list[int], *, district_code: str | None = None,
                         province_code: str | None = None) -> QuerySet[ProducerRegistration]:
    """The registrations ticked on a district's (or a province's) page, of that area and year only."""
    qs = ProducerRegistration.objects.select_related("producer__district").filter(year=year, pk__in=ids)
    if district_code:
        return qs.filter(producer__district_id=district_code).order_by("producer__name")
    return qs.filter(producer__district__province_id=province_code).order_by("producer__name")


def registrations_of(year: int, province_code: str, district_code: str | None = None):
    """One year's registrations of a province (or one district of it), for the exports."""
    qs = (ProducerRegistration.objects.filter(year=year, producer__district__province_id=province_code)
          .select_related("producer__district", "producer__village__subdistrict", "recorded_by", "approved_by",
                          "certified_by"))
    if district_code:
        qs = qs.filter(producer__district_id=district_code)
    return qs.order_by("producer__district_id", "producer__name")
