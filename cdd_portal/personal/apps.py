from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PersonalConfig(AppConfig):
    name = "cdd_portal.personal"
    label = "personal"
    verbose_name = _("ข้อมูลส่วนบุคคล (PDPA)")
