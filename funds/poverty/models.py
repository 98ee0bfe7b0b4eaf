"""กข.คจ. (โครงการแก้ไขปัญหาความยากจน) village funds under ระเบียบกระทรวงมหาดไทย ว่าด้วยการบริหารและการใช้จ่ายเงิน
โครงการแก้ไขปัญหาความยากจน พ.ศ. ๒๕๕๓ (fund-registries.md §3, seed 004 §2.2): one fund per village (280,000 บาท,
lent without interest to target households), its committee, and the four books:

- เล่มเขียว (green), บัญชีคุมเงินฝากธนาคาร: `BankAccount`, `BankEntry`;
- เล่มม่วง (purple), บัญชีทะเบียนครัวเรือนเป้าหมาย: `TargetHousehold` (ranked, lowest income first);
- เล่มเหลือง (yellow), บัญชีคุมลูกหนี้: `LoanProposal` → `LoanRequest` → `Loan` (+ `LoanInstalment`) → `Repayment`;
- เล่มน้ำตาล (brown), สมุดบันทึกสถานะหมู่บ้าน: computed from the others (`selectors.fund_status`); its handover
  part is kept by the handovers app.

Kept by the district office; the province reads. Nothing is deleted: a fund is stopped, a loan written off, a
repayment or bank entry cancelled, each with a date and a reason. Balances are computed, never stored
(`selectors.loans_with_balances`, `selectors.funds_with_balances`, `selectors.bank_entries_with_balance`)."""

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from cdd_portal.audit.models import Tracked
from cdd_portal.personal.fields import NationalIdField

MONEY = {"max_digits": 14, "decimal_places": 2}
DEFAULT_CAPITAL = Decimal("280000.00")


class Opinion(models.TextChoices):
    """ความเห็นพัฒนากรผู้รับผิดชอบประจำตำบล."""

    AGREE = "agree", _("เห็นชอบ")
    DISAGREE = "disagree", _("ไม่เห็นชอบ")


class Decision(models.TextChoices):
    """ผลการพิจารณาของคณะกรรมการกองทุน กข.คจ. หมู่บ้าน."""

    PENDING = "pending", _("รอพิจารณา")
    APPROVED = "approved", _("อนุมัติ")
    REJECTED = "rejected", _("ไม่อนุมัติ")


class RegulationSetting(Tracked):
    """The figures a regulation sets for lending, each with the clause that sets it and where it was read.
    A null figure is one the sources do not give: the services do not check it. One setting is active."""

    name = models.CharField(_("ระเบียบ"), max_length=300)
    is_active = models.BooleanField(_("ใช้อยู่"), default=True)
    loan_limit = models.DecimalField(_("วงเงินยืมสูงสุดต่อครัวเรือน (บาท)"), null=True, blank=True, **MONEY)
    loan_limit_clause = models.TextField(_("ข้อระเบียบ (วงเงินยืม)"), blank=True)
    loan_limit_source = models.TextField(_("ที่มา (วงเงินยืม)"), blank=True)
    max_repayment_months = models.PositiveSmallIntegerField(_("ระยะเวลาส่งคืนนานที่สุด (เดือน)"), null=True, blank=True)
    max_repayment_clause = models.TextField(_("ข้อระเบียบ (ระยะเวลาส่งคืน)"), blank=True)
    max_repayment_source = models.TextField(_("ที่มา (ระยะเวลาส่งคืน)"), blank=True)
    service_fee_percent = models.DecimalField(_("ค่าบริการ (ร้อยละต่อปี)"), max_digits=5, decimal_places=2,
                                              null=True, blank=True)
    service_fee_clause = models.TextField(_("ข้อระเบียบ (ค่าบริการ)"), blank=True)
    service_fee_source = models.TextField(_("ที่มา (ค่าบริการ)"), blank=True)
    forbearance_days = models.PositiveIntegerField(
        _("เกณฑ์ผ่อนผัน (วันหลังครบกำหนด)"), null=True, blank=True,
        help_text=_("ค้างชำระเกินจำนวนวันนี้ถือว่าผิดนัด ว่างไว้ = ผิดนัดตั้งแต่วันถัดจากวันครบกำหนด"))
    forbearance_clause = models.TextField(_("ข้อระเบียบ (เกณฑ์ผ่อนผัน)"), blank=True)
    forbearance_source = models.TextField(_("ที่มา (เกณฑ์ผ่อนผัน)"), blank=True)
    note = models.TextField(_("หมายเหตุ"), blank=True)

    class Meta:
        ordering = ["-is_active", "-id"]
        verbose_name = _("ค่ากำหนดตามระเบียบ กข.คจ.")
        verbose_name_plural = _("ค่ากำหนดตามระเบียบ กข.คจ.")
        constraints = [
            models.UniqueConstraint(fields=["is_active"], condition=models.Q(is_active=True),
                                    name="poverty_one_active_regulation_setting"),
        ]

    def __str__(self) -> str:
        return self.name

    @classmethod
    def active(cls):
        return cls.objects.filter(is_active=True).first()


