from django.apps import AppConfig
from django.db.models.signals import post_migrate
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

        from cdd_portal.documents import registry as documents
        from funds.documents import GROUP_REGISTER

        documents.register(GROUP_REGISTER)

        from cdd_portal.personal import registry as personal
        from funds.models import Beneficiary, GroupCommitteeMember, Member

        personal.register("funds.Member", "national_id", district_of=lambda m: m.group.district_id,
                          queryset=lambda: Member.objects.select_related("group"))
        personal.register("funds.Beneficiary", "national_id", district_of=lambda b: b.member.group.district_id,
                          queryset=lambda: Beneficiary.objects.select_related("member__group"))
        personal.register("funds.GroupCommitteeMember", "national_id", district_of=lambda c: c.group.district_id,
                          queryset=lambda: GroupCommitteeMember.objects.select_related("group"))

        post_migrate.connect(_default_divisions, sender=self)

        from funds import kinds, selectors

        kinds.register(kinds.FundKind(
            code="savings_group", label=_("กลุ่มออมทรัพย์เพื่อการผลิต"), model_label="funds.SavingsGroup",
            district_field="district", province_field="district__province", status=selectors.handover_status,
            level_set="123",
            handover_items=(("passbooks", _("สมุดบัญชีเงินฝากธนาคารของกลุ่ม")),
                            ("member_register", _("ทะเบียนสมาชิก")),
                            ("savings_books", _("สมุดบัญชีเงินสัจจะของสมาชิก")),
                            ("loan_contracts", _("สัญญาเงินกู้และทะเบียนคุมลูกหนี้")),
                            ("minutes", _("สมุดบันทึกการประชุม")), ("accounts", _("บัญชีรับ-จ่าย งบดุล")),
                            ("assets", _("ทรัพย์สินของกลุ่ม")))))


def _default_divisions(sender, **kwargs) -> None:
    """After every migrate (and every flush of the test database) a committee has divisions to choose from:
    the four defaults, when there are none at all (an administrator's names are never overwritten)."""
    from funds.services import seed_default_divisions

    seed_default_divisions()
