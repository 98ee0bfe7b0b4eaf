"""Benchmark of the fund summary (seed 004's appendix table) at national scale: ≈ 20,000 savings groups,
≈ 28,000 กข.คจ. village funds and ≈ 20,000 แม่ของแผ่นดิน fund villages in the department's districts, with
FY 2568 assessments for most of them (a "before" round for ≈ 85 %, an "after" round for ≈ 60 %), all
bulk-created. Server time through Django's test client, median of 20 requests, production settings: the
province summary page (p34, 25 districts), one province for the department, the national table by province,
and the assessments list and API.

Run: .venv/bin/python bench/fund_summary.py   (recreates the PostgreSQL database cdd_bench_fund_summary)
The clock is 10 February 2025 (FY 2568, before the March deadline), as in the tests.
"""

import random
import sys
import time

from _setup import median, prepare

DATABASE = "cdd_bench_fund_summary"
SAVINGS_GROUPS, POVERTY_FUNDS, MOTHER_FUNDS = 20_000, 28_000, 20_000
YEAR = 2568

prepare(DATABASE)
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

call_command("collectstatic", interactive=False, verbosity=0)


def generate() -> dict:
    """Villages (7 in every department subdistrict), the three kinds of fund and their assessments."""
    from datetime import date

    from cdd_portal.geo.models import District, Subdistrict, Village
    from funds import kinds
    from funds.assessments.demo import seed_demo_assessments
    from funds.assessments.models import Assessment, MotherFundVillage
    from funds.models import SavingsGroup

    rng = random.Random(9)
    sets = {s.fund_kind: s for s in seed_demo_assessments(YEAR)}
    districts = list(District.objects.filter(kind=District.Kind.DISTRICT, province__in_department=True)
                     .values_list("code", flat=True))
    subdistricts = list(Subdistrict.objects.filter(district__in=districts).values_list("code", "district_id"))
    Village.objects.bulk_create([Village(subdistrict_id=code, number=n, name_th=f"บ้านทดสอบ {n}")
                                 for code, _d in subdistricts for n in range(1, 8)], batch_size=5000)
    villages = list(Village.objects.values_list("pk", "subdistrict__district_id", "number"))
    SavingsGroup.objects.bulk_create([
        SavingsGroup(district_id=districts[n % len(districts)], name=f"กลุ่มออมทรัพย์ทดสอบ {n}",
                     is_active=rng.random() > 0.03) for n in range(SAVINGS_GROUPS)], batch_size=5000)
    VillageFund = kinds.get("poverty").model()
    poor = [v for v in villages if v[2] <= 4][:POVERTY_FUNDS]
    VillageFund.objects.bulk_create([VillageFund(district_id=d, village_id=pk, funded_year=2540)
                                     for pk, d, _n in poor], batch_size=5000)
    mother = [v for v in villages if v[2] >= 5][:MOTHER_FUNDS]
    MotherFundVillage.objects.bulk_create([MotherFundVillage(district_id=d, village_id=pk, year_joined=2550)
                                           for pk, d, _n in mother], batch_size=5000)
    rows = []
    levels = {"savings_group": "123", "poverty": "123", "mother_fund": "ABC"}
    funds = {"savings_group": SavingsGroup.objects.values_list("pk", "district_id", "name"),
             "poverty": VillageFund.objects.values_list("pk", "district_id", "village__name_th"),
             "mother_fund": MotherFundVillage.objects.values_list("pk", "district_id", "village__name_th")}
    for kind, queryset in funds.items():
        indicator_set = sets[kind]
        for pk, district, name in queryset.iterator(chunk_size=5000):
            if rng.random() < 0.85:
                rows.append(Assessment(fund_kind=kind, fund_id=pk, district_id=district, fund_name=name,
                                       fiscal_year=YEAR, round=1, assessed_on=date(2024, 11, 20), assessor="ผู้ประเมิน",
                                       indicator_set=indicator_set, set_version=1,
                                       level=rng.choice(levels[kind]), passed_count=6))
                if rng.random() < 0.7:
                    rows.append(Assessment(fund_kind=kind, fund_id=pk, district_id=district, fund_name=name,
                                           fiscal_year=YEAR, round=2, assessed_on=date(2025, 2, 1),
                                           assessor="ผู้ประเมิน", indicator_set=indicator_set, set_version=1,
                                           level=rng.choice(levels[kind]), passed_count=7))
    Assessment.objects.bulk_create(rows, batch_size=5000)
    return {"villages": len(villages), "savings groups": SAVINGS_GROUPS, "กข.คจ.": len(poor),
            "แม่ของแผ่นดิน": len(mother), "assessments": len(rows)}


def main():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    import time_machine

    from cdd_portal.accounts.models import User
    from cdd_portal.accounts.services import seed_demo
    from cdd_portal.geo.loader import load_geography

    load_geography()
    seed_demo()
    start = time.perf_counter()
    counts = generate()
    print("generated", counts, f"in {time.perf_counter() - start:.1f} s")
    with connection.cursor() as cursor:  # planner statistics, as autovacuum keeps them in production
        cursor.execute("ANALYZE")
        # as autovacuum leaves a table that is mostly read: the summary reads the assessments' index alone
        cursor.execute("VACUUM ANALYZE fund_assessments_assessment")

    pages = [
        ("p34", "province summary page (25 districts)", "/funds/assessments/summary/"),
        ("cdd-viewer", "one province (department)", "/funds/assessments/summary/?province=34"),
        ("cdd-viewer", "national summary by province", "/funds/assessments/summary/"),
        ("p34", "assessments list, province", "/funds/assessments/?year=2568&level=3"),
        ("d3401", "assessments list, district", "/funds/assessments/"),
        ("cdd-viewer", "API fund-assessments, nationwide", "/api/v1/fund-assessments/?kind=poverty&level=3"),
    ]
    with time_machine.travel(datetime(2025, 2, 10, 9, 0, tzinfo=ZoneInfo("Asia/Bangkok"))):
        for username, label, url in pages:
            client = Client()
            client.force_login(User.objects.get(username=username))
            assert client.get(url).status_code == 200, url
            queries: list[str] = []

            def count(execute, sql, *args, queries=queries):
                queries.append(sql)
                return execute(sql, *args)

            with connection.execute_wrapper(count):
                client.get(url)
            ms = median(lambda url=url, client=client: client.get(url), 20) * 1000
            print(f"{label:40} median {ms:6.1f} ms, {len(queries)} queries")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
