"""Benchmark of the foundation: loading areas, seeding demo data, and the village pages and API at
national scale (every department subdistrict with 10 villages ≈ 71,000 villages).

Run: .venv/bin/python bench/foundation.py   (uses PostgreSQL database cdd_bench, recreated each run)
Prints medians of repeated runs; figures go to docs/performance.md.
"""

import time

from _setup import median, prepare

prepare("cdd_bench")
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

call_command("collectstatic", interactive=False, verbosity=0)  # production storage needs its manifest


def main():
    from cdd_portal.accounts.models import User
    from cdd_portal.accounts.services import seed_demo
    from cdd_portal.geo.loader import load_geography
    from tests.generators import villages

    print(f"load_geography, empty database: {median(load_geography, 1):.2f} s")
    print(f"load_geography, no change (median of 5): {median(load_geography, 5):.2f} s")
    print(f"seed_demo (955 offices, 132 users): {median(seed_demo, 1):.2f} s")
    start = time.perf_counter()
    count = villages(per_subdistrict=10)
    print(f"generator: {count} villages in {time.perf_counter() - start:.2f} s")

    for username, label in (("d3401", "district officer"), ("p34", "provincial staff"), ("cdd-viewer", "department")):
        client = Client()
        client.force_login(User.objects.get(username=username))
        for url in ("/", "/villages/", "/villages/?q=ตัวอย่าง", "/villages/?q=หนองบัว", "/api/v1/villages/",
                    "/api/v1/districts/?province=34"):
            client.get(url)  # warm
            queries: list[str] = []

            def count(execute, sql, *args, queries=queries):
                queries.append(sql)
                return execute(sql, *args)

            with connection.execute_wrapper(count):
                assert client.get(url).status_code == 200
            ms = median(lambda url=url, client=client: client.get(url), 20) * 1000
            print(f"{label:17} GET {url:32} median {ms:6.1f} ms, {len(queries)} queries")


if __name__ == "__main__":
    main()
