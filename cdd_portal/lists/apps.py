from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ListsConfig(AppConfig):
    name = "cdd_portal.lists"
    label = "lists"
    verbose_name = _("ส่งออกและนำเข้าทะเบียน")

    def ready(self) -> None:
        from cdd_portal.documents import registry
        from cdd_portal.lists.exports import REGISTRY_LIST

        registry.register(REGISTRY_LIST)
