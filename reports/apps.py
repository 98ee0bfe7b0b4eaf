from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("แบบรายงาน")

    def ready(self) -> None:
        from cdd_portal.documents import registry
        from reports.documents import CONSOLIDATION, SUBMISSION

        registry.register(SUBMISSION)
        registry.register(CONSOLIDATION)
