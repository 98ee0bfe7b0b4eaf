"""JSON errors that name the field, with a Thai message (design.md §7)."""

from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(response.data, dict) and "detail" not in response.data:
        # Validation errors: keep DRF's {field: [messages]} and say it in one line as well.
        response.data = {"detail": "ข้อมูลไม่ถูกต้อง กรุณาตรวจสอบช่องที่ระบุ", "errors": response.data}
    return response
