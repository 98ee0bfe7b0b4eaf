"""Benchmark of the registries of issue #8 at national scale: every department district with its service
centre (a committee of 12, a meeting a quarter, two activities a month of FY 2568) and ≈ 100,000 OTOP
products (114 a district). Server time through Django's test client, median of 20 requests, for the
province pages and the product list with filters; then the export of every product (≈ 100,000 rows) in a
child process, whose peak memory is read from the kernel (ru_maxrss).

Run: .venv/bin/python bench/registries.py   (recreates the PostgreSQL database cdd_bench_registries)
The clock is the day the data describe (16 February 2025), as in the tests.
"""

import resource
import subprocess
import sys
import time

from _setup import ROOT, median, prepare

DATABASE = "cdd_bench_registries"

if len(sys.argv) > 1 and sys.argv[1] == "--export":  # the child: export every product, report memory
    import os

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{DATABASE}")
    os.environ.setdefault("SECRET_KEY", "bench")
    os.environ["DJANGO_SETTINGS_MODULE"] = "cdd_portal.settings"
    import django

    django.setup()
    from cdd_portal.accounts.models import User
    from cdd_portal.lists import exports

    viewer = User.objects.get(username="cdd-viewer")
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    content, _name = exports.render(exports.clean(viewer, {"list": "otop-products"}), "xlsx", lambda pct: None)
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    import io

    from openpyxl import load_workbook
    rows = sum(1 for _row in load_workbook(io.BytesIO(content), read_only=True).worksheets[0].iter_rows()) - 2
    print(f"{rows} {seconds:.1f} {before / 1024:.0f} {peak / 1024:.0f} {len(content) / 1e6:.1f}")
    sys.exit(0)

prepare(DATABASE)
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

call_command("collectstatic", interactive=False, verbosity=0)


def main():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    import time_machine

    from cdd_portal.accounts.models import User
    from cdd_portal.accounts.services import seed_demo
    from cdd_portal.geo.loader import load_geography
    from tests.generators import national_centres
    from tests.generators_otop import national_otop

    load_geography()
    seed_demo()
    start = time.perf_counter()
    print("centres:", national_centres(2568), f"in {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    print("otop:", national_otop(114), f"in {time.perf_counter() - start:.1f} s")
    with connection.cursor() as cursor:  # planner statistics, as autovacuum keeps them in production
        cursor.execute("ANALYZE")

    pages = [
        ("p34", "centres: province page (25 districts)", "/centers/province/"),
        ("cdd-viewer", "centres: one province (department)", "/centers/province/?province=34"),
        ("cdd-viewer", "centres: national table by province", "/centers/province/"),
        ("d3401", "centres: the district's centre page", "/centers/"),
        ("p34", "OTOP: province page", "/otop/province/"),
        ("cdd-viewer", "OTOP: national table by province", "/otop/province/"),
        ("p34", "OTOP: products, category 4 and 5 stars", "/otop/products/?category=4&stars=5"),
        ("p34", "OTOP: products, search «ผ้า»", "/otop/products/?q=%E0%B8%9C%E0%B9%89%E0%B8%B2"),
        ("cdd-viewer", "OTOP: products, sub-group 4.2 nationwide", "/otop/products/?sub_group=4.2"),
        ("cdd-viewer", "OTOP: products, 5 stars and มผช. nationwide", "/otop/products/?stars=5&standard=tcps"),
        ("cdd-viewer", "OTOP: products, unfiltered nationwide", "/otop/products/"),
        ("d3401", "OTOP: the district's products", "/otop/products/"),
    ]
    with time_machine.travel(datetime(2025, 2, 16, 9, 0, tzinfo=ZoneInfo("Asia/Bangkok"))):
        for username, label, url in pages:
            client = Client()
            client.force_login(User.objects.get(username=username))
            assert client.get(url, follow=True).status_code == 200, url
            queries: list[str] = []

            def count(execute, sql, *args, queries=queries):
                queries.append(sql)
                return execute(sql, *args)

            with connection.execute_wrapper(count):
                client.get(url, follow=True)
            ms = median(lambda url=url, client=client: client.get(url, follow=True), 20) * 1000
            print(f"{label:46} median {ms:6.1f} ms, {len(queries)} queries")

    out = subprocess.run([sys.executable, __file__, "--export"], capture_output=True, text=True, check=True).stdout
    rows, seconds, before, peak, size = out.split()
    print(f"product export (XLSX, every product): {rows} rows in {seconds} s, {size} MB; peak memory {peak} MB "
          f"(the process held {before} MB before the export)")


if __name__ == "__main__":
    main()
