from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

HANDOVER_ITEMS = (
    ("purple_book", _("บัญชีทะเบียนครัวเรือนเป้าหมาย (เล่มม่วง)")),
    ("green_book", _("บัญชีคุมเงินฝากธนาคาร (เล่มเขียว)")),
    ("yellow_book", _("บัญชีคุมลูกหนี้ (เล่มเหลือง)")),
    ("brown_book", _("สมุดบันทึกสถานะหมู่บ้าน (เล่มน้ำตาล)")),
    ("passbook", _("สมุดบัญชีเงินฝากธนาคาร")),
    ("contracts", _("สัญญายืมเงินและแบบรับเงินยืม")),
    ("minutes", _("บันทึกการประชุมคณะกรรมการ")),
    ("assets", _("ทรัพย์สินอื่น")),
)


class PovertyConfig(AppConfig):
    """กข.คจ. (โครงการแก้ไขปัญหาความยากจน) village funds, their target households, loans and the four books."""

    name = "funds.poverty"
    label = "poverty"
    verbose_name = _("กองทุน กข.คจ.")

    def ready(self) -> None:
        from cdd_portal.personal import registry as personal
        from funds import kinds
        from funds.poverty import selectors
        from funds.poverty.documents import register_documents

        register_documents()

        from funds.poverty import reports

        reports.register_level_provider(lambda ids: kinds.latest_levels("poverty", ids))

        kinds.register(kinds.FundKind(
            code="poverty", label=_("กองทุน กข.คจ."), model_label="poverty.VillageFund",
            district_field="district", province_field="district__province",
            status=selectors.fund_status, level_set="123", handover_items=HANDOVER_ITEMS))

        from cdd_portal.lists import registry as lists
        from funds.poverty.lists import POVERTY_FUNDS, POVERTY_LOANS

        lists.register(POVERTY_FUNDS)
        lists.register(POVERTY_LOANS)

        def _models():
            from funds.poverty import models

            return models

        personal.register("poverty.FundCommitteeMember", "national_id", district_of=lambda m: m.fund.district_id,
                          queryset=lambda: _models().FundCommitteeMember.objects.select_related("fund"))
        personal.register("poverty.TargetHousehold", "national_id", district_of=lambda h: h.fund.district_id,
                          queryset=lambda: _models().TargetHousehold.objects.select_related("fund"))
        personal.register("poverty.LoanRequest", "consent_national_id",
                          district_of=lambda r: r.household.fund.district_id,
                          queryset=lambda: _models().LoanRequest.objects.select_related("household__fund"))
        personal.register("poverty.Loan", "consent_national_id", district_of=lambda loan: loan.fund.district_id,
                          queryset=lambda: _models().Loan.objects.select_related("fund"))
