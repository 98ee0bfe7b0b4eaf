from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThaiConfig(AppConfig):
    name = "cdd_portal.thai"
    label = "thai"
    verbose_name = _("รูปแบบภาษาไทย")
