"""Benchmark of the กข.คจ. reports of issue #9 at national scale: tests/generators_funds.national_funds with
its defaults (≈ 20,000 savings groups with 12 months of approved status reports, ≈ 28,000 กข.คจ. village
funds with 10 target households each, 6 loans a fund with 3 instalments and their repayments, green books).
Server time through Django's test client, median of 20 requests, for the แบบ ๒๖(๒) page of a province, the
ข้อ ๒๗ page, a district's แบบ ๒๖(๑) and its debtor list; then the render time (median of 5) of the แบบ ๒๖(๒)
PDF and XLSX as the worker makes them. (The province fund summary is benched separately.)

Run: .venv/bin/python bench/funds.py   (recreates the PostgreSQL database cdd_bench_funds)
     .venv/bin/python bench/funds.py --reuse   (measures again on the data a previous run left)
The clock is the day the data describe (16 February 2025), as in the tests.
"""

import os
import platform
import sys
import time

from _setup import ROOT, median, prepare

DATABASE = "cdd_bench_funds"
REUSE = "--reuse" in sys.argv

if REUSE:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{DATABASE}")
    os.environ.setdefault("SECRET_KEY", "bench")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ["DJANGO_SETTINGS_MODULE"] = "cdd_portal.settings"
    import django

    django.setup()
else:
    prepare(DATABASE)
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client, override_settings  # noqa: E402
from django.urls import NoReverseMatch, include, path, reverse  # noqa: E402

call_command("collectstatic", interactive=False, verbosity=0)


def _urlconf():
    """The project's URLs, with the report pages mounted if the project does not mount them yet."""
    from cdd_portal import urls

    try:
        reverse("poverty_reports:index")
        return urls.__name__
    except NoReverseMatch:
        module = type(sys)("bench_funds_urls")
        module.urlpatterns = [path("funds/poverty/reports/", include("funds.poverty.report_urls")), *urls.urlpatterns]
        sys.modules[module.__name__] = module
        return module.__name__


def main():
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    import time_machine

    from cdd_portal.accounts.models import User
    from cdd_portal.accounts.services import seed_demo
    from cdd_portal.geo.loader import load_geography
    from funds.poverty import documents
    from funds.poverty.models import VillageFund
    from tests.generators_funds import national_funds

    if not REUSE:
        load_geography()
        seed_demo()
        start = time.perf_counter()
        made = national_funds(today=date(2025, 2, 16))
        print("funds:", made, f"in {time.perf_counter() - start:.1f} s")
        with connection.cursor() as cursor:  # planner statistics, as autovacuum keeps them in production
            cursor.execute("ANALYZE")
    villages_34 = VillageFund.objects.filter(district__province_id="34").count()
    villages_3401 = VillageFund.objects.filter(district_id="3401").count()
    print(f"machine: {platform.node()} {platform.machine()}, {os.cpu_count()} cores, "
          f"PostgreSQL {connection.pg_version // 10000}; province 34: {villages_34} funds, d3401: {villages_3401}")

    documents.register_documents()
    base = "/funds/poverty/reports"
    pages = [
        ("p34", "แบบ ๒๖(๒) page, province 34", f"{base}/province/34/"),
        ("cdd-viewer", "แบบ ๒๖(๒) page, province 34 (department)", f"{base}/province/34/"),
        ("p34", "ข้อ ๒๗ page, province 34 (first 100 villages)", f"{base}/province/34/database/"),
        ("d3401", "แบบ ๒๖(๑) page, d3401", f"{base}/district/3401/"),
        ("d3401", "debtor list, d3401 (first page of 50)", f"{base}/district/3401/debtors/"),
        ("d3401", "debtor list, d3401, defaulted only", f"{base}/district/3401/debtors/?only=defaulted"),
    ]
    with time_machine.travel(datetime(2025, 2, 16, 9, 0, tzinfo=ZoneInfo("Asia/Bangkok"))), \
            override_settings(ROOT_URLCONF=_urlconf()):
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
            print(f"{label:52} median {ms:7.1f} ms, {len(queries)} queries")

        params = {"province": "34", "on": "2025-02-16"}
        for fmt in ("pdf", "xlsx"):
            seconds = median(lambda fmt=fmt: documents.FORM_26_2.render(params, fmt, lambda pct: None), 5)
            content, _name = documents.FORM_26_2.render(params, fmt, lambda pct: None)
            print(f"แบบ ๒๖(๒) {fmt.upper()} render, province 34: median {seconds:.2f} s ({len(content) / 1000:.0f} kB)")
        seconds = median(lambda: documents.DATABASE.render({**params, "district": ""}, "pdf", lambda pct: None), 3)
        print(f"ข้อ ๒๗ PDF render, province 34 ({villages_34} villages): median {seconds:.2f} s")


if __name__ == "__main__":
    main()
