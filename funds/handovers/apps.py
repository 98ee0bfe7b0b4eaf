from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandoversConfig(AppConfig):
    """The brown book's handovers: of an officer's responsibility and of a fund's committee."""

    name = "funds.handovers"
    label = "fund_handovers"
    verbose_name = _("การส่งมอบงานกองทุน")
