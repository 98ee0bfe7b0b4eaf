from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    """Governance assessments of community funds (indicator sets, level rules and results as data),
    the แม่ของแผ่นดิน fund villages, and the province and national fund summaries."""

    name = "funds.assessments"
    label = "fund_assessments"
    verbose_name = _("การประเมินศักยภาพกองทุน")
