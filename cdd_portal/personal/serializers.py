from rest_framework import serializers

from cdd_portal.personal import national_id


class NationalIdSerializerField(serializers.CharField):
    """Written whole (checked), always read masked: the API never hands out a whole number; the page's
    audited `reveal` is the one way to see it."""

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_blank", True)
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", 20)
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        value = national_id.normalise(super().to_internal_value(data))
        try:
            national_id.validate(value)
        except Exception as exc:  # django ValidationError -> DRF's
            raise serializers.ValidationError(list(getattr(exc, "messages", [str(exc)]))) from None
        return value

    def to_representation(self, value):
        return national_id.masked(value)
