from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PovertyConfig(AppConfig):
    """กข.คจ. (โครงการแก้ไขปัญหาความยากจน) village funds, their target households, loans and the four books."""

    name = "funds.poverty"
    label = "poverty"
    verbose_name = _("กองทุน กข.คจ.")
