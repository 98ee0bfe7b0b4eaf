from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HandoversConfig(AppConfig):
    """The brown book's handovers: of an officer's responsibility and of a fund's committee."""

    name = "funds.handovers"
    label = "fund_handovers"
    verbose_name = _("การส่งมอบงานกองทุน")

    def ready(self) -> None:
        from cdd_portal.documents import registry
        from cdd_portal.files.services import register_owner
        from funds.handovers import selectors
        from funds.handovers.documents import FUND_HANDOVER
        from funds.handovers.models import Handover

        registry.register(FUND_HANDOVER)
        # a signed scan is downloaded only by those who may see the handover it proves
        register_owner(Handover, selectors.handovers_for)