class VillageFund(Tracked):
    """กองทุน กข.คจ. หมู่บ้าน: one per village."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("ดำเนินการ")
        STOPPED = "stopped", _("ยุติการดำเนินการ")

    district = models.ForeignKey("geo.District", on_delete=models.PROTECT, related_name="poverty_funds",
                                 verbose_name=_("อำเภอ"))
    village = models.OneToOneField("geo.Village", on_delete=models.PROTECT, related_name="poverty_fund",
                                   verbose_name=_("หมู่บ้าน"))
    funded_year = models.PositiveSmallIntegerField(_("ปีงบประมาณที่ได้รับงบประมาณ (พ.ศ.)"), null=True, blank=True)
    initial_capital = models.DecimalField(_("เงินทุนที่ได้รับ (บาท)"), default=DEFAULT_CAPITAL, **MONEY)
    households_total = models.PositiveIntegerField(_("ครัวเรือนทั้งหมดในหมู่บ้าน"), null=True, blank=True)
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    stopped_on = models.DateField(_("วันที่ยุติ"), null=True, blank=True)
    stop_reason = models.TextField(_("เหตุที่ยุติ"), blank=True)
    note = models.TextField(_("หมายเหตุ"), blank=True)

    class Meta:
        ordering = ["district_id", "village__subdistrict_id", "village__number"]
        verbose_name = _("กองทุน กข.คจ. หมู่บ้าน")
        verbose_name_plural = _("กองทุน กข.คจ. หมู่บ้าน")
        constraints = [
            models.CheckConstraint(name="poverty_fund_capital_not_negative",
                                   condition=models.Q(initial_capital__gte=0)),
        ]

    def __str__(self) -> str:
        return f"กองทุน กข.คจ. {self.village}"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class FundCommitteeMember(Tracked):
    """คณะกรรมการ กข.คจ. หมู่บ้าน (register in the purple book: ชุดที่, ชื่อ-สกุล, ตำแหน่ง, วันเริ่ม/สิ้นสุด)."""

    class Position(models.TextChoices):
        CHAIR = "chair", _("ประธาน")
        VICE_CHAIR = "vice_chair", _("รองประธาน")
        SECRETARY = "secretary", _("เลขานุการ")
        TREASURER = "treasurer", _("เหรัญญิก (ฝ่ายการเงิน)")
        MEMBER = "member", _("กรรมการ")

    fund = models.ForeignKey(VillageFund, on_delete=models.PROTECT, related_name="committee",
                             verbose_name=_("กองทุน"))
    set_number = models.PositiveSmallIntegerField(_("ชุดที่"), default=1)
    name = models.CharField(_("ชื่อ-สกุล"), max_length=200)
    national_id = NationalIdField()
    position = models.CharField(_("ตำแหน่ง"), max_length=20, choices=Position.choices, default=Position.MEMBER)
    start_date = models.DateField(_("วันเริ่มรับผิดชอบ"))
    end_date = models.DateField(_("วันสิ้นสุดรับผิดชอบ"), null=True, blank=True)
    end_reason = models.CharField(_("เหตุที่พ้นจากตำแหน่ง"), max_length=200, blank=True)

    class Meta:
        ordering = ["fund", "-set_number", "start_date", "id"]
        verbose_name = _("กรรมการกองทุน กข.คจ.")
        verbose_name_plural = _("กรรมการกองทุน กข.คจ.")
        constraints = [
            models.CheckConstraint(name="poverty_member_end_not_before_start",
                                   condition=models.Q(end_date__isnull=True)
                                   | models.Q(end_date__gte=models.F("start_date"))),
        ]

    def __str__(self) -> str:
        return self.name

    def in_office_on(self, day) -> bool:
        return self.start_date <= day and (self.end_date is None or day <= self.end_date)


class BankAccount(Tracked):
    """เล่มเขียว: the fund's deposit account (ธนาคาร, สาขา, เลขที่บัญชี, ชื่อบัญชี)."""

    fund = models.ForeignKey(VillageFund, on_delete=models.PROTECT, related_name="bank_accounts",
                             verbose_name=_("กองทุน"))
    bank = models.CharField(_("ธนาคาร"), max_length=200)
    branch = models.CharField(_("สาขา"), max_length=200, blank=True)
    number = models.CharField(_("เลขที่บัญชี"), max_length=30)
    name = models.CharField(_("ชื่อบัญชี"), max_length=300)
    closed_on = models.DateField(_("วันที่ปิดบัญชี"), null=True, blank=True)

    class Meta:
        ordering = ["fund", "id"]
        verbose_name = _("บัญชีเงินฝากธนาคาร")
        verbose_name_plural = _("บัญชีเงินฝากธนาคาร")
        constraints = [models.UniqueConstraint(fields=["fund", "bank", "number"],
                                               name="poverty_one_account_number_per_fund_bank")]

    def __str__(self) -> str:
        return f"{self.bank} {self.number}"


