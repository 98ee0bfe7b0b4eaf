"""A deterministic national OTOP registry for benchmarks (bench/): producers in every department district
and about `products_per_district` products each (≈ 88,000 products for 100), categories, sub-groups,
segments and stars spread, a few standards. Bulk inserts only (no services, no audit): data, not a
scenario. Run it on an empty OTOP registry."""

from __future__ import annotations

from decimal import Decimal

from otop.catalogue import SUB_GROUPS, category_of

PRODUCTS_PER_PRODUCER = 4
STARS = (None, 3, None, 4, 5, 2, None, 3, 1, 4)  # the newest result of one product in ten, in turn
SCORE = {5: Decimal("92.00"), 4: Decimal("84.50"), 3: Decimal("74.00"), 2: Decimal("60.00"), 1: Decimal("45.00")}
SEGMENTS = ("", "A", "B", "C", "D")


def national_otop(products_per_district: int = 100, *, district_codes: list[str] | None = None) -> dict:
    """Returns the counts made: {"districts", "villages", "producers", "products", "results", "standards"}."""
    from cdd_portal.geo.models import District, Subdistrict, Village
    from otop.models import Producer, Product, ProductChampionResult, ProductStandard

    districts = District.objects.filter(kind=District.Kind.DISTRICT, province__in_department=True)
    if district_codes is not None:
        districts = districts.filter(code__in=district_codes)
    codes = list(districts.order_by("code").values_list("code", flat=True))
    # one village in the first subdistrict of each district (kept if it is there already)
    first_sub: dict[str, str] = {}
    for sub, district in Subdistrict.objects.filter(district_id__in=codes).order_by("code").values_list(
            "code", "district_id"):
        first_sub.setdefault(district, sub)
    Village.objects.bulk_create([Village(subdistrict_id=sub, number=1, name_th=f"บ้านตัวอย่าง {sub}")
                                 for sub in first_sub.values()], batch_size=5000, ignore_conflicts=True)
    village_of = {d: v for v, d in Village.objects.filter(subdistrict_id__in=first_sub.values(), number=1)
                  .values_list("pk", "subdistrict__district_id")}
    types = Producer.Type.values
    per_district = max(1, -(-products_per_district // PRODUCTS_PER_PRODUCER))
    producers = []
    for code in codes:
        for i in range(per_district):
            kind = types[i % len(types)]
            producers.append(Producer(
                district_id=code, type=kind, name=f"ผู้ผลิตตัวอย่าง {code}-{i + 1:03d}",
                leader_name=f"ผู้ประกอบการ {code}-{i + 1}", village_id=village_of[code], house_number=str(i + 1),
                community_links=["production"], members=12 if kind == Producer.Type.COMMUNITY_GROUP else None))
    Producer.objects.bulk_create(producers, batch_size=5000)
    by_district: dict[str, list[int]] = {}
    for pk, district in Producer.objects.filter(district_id__in=codes).order_by("pk").values_list("pk", "district_id"):
        by_district.setdefault(district, []).append(pk)
    subs = list(SUB_GROUPS)
    products = []
    n = 0
    for code in codes:
        owners = by_district[code]
        for i in range(products_per_district):
            sub = subs[(n * 7 + i) % len(subs)]
            stars = STARS[n % len(STARS)]
            products.append(Product(
                producer_id=owners[i % len(owners)], district_id=code, name=f"ผลิตภัณฑ์ตัวอย่าง {code}-{i + 1:03d}",
                category=category_of(sub), sub_group=sub, price=Decimal(50 + (n % 40) * 25), unit="ชิ้น",
                segment=SEGMENTS[n % len(SEGMENTS)], latest_stars=stars,
                latest_champion_year=2565 if stars else None))
            n += 1
    made = Product.objects.bulk_create(products, batch_size=5000)
    results = [ProductChampionResult(product_id=p.pk, year=2565, score=SCORE[p.latest_stars], stars=p.latest_stars,
                                     stars_by_hand=True) for p in made if p.latest_stars]
    ProductChampionResult.objects.bulk_create(results, batch_size=5000)
    standards = [ProductStandard(product_id=p.pk, standard=ProductStandard.Standard.TCPS,
                                 certificate_number=f"มผช. {p.pk}/2565", issued_on="2022-06-01",
                                 expires_on="2025-05-31") for p in made[::10]]
    ProductStandard.objects.bulk_create(standards, batch_size=5000)
    return {"districts": len(codes), "villages": len(village_of), "producers": len(producers),
            "products": len(made), "results": len(results), "standards": len(standards)}
