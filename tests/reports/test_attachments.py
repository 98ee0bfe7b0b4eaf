import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from reports import services
from reports.models import Attachment
from tests.reports.conftest import good_data

pytestmark = pytest.mark.django_db


def photo(name="group.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (120, 40, 140)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def saved(officer, form, period):
    s = services.open_submission(officer, form, period)
    s, _errors = services.save_draft(officer, s, good_data(), version=s.version)
    return s


def test_a_photo_is_attached_to_the_row_it_proves_and_shown(login, officer, saved, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = login(officer)
    page = client.get(f"/reports/submissions/{saved.pk}/").content.decode()
    assert "๑.๑ แถวที่ ๒ กลุ่มข้าวอินทรีย์" in page and "๒.๒ ข้อ ๑ สำรวจข้อมูล" in page  # rows of 1.1 and the five steps of 2.2 can be chosen
    client.post(f"/reports/submissions/{saved.pk}/attach/", {"target": "groups|2|photo", "file": photo()})
    item = Attachment.objects.get()
    assert (item.section, item.row, item.column) == ("groups", "2", "photo") and item.is_image
    shown = client.get(f"/reports/submissions/{saved.pk}/attachments/{item.pk}/")
    assert shown.status_code == 200 and shown["Content-Type"] == "image/png"
    assert "group.png" in client.get(f"/reports/submissions/{saved.pk}/").content.decode()


def test_only_images_and_pdf_are_accepted(login, officer, saved, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    client = login(officer)
    response = client.post(f"/reports/submissions/{saved.pk}/attach/", {
        "target": "groups|1|photo", "file": SimpleUploadedFile("x.exe", b"MZ", content_type="application/octet-stream")},
        follow=True)
    assert "แนบได้เฉพาะรูปภาพ" in response.content.decode() and not Attachment.objects.exists()


@pytest.mark.parametrize("who", ["neighbour_officer", "far_officer", "other_province_staff"])
def test_another_district_cannot_see_or_add_files(request, login, officer, saved, who, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    services.attach(officer, saved, section="groups", row="1", column="photo", upload=photo())
    item = Attachment.objects.get()
    client = login(request.getfixturevalue(who))
    assert client.get(f"/reports/submissions/{saved.pk}/attachments/{item.pk}/").status_code == 404
    assert client.post(f"/reports/submissions/{saved.pk}/attach/",
                       {"target": "groups|1|photo", "file": photo()}).status_code == 404
    assert Attachment.objects.count() == 1


def test_province_sees_but_cannot_attach(login, officer, province_staff, saved, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    services.attach(officer, saved, section="groups", row="1", column="photo", upload=photo())
    item = Attachment.objects.get()
    client = login(province_staff)
    assert client.get(f"/reports/submissions/{saved.pk}/attachments/{item.pk}/").status_code == 200
    assert client.post(f"/reports/submissions/{saved.pk}/attach/",
                       {"target": "groups|1|photo", "file": photo()}).status_code == 403