class BankEntry(Tracked):
    """A row of the green book: วัน เดือน ปี, เลขที่เอกสาร, รายการ, ฝาก, ถอน, (คงเหลือ computed), หมายเหตุ."""

    class Kind(models.TextChoices):
        DEPOSIT = "deposit", _("ฝาก")
        WITHDRAWAL = "withdrawal", _("ถอน")

    account = models.ForeignKey(BankAccount, on_delete=models.PROTECT, related_name="entries",
                                verbose_name=_("บัญชี"))
    date = models.DateField(_("วัน เดือน ปี"))
    document_number = models.CharField(_("เลขที่เอกสาร"), max_length=50, blank=True)
    description = models.CharField(_("รายการ"), max_length=300)
    kind = models.CharField(_("ประเภท"), max_length=20, choices=Kind.choices)
    amount = models.DecimalField(_("จำนวนเงิน (บาท)"), **MONEY)
    note = models.CharField(_("หมายเหตุ"), max_length=300, blank=True)
    cancelled_on = models.DateField(_("วันที่ยกเลิก"), null=True, blank=True)
    cancel_reason = models.TextField(_("เหตุที่ยกเลิก"), blank=True)

    class Meta:
        ordering = ["account", "date", "id"]
        verbose_name = _("รายการบัญชีเงินฝาก")
        verbose_name_plural = _("รายการบัญชีเงินฝาก")
        constraints = [models.CheckConstraint(name="poverty_bank_entry_amount_positive",
                                              condition=models.Q(amount__gt=0))]

    def __str__(self) -> str:
        return f"{self.date} {self.description}"

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_on is not None

    @property
    def deposit(self):
        return self.amount if self.kind == self.Kind.DEPOSIT else None

    @property
    def withdrawal(self):
        return self.amount if self.kind == self.Kind.WITHDRAWAL else None


