from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OtopConfig(AppConfig):
    name = "otop"
    verbose_name = _("OTOP และกลุ่มอาชีพ")

    def ready(self) -> None:
        from cdd_portal.documents import registry
        from otop.documents import OTOP_PROVINCE, OTOP_REGISTRATIONS

        registry.register(OTOP_PROVINCE)
        registry.register(OTOP_REGISTRATIONS)

        from cdd_portal.files.services import register_owner
        from otop import selectors
        from otop.models import OccupationGroup, Product, ProductStandard

        register_owner(Product, selectors.products_for)
        register_owner(ProductStandard, selectors.standards_for)
        register_owner(OccupationGroup, selectors.groups_for)

        from cdd_portal import references
        from otop.sources import OCCUPATION_GROUP, OCCUPATION_GROUPS

        references.register_reference(OCCUPATION_GROUP)
        references.register_prefill(OCCUPATION_GROUPS)

        from cdd_portal.lists import registry as lists
        from otop.lists import LISTS

        for registry_list in LISTS:
            lists.register(registry_list)
