"""One file mechanism: the type of an upload is read from its content, never taken from the browser."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from cdd_portal.files.services import IMAGES, check_upload


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 10), (10, 120, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_a_real_image_and_a_pdf_are_taken_for_what_they_are():
    assert check_upload(SimpleUploadedFile("p.png", png(), content_type="application/octet-stream")) == "image/png"
    pdf = SimpleUploadedFile("o.pdf", b"%PDF-1.7\n%...\n", content_type="text/plain")
    assert check_upload(pdf) == "application/pdf"


@pytest.mark.parametrize("content", [b"<html><script>alert(1)</script></html>", b"MZ\x90\x00", b""])
def test_anything_else_is_refused_whatever_it_claims(content):
    with pytest.raises(ValidationError) as refused:
        check_upload(SimpleUploadedFile("photo.png", content, content_type="image/png"))
    assert refused.value.message_dict["file"] == ["แนบได้เฉพาะรูปภาพ (JPEG, PNG, WebP) หรือ PDF"]


def test_a_pdf_where_only_photos_are_taken_and_a_file_too_big_are_refused():
    with pytest.raises(ValidationError, match="แนบได้เฉพาะรูปภาพ"):
        check_upload(SimpleUploadedFile("o.pdf", b"%PDF-1.7\n"), allowed=IMAGES)
    with pytest.raises(ValidationError, match="ไฟล์ใหญ่เกิน 1 MB"):
        check_upload(SimpleUploadedFile("big.png", png() + b"\0" * (1024 * 1024)), max_bytes=1024 * 1024)