class TargetHousehold(Tracked):
    """เล่มม่วง: a target household (ครัวเรือนเป้าหมาย), ranked by income per person per year before borrowing
    (lowest first), with its income after 1, 2 and 3 years."""

    fund = models.ForeignKey(VillageFund, on_delete=models.PROTECT, related_name="households",
                             verbose_name=_("กองทุน"))
    rank = models.PositiveIntegerField(_("ลำดับที่ครัวเรือนเป้าหมาย"))
    head_name = models.CharField(_("ชื่อ-สกุลหัวหน้าครัวเรือน"), max_length=200)
    national_id = NationalIdField()
    house_number = models.CharField(_("บ้านเลขที่"), max_length=30, blank=True)
    members = models.PositiveSmallIntegerField(_("จำนวนสมาชิกในครัวเรือน (คน)"), default=1)
    income_before = models.DecimalField(_("รายได้เฉลี่ยต่อคนต่อปีตามเกณฑ์ จปฐ. ก่อนยืมเงิน (บาท)"), **MONEY)
    jpt_line = models.DecimalField(_("เกณฑ์รายได้ จปฐ. ที่ใช้ (บาท/คน/ปี)"), **MONEY)
    income_after_1 = models.DecimalField(_("รายได้เฉลี่ยภายหลังรับเงินยืม ๑ ปี"), null=True, blank=True, **MONEY)
    income_after_2 = models.DecimalField(_("รายได้เฉลี่ยภายหลังรับเงินยืม ๒ ปี"), null=True, blank=True, **MONEY)
    income_after_3 = models.DecimalField(_("รายได้เฉลี่ยภายหลังรับเงินยืม ๓ ปี"), null=True, blank=True, **MONEY)
    left_on = models.DateField(_("วันที่ออกจากบัญชี"), null=True, blank=True)
    left_reason = models.CharField(_("เหตุที่ออกจากบัญชี"), max_length=300, blank=True)
    note = models.TextField(_("หมายเหตุ"), blank=True)

    class Meta:
        ordering = ["fund", "rank"]
        verbose_name = _("ครัวเรือนเป้าหมาย")
        verbose_name_plural = _("ครัวเรือนเป้าหมาย")
        constraints = [
            models.UniqueConstraint(fields=["fund", "rank"], name="poverty_one_household_per_rank"),
            models.CheckConstraint(name="poverty_household_rank_positive", condition=models.Q(rank__gte=1)),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.head_name}"

    @property
    def latest_income(self):
        """The latest known income per person per year: after 3, 2 or 1 years, else before borrowing."""
        for value in (self.income_after_3, self.income_after_2, self.income_after_1):
            if value is not None:
                return value
        return self.income_before

    @property
    def passed_line(self) -> bool:
        """รายได้ผ่านเกณฑ์ จปฐ.: the latest known income is above the line used."""
        return self.latest_income > self.jpt_line


class LoanProposal(Tracked):
    """แบบเสนอโครงการของครัวเรือนเป้าหมาย (ข้อ 16): the project, its items, the พัฒนากร's opinion and the
    committee's decision."""

    household = models.ForeignKey(TargetHousehold, on_delete=models.PROTECT, related_name="proposals",
                                  verbose_name=_("ครัวเรือนเป้าหมาย"))
    book_number = models.CharField(_("เล่มที่"), max_length=20, blank=True)
    project_number = models.CharField(_("โครงการที่"), max_length=20, blank=True)
    proposed_on = models.DateField(_("วันที่เสนอ"))
    title = models.CharField(_("ชื่อโครงการ/อาชีพ"), max_length=300)
    total = models.DecimalField(_("เป็นเงินทั้งสิ้น (บาท)"), **MONEY)
    officer_opinion = models.CharField(_("ความเห็นพัฒนากร"), max_length=20, choices=Opinion.choices, blank=True)
    officer_reason = models.TextField(_("เหตุผล (พัฒนากร)"), blank=True)
    officer_name = models.CharField(_("พัฒนากรผู้รับผิดชอบประจำตำบล"), max_length=200, blank=True)
    decision = models.CharField(_("ผลการพิจารณาของคณะกรรมการ"), max_length=20, choices=Decision.choices,
                                default=Decision.PENDING)
    approved_amount = models.DecimalField(_("อนุมัติเป็นเงิน (บาท)"), null=True, blank=True, **MONEY)
    decision_reason = models.TextField(_("เหตุผล (คณะกรรมการ)"), blank=True)
    decided_on = models.DateField(_("วันที่พิจารณา"), null=True, blank=True)

    class Meta:
        ordering = ["household", "-proposed_on", "-id"]
        verbose_name = _("แบบเสนอโครงการ")
        verbose_name_plural = _("แบบเสนอโครงการ")

    def __str__(self) -> str:
        return f"โครงการ {self.title}"


