"""JSON errors that name the field, with a Thai message (design.md §7)."""

from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(response.data, dict) and "detail" not in response.data:
        # Validation errors: keep DRF's {field: [messages]} and say it in one line as well.
        response.data = {"detail": "ข้อมูลไม่ถูกต้อง กรุณาตรวจสอบช่องที่ระบุ", "errors": response.data}
    return response


def call_service(fn, *args, **kwargs):
    """Run a service for an API view: Django's PermissionDenied becomes 403 and ValidationError a 400
    whose body names the field (services raise Django's exceptions with Thai messages)."""
    from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
    from django.core.exceptions import ValidationError as DjangoValidationError
    from rest_framework import exceptions, serializers

    try:
        return fn(*args, **kwargs)
    except DjangoPermissionDenied as exc:
        raise exceptions.PermissionDenied(str(exc) or "คุณไม่มีสิทธิ์ทำรายการนี้") from exc
    except DjangoValidationError as exc:
        raise serializers.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else
                                          {"non_field_errors": exc.messages}) from exc
