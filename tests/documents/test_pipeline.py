"""The render-job pipeline: queue, render in a worker, reuse, retry, authorised download."""

import io
import time
from decimal import Decimal

import pytest
from celery.contrib.testing.worker import start_worker
from openpyxl import load_workbook

from budgets import services as budget_services
from cdd_portal.accounts.models import Office
from cdd_portal.celery import app as celery_app
from cdd_portal.documents import registry, services
from cdd_portal.documents.models import RenderJob
from cdd_portal.documents.tasks import render_job
from tests.generators import province_register, service_centre_activity


@pytest.fixture
def ubon(administrator):
    activity = service_centre_activity()
    return province_register(administrator, activity, "34")


def params(register, province="34"):
    return {"activity": register.activity_id, "province": province}


@pytest.mark.django_db
class TestServices:
    def test_a_job_renders_once_and_is_reused_while_inputs_are_unchanged(self, ubon, province_staff,
                                                                          django_capture_on_commit_callbacks):
        with django_capture_on_commit_callbacks() as callbacks:
            job, reused = services.request_export(province_staff, kind="allocation-register", params=params(ubon),
                                                  fmt="xlsx")
        assert not reused and job.status == RenderJob.Status.QUEUED and len(callbacks) == 1
        render_job.apply(args=[str(job.pk)])
        job.refresh_from_db()
        assert job.status == RenderJob.Status.DONE and job.progress == 100 and len(job.checksum) == 64
        ws = load_workbook(io.BytesIO(job.file.read())).active
        assert "(สี่หมื่นหนึ่งพันหนึ่งร้อยบาทถ้วน)" in [c.value for row in ws.iter_rows() for c in row]
        again, reused = services.request_export(province_staff, kind="allocation-register", params=params(ubon),
                                                fmt="xlsx")
        assert reused and again.pk == job.pk
        # A changed input makes a new file.
        budget_services.add_allocation(province_staff, ubon, office=Office.objects.get(code="3401"),
                                       line="ค่าวัสดุเพิ่มเติม", amount=Decimal("100"))
        changed, reused = services.request_export(province_staff, kind="allocation-register", params=params(ubon),
                                                  fmt="xlsx")
        assert not reused and changed.pk != job.pk

    def test_a_failing_render_keeps_its_error_retries_and_fails_for_good(self, province_staff, monkeypatch):
        def broken(params, fmt, progress):
            raise RuntimeError("แม่แบบเสีย")

        registry.register(registry.ExportKind(name="broken", clean=lambda u, p: p, may_view=lambda u, p: True,
                                              inputs=lambda p: [], render=broken))
        job = RenderJob.objects.create(kind="broken", params={}, format="pdf", fingerprint="x")
        with pytest.raises(RuntimeError):
            services.run(str(job.pk), final_attempt=False)
        job.refresh_from_db()
        assert job.status == RenderJob.Status.QUEUED and "แม่แบบเสีย" in job.error and job.attempts == 1
        services.run(str(job.pk), final_attempt=True)  # the worker's last retry: no exception, a failed job
        job.refresh_from_db()
        assert job.status == RenderJob.Status.FAILED and "RuntimeError: แม่แบบเสีย" in job.error
        assert job.attempts == 2 and job.finished_at is not None
        assert render_job.max_retries == 2 and render_job.autoretry_for == (Exception,)

    @pytest.mark.parametrize(("who", "province"), [("officer", "34"), ("far_officer", "34"),
                                                   ("other_province_staff", "34"), ("province_staff", None)])
    def test_exports_outside_the_users_scope_are_refused(self, request, ubon, who, province):
        from django.core.exceptions import PermissionDenied

        with pytest.raises(PermissionDenied):
            services.request_export(request.getfixturevalue(who), kind="allocation-register",
                                    params=params(ubon, province), fmt="pdf")
        assert not RenderJob.objects.exists()


@pytest.mark.django_db
class TestApiAndDownload:
    def test_api_errors_name_the_field(self, api_as, province_staff, ubon):
        api = api_as(province_staff)
        bad_kind = api.post("/api/v1/exports/", {"kind": "nope", "format": "pdf"}, format="json")
        assert bad_kind.status_code == 400 and "kind" in bad_kind.json()["errors"]
        bad_format = api.post("/api/v1/exports/", {"kind": "allocation-register", "format": "doc",
                                                   "activity": ubon.activity_id}, format="json")
        assert "format" in bad_format.json()["errors"]
        no_activity = api.post("/api/v1/exports/", {"kind": "allocation-register", "format": "pdf",
                                                    "activity": 999999, "province": "34"}, format="json")
        assert no_activity.json()["errors"]["activity"] == ["ไม่พบกิจกรรมรหัส 999999"]

    @pytest.mark.parametrize("who", ["officer", "neighbour_officer", "other_province_staff", "far_officer"])
    def test_another_scope_gets_403_on_export_and_404_on_job_and_download(self, request, api_as, login,
                                                                         province_staff, ubon, who):
        job = RenderJob.objects.create(kind="allocation-register", params=params(ubon), format="xlsx",
                                       fingerprint="f", status=RenderJob.Status.DONE)
        user = request.getfixturevalue(who)
        api = api_as(user)
        assert api.post("/api/v1/exports/", {"kind": "allocation-register", "format": "xlsx", **params(ubon)},
                        format="json").status_code == 403
        assert api.get(f"/api/v1/jobs/{job.pk}/").status_code == 404
        client = login(user)
        assert client.get(f"/documents/jobs/{job.pk}/").status_code == 404
        assert client.get(f"/documents/jobs/{job.pk}/download/").status_code == 404
        assert client.post("/documents/export/", {"kind": "allocation-register", "format": "xlsx",
                                                  **params(ubon)}).status_code == 403

    def test_anonymous_gets_nothing(self, client, ubon):
        job = RenderJob.objects.create(kind="allocation-register", params=params(ubon), format="xlsx",
                                       fingerprint="f")
        assert client.get(f"/documents/jobs/{job.pk}/download/").status_code == 302
        assert client.post("/documents/export/").status_code == 302


@pytest.mark.django_db(transaction=True)
def test_a_real_worker_renders_the_pdf_and_the_requester_downloads_it(geography, api_as, login):
    from cdd_portal.accounts.models import Role
    from tests.conftest import make_user

    admin = make_user("admin", "CDD", Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    staff = make_user("p34", "34", Role.PROVINCE_STAFF)
    viewer = make_user("cdd-viewer", "CDD", Role.DEPARTMENT_VIEWER)
    register = province_register(admin, service_centre_activity(), "34")
    with start_worker(celery_app, perform_ping_check=False, loglevel="WARNING", shutdown_timeout=10):
        api = api_as(staff)
        response = api.post("/api/v1/exports/", {"kind": "allocation-register", "format": "pdf",
                                                 **params(register)}, format="json")
        assert response.status_code == 202, response.json()
        job_url = f"/api/v1/jobs/{response.json()['id']}/"
        deadline = time.monotonic() + 30
        while (body := api.get(job_url).json())["status"] not in {"done", "failed"} and time.monotonic() < deadline:
            time.sleep(0.2)
    assert body["status"] == "done", body
    assert body["download_url"].endswith("/download/") and body["file_name"].endswith("-34.pdf")
    pdf = login(staff).get(body["download_url"].replace("http://testserver", ""))
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    assert login(viewer).get(body["download_url"].replace("http://testserver", "")).status_code == 200
