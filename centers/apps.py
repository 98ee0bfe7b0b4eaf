from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CentersConfig(AppConfig):
    name = "centers"
    verbose_name = _("ศูนย์บริการส่งเสริมเศรษฐกิจฐานราก")

    def ready(self) -> None:
        from cdd_portal.documents import registry
        from cdd_portal.files.services import register_owner
        from centers import selectors
        from centers.documents import CENTERS_PROVINCE
        from centers.models import Activity, AppointmentOrder, Meeting, Plan, ServiceCenter

        registry.register(CENTERS_PROVINCE)
        # the download view gives a centre's files only to those who may see the record they prove
        register_owner(ServiceCenter, selectors.centers_for)
        register_owner(AppointmentOrder, selectors.orders_for)
        register_owner(Meeting, selectors.meetings_for)
        register_owner(Activity, selectors.activities_for)
        register_owner(Plan, selectors.plans_for)

        from cdd_portal import references
        from centers.sources import CENTER, CENTER_ACTIVITY, SOURCES

        references.register_reference(CENTER)
        references.register_reference(CENTER_ACTIVITY)
        for source in SOURCES:
            references.register_prefill(source)

        from cdd_portal.lists import registry as lists
        from centers.lists import LISTS

        for registry_list in LISTS:
            lists.register(registry_list)
