from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BudgetsConfig(AppConfig):
    name = "budgets"
    verbose_name = _("งบประมาณ")

    def ready(self) -> None:
        from budgets.documents import ALLOCATION_REGISTER
        from cdd_portal.documents import registry

        registry.register(ALLOCATION_REGISTER)

        from budgets.sources import ALLOCATED, SPENT
        from cdd_portal import references

        references.register_prefill(ALLOCATED)
        references.register_prefill(SPENT)
