from django.db import models
from django.utils.translation import gettext_lazy as _

from cdd_portal.personal import national_id


class NationalIdField(models.CharField):
    """A Thai national ID, stored as its 13 digits (normalised on save), checked with the check digit.
    Shown masked everywhere except through `personal.reveal` (which writes an audit entry)."""

    default_validators = [national_id.validate]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 13)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("verbose_name", _("เลขประจำตัวประชาชน"))
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("max_length", None)
        return name, path, args, kwargs

    def to_python(self, value):
        value = super().to_python(value)
        return national_id.normalise(value) if value else value

    def pre_save(self, model_instance, add):
        value = national_id.normalise(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value
