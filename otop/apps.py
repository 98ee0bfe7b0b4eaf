from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OtopConfig(AppConfig):
    name = "otop"
    verbose_name = _("OTOP และกลุ่มอาชีพ")
