from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GeoConfig(AppConfig):
    name = "cdd_portal.geo"
    label = "geo"
    verbose_name = _("พื้นที่")

    def ready(self) -> None:
        from cdd_portal import references
        from cdd_portal.geo.sources import VILLAGE

        references.register_reference(VILLAGE)
