from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "cdd_portal.accounts"
    label = "accounts"
    verbose_name = _("สำนักงานและผู้ใช้")
