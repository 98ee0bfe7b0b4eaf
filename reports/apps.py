from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("แบบรายงาน")

    def ready(self) -> None:
        from cdd_portal.documents import registry
        from reports.documents import CONSOLIDATION, SUBMISSION

        registry.register(SUBMISSION)
        registry.register(CONSOLIDATION)

        from cdd_portal import references
        from reports import selectors

        references.register_figures_provider(references.FiguresProvider(
            latest=selectors.latest_approved, history=selectors.approved_history))
        post_migrate.connect(_load_builtin_forms, sender=self)


def _load_builtin_forms(sender, **kwargs) -> None:
    """After every migrate (and every flush of the test database), the built-in forms are there."""
    from reports.services import load_builtin_forms

    load_builtin_forms()