class ProposalItem(models.Model):
    """รายการ 2.1, 2.2 … of a proposal, each เป็นเงิน."""

    proposal = models.ForeignKey(LoanProposal, on_delete=models.PROTECT, related_name="items",
                                 verbose_name=_("แบบเสนอโครงการ"))
    number = models.PositiveSmallIntegerField(_("ลำดับ"))
    description = models.CharField(_("รายการ"), max_length=300)
    amount = models.DecimalField(_("เป็นเงิน (บาท)"), **MONEY)

    class Meta:
        ordering = ["proposal", "number"]
        verbose_name = _("รายการในโครงการ")
        verbose_name_plural = _("รายการในโครงการ")
        constraints = [models.UniqueConstraint(fields=["proposal", "number"], name="poverty_one_item_per_number")]

    def __str__(self) -> str:
        return self.description


class LoanRequest(Tracked):
    """แบบขอยืมเงินทุนของครัวเรือนเป้าหมาย (ข้อ 16), with the consenting spouse or heir."""

    household = models.ForeignKey(TargetHousehold, on_delete=models.PROTECT, related_name="requests",
                                  verbose_name=_("ครัวเรือนเป้าหมาย"))
    proposal = models.ForeignKey(LoanProposal, on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="requests", verbose_name=_("แบบเสนอโครงการ"))
    book_number = models.CharField(_("เล่มที่"), max_length=20, blank=True)
    number = models.CharField(_("เลขที่"), max_length=20, blank=True)
    requested_on = models.DateField(_("วันที่ขอยืม"))
    amount = models.DecimalField(_("จำนวนเงินขอยืม (บาท)"), **MONEY)
    consent_name = models.CharField(_("ผู้ให้คำยินยอม (สามี/ภรรยา/ทายาท)"), max_length=200, blank=True)
    consent_relation = models.CharField(_("ความเกี่ยวข้องกับผู้ยืม"), max_length=100, blank=True)
    consent_national_id = NationalIdField(verbose_name=_("เลขประจำตัวประชาชนผู้ให้คำยินยอม"))
    officer_opinion = models.CharField(_("ความเห็นพัฒนากร"), max_length=20, choices=Opinion.choices, blank=True)
    officer_reason = models.TextField(_("เหตุผล (พัฒนากร)"), blank=True)
    decision = models.CharField(_("ผลการพิจารณาของคณะกรรมการ"), max_length=20, choices=Decision.choices,
                                default=Decision.PENDING)
    approved_amount = models.DecimalField(_("อนุมัติเป็นเงิน (บาท)"), null=True, blank=True, **MONEY)
    decision_reason = models.TextField(_("เหตุผล (คณะกรรมการ)"), blank=True)
    decided_on = models.DateField(_("วันที่พิจารณา"), null=True, blank=True)

    class Meta:
        ordering = ["household", "-requested_on", "-id"]
        verbose_name = _("แบบขอยืมเงินทุน")
        verbose_name_plural = _("แบบขอยืมเงินทุน")
        constraints = [models.CheckConstraint(name="poverty_request_amount_positive",
                                              condition=models.Q(amount__gt=0))]

    def __str__(self) -> str:
        return f"คำขอยืม {self.number or self.pk}"


