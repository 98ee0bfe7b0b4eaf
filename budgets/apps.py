from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetsConfig(AppConfig):
    name = "budgets"
    verbose_name = _("งบประมาณ")

    def ready(self) -> None:
        from budgets.documents import ALLOCATION_REGISTER
        from cdd_portal.documents import registry

        registry.register(ALLOCATION_REGISTER)
