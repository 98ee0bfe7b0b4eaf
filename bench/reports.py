"""Benchmark of report forms at national scale: every built-in form for one fiscal year (FY 2568) and
every office that fills it — 878 district offices × 12 months of the สัมมาชีพชุมชน and savings-group
forms, × 4 quarters of the service-centre form, × 1 year of the tambon-plan evaluation, and the 76
province offices × 1 year of the cotton-network summary (25,538 submissions). Server time through
Django's test client, median of 20 requests; the consolidation PDF of one province (25 districts)
median of 5.

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
    total, start = 0, time.perf_counter()
    for built_in in FormDefinition.objects.filter(is_builtin=True).order_by("code"):
        total += national_submissions(built_in, 2568)
    print(f"generator: {total} submissions of {FormDefinition.objects.filter(is_builtin=True).count()} forms "
          f"in {time.perf_counter() - start:.1f} s")
    with connection.cursor() as cursor:  # planner statistics, as autovacuum keeps them in production
        cursor.execute("ANALYZE")
    form = FormDefinition.objects.get(code="samma-acheep-progress")
    savings = FormDefinition.objects.get(code="savings-group-status")
    period = Period.objects.filter(form=form, fiscal_year=2568).order_by("start").last()
    mine = Submission.objects.get(period=period, office__code="3401")
    mine_savings = Submission.objects.filter(form=savings, office__code="3401").order_by("period__start").last()

    pages = [
        ("d3401", "submission page (สัมมาชีพชุมชน)", f"/reports/submissions/{mine.pk}/"),
        ("d3401", "submission page (savings groups)", f"/reports/submissions/{mine_savings.pk}/"),
        ("d3401", "district's forms (5 forms, one year)", "/reports/?fiscal_year=2568"),
        ("p34", "review queue (province)", "/reports/?fiscal_year=2568"),
        ("p34", "completeness grid (province)", f"/reports/forms/{form.pk}/completeness/?fiscal_year=2568"),
        ("p34", "consolidated page (province)", f"/reports/periods/{period.pk}/consolidated/"),
    ] + [("cdd-viewer", f"national grid: {f.code}", f"/reports/forms/{f.pk}/completeness/?fiscal_year=2568")
         for f in FormDefinition.objects.filter(is_builtin=True).order_by("code")]
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
        print(f"{label:44} median {ms:6.1f} ms, {len(queries)} queries")

    params = {"period": period.pk, "province": "34"}
    pdf = median(lambda: documents.render_consolidation(params, "pdf", lambda pct: None), 5)
    print(f"consolidation PDF, Ubon (25 districts): median {pdf:.2f} s")


if __name__ == "__main__":
    main()
