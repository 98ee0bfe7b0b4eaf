"""Benchmark of report forms at national scale: every department district (878) × 12 monthly periods of
the built-in สัมมาชีพชุมชน form (10,536 submissions). Server time through Django's test client, median
of 20 requests; the consolidation PDF of one province (25 districts) median of 5.

Run: .venv/bin/python bench/reports.py   (recreates the PostgreSQL database cdd_bench_reports)
"""

import time

from _setup import median, prepare

prepare("cdd_bench_reports")
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

call_command("collectstatic", interactive=False, verbosity=0)


def main():
    from cdd_portal.accounts.models import User
    from cdd_portal.accounts.services import seed_demo
    from cdd_portal.geo.loader import load_geography
    from reports import documents
    from reports.models import FormDefinition, Period, Submission
    from tests.generators import national_submissions

    load_geography()
    seed_demo()
    form = FormDefinition.objects.get(code="samma-acheep-progress")
    start = time.perf_counter()
    count = national_submissions(form, 2568)
    print(f"generator: {count} submissions in {time.perf_counter() - start:.1f} s")
    period = Period.objects.filter(form=form, fiscal_year=2568).order_by("start").last()
    mine = Submission.objects.get(period=period, office__code="3401")

    pages = [
        ("d3401", "submission page", f"/reports/submissions/{mine.pk}/"),
        ("p34", "review queue (province)", "/reports/?fiscal_year=2568"),
        ("p34", "completeness grid (province)", f"/reports/forms/{form.pk}/completeness/?fiscal_year=2568"),
        ("cdd-viewer", "completeness grid (nation)", f"/reports/forms/{form.pk}/completeness/?fiscal_year=2568"),
        ("p34", "consolidated page (province)", f"/reports/periods/{period.pk}/consolidated/"),
    ]
    for username, label, url in pages:
        client = Client()
        client.force_login(User.objects.get(username=username))
        assert client.get(url).status_code == 200
        queries: list[str] = []

        def count(execute, sql, *args, queries=queries):
            queries.append(sql)
            return execute(sql, *args)

        with connection.execute_wrapper(count):
            client.get(url)
        ms = median(lambda url=url, client=client: client.get(url), 20) * 1000
        print(f"{label:32} median {ms:6.1f} ms, {len(queries)} queries")

    params = {"period": period.pk, "province": "34"}
    pdf = median(lambda: documents.render_consolidation(params, "pdf", lambda pct: None), 5)
    print(f"consolidation PDF, Ubon (25 districts): median {pdf:.2f} s")


if __name__ == "__main__":
    main()