class Loan(Tracked):
    """แบบสัญญายืมเงินทุน + แบบรับเงินยืม: a row of the yellow book. Never deleted: repaid or written off."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("อยู่ระหว่างคืนเงินยืม")
        REPAID = "repaid", _("คืนครบแล้ว")
        WRITTEN_OFF = "written_off", _("ตัดหนี้สูญ")

    fund = models.ForeignKey(VillageFund, on_delete=models.PROTECT, related_name="loans", verbose_name=_("กองทุน"))
    household = models.ForeignKey(TargetHousehold, on_delete=models.PROTECT, related_name="loans",
                                  verbose_name=_("ครัวเรือนเป้าหมาย"))
    request = models.ForeignKey(LoanRequest, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="loans", verbose_name=_("แบบขอยืมเงินทุน"))
    round = models.PositiveSmallIntegerField(_("ยืมครั้งที่"), default=1)
    book_number = models.CharField(_("เล่มที่"), max_length=20, blank=True)
    contract_number = models.CharField(_("สัญญาเลขที่"), max_length=30)
    contract_date = models.DateField(_("วันที่ทำสัญญา"))
    amount = models.DecimalField(_("จำนวนเงินยืม (บาท)"), **MONEY)
    purpose = models.CharField(_("อาชีพที่ยืมเงินไปลงทุน"), max_length=300)
    final_due_date = models.DateField(_("วันครบกำหนด"))
    consent_name = models.CharField(_("ผู้ให้คำยินยอม (สามี/ภรรยา/ทายาท)"), max_length=200, blank=True)
    consent_relation = models.CharField(_("ความเกี่ยวข้องกับผู้ยืม"), max_length=100, blank=True)
    consent_national_id = NationalIdField(verbose_name=_("เลขประจำตัวประชาชนผู้ให้คำยินยอม"))
    received_on = models.DateField(_("วันที่รับเงินยืม"), null=True, blank=True,
                                   help_text=_("ตามแบบรับเงินยืมของครัวเรือนเป้าหมาย"))
    status = models.CharField(_("สถานะ"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    written_off_on = models.DateField(_("วันที่ตัดหนี้สูญ"), null=True, blank=True)
    write_off_reason = models.TextField(_("เหตุที่ตัดหนี้สูญ"), blank=True)
    note = models.TextField(_("หมายเหตุ"), blank=True)

    class Meta:
        ordering = ["fund", "contract_date", "id"]
        verbose_name = _("สัญญายืมเงิน")
        verbose_name_plural = _("สัญญายืมเงิน")
        constraints = [
            models.UniqueConstraint(fields=["fund", "contract_number"], name="poverty_one_contract_number_per_fund"),
            models.CheckConstraint(name="poverty_loan_amount_positive", condition=models.Q(amount__gt=0)),
            models.CheckConstraint(name="poverty_loan_due_not_before_contract",
                                   condition=models.Q(final_due_date__gte=models.F("contract_date"))),
        ]

    def __str__(self) -> str:
        return f"สัญญาเลขที่ {self.contract_number}"


class LoanInstalment(models.Model):
    """งวดที่, วันที่ครบกำหนด, จำนวนเงิน (contract clause 3); the instalments sum to the loan amount."""

    loan = models.ForeignKey(Loan, on_delete=models.PROTECT, related_name="instalments", verbose_name=_("สัญญา"))
    number = models.PositiveSmallIntegerField(_("งวดที่"))
    due_date = models.DateField(_("วันครบกำหนด"))
    amount = models.DecimalField(_("จำนวนเงิน (บาท)"), **MONEY)

    class Meta:
        ordering = ["loan", "number"]
        verbose_name = _("งวดการส่งคืน")
        verbose_name_plural = _("งวดการส่งคืน")
        constraints = [
            models.UniqueConstraint(fields=["loan", "number"], name="poverty_one_instalment_per_number"),
            models.CheckConstraint(name="poverty_instalment_amount_positive", condition=models.Q(amount__gt=0)),
        ]

    def __str__(self) -> str:
        return f"งวดที่ {self.number}"


class Repayment(Tracked):
    """คืนเงินยืม, with its ใบสำคัญรับเงิน. Never deleted: a wrong one is cancelled with a reason."""

    fund = models.ForeignKey(VillageFund, on_delete=models.PROTECT, related_name="repayments",
                             verbose_name=_("กองทุน"))
    loan = models.ForeignKey(Loan, on_delete=models.PROTECT, related_name="repayments", verbose_name=_("สัญญา"))
    receipt_number = models.CharField(_("เลขที่ใบสำคัญรับเงิน"), max_length=30)
    date = models.DateField(_("วันที่คืนเงิน"))
    amount = models.DecimalField(_("จำนวนเงิน (บาท)"), **MONEY)
    note = models.CharField(_("หมายเหตุ"), max_length=300, blank=True)
    cancelled_on = models.DateField(_("วันที่ยกเลิก"), null=True, blank=True)
    cancel_reason = models.TextField(_("เหตุที่ยกเลิก"), blank=True)

    class Meta:
        ordering = ["loan", "date", "id"]
        verbose_name = _("การคืนเงินยืม")
        verbose_name_plural = _("การคืนเงินยืม")
        constraints = [
            models.UniqueConstraint(fields=["fund", "receipt_number"], name="poverty_one_receipt_number_per_fund"),
            models.CheckConstraint(name="poverty_repayment_amount_positive", condition=models.Q(amount__gt=0)),
        ]

    def __str__(self) -> str:
        return f"ใบสำคัญรับเงิน {self.receipt_number}"

    @property
    def is_cancelled(self) -> bool:
        return self.cancelled_on is not None
