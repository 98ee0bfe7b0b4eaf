from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentsConfig(AppConfig):
    """Governance assessments of community funds (indicator sets, level rules and results as data),
    the แม่ของแผ่นดิน fund villages, and the province and national fund summaries."""

    name = "funds.assessments"
    label = "fund_assessments"
    verbose_name = _("การประเมินศักยภาพกองทุน")

    def ready(self) -> None:
        from cdd_portal.documents import registry
        from funds import kinds
        from funds.assessments.documents import FUND_SUMMARY
        from funds.assessments.selectors import mother_fund_status

        kinds.register(kinds.FundKind(
            code="mother_fund", label=_("หมู่บ้านกองทุนแม่ของแผ่นดิน"),
            model_label="fund_assessments.MotherFundVillage", district_field="district",
            province_field="district__province", status=mother_fund_status, level_set="ABC",
            handover_items=(("minutes", _("สมุดบันทึกการประชุม")), ("accounts", _("บัญชีรับ-จ่ายของกองทุน")),
                            ("passbooks", _("สมุดบัญชีเงินฝากธนาคารของกองทุน")))))
        registry.register(FUND_SUMMARY)

        from funds.assessments.selectors import latest_levels

        kinds.register_levels(latest_levels)
