from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FundsConfig(AppConfig):
    name = "funds"
    verbose_name = _("กองทุนและกลุ่มออมทรัพย์")

    def ready(self) -> None:
        from cdd_portal import references
        from funds.sources import GROUP, SAVINGS_GROUPS

        references.register_reference(GROUP)
        references.register_prefill(SAVINGS_GROUPS)

        from cdd_portal.lists import registry as lists
        from funds.lists import SAVINGS_GROUPS as GROUP_LIST

        lists.register(GROUP_LIST)
