"""REST endpoints of the กข.คจ. registry: scoped reads; writes by the fund's district office (and
administrators) through the services. Nothing is deleted (no DELETE); national IDs are written whole and
read masked; loans expose their computed balances (`selectors.loans_with_balances`)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import mixins, permissions, serializers, viewsets

from cdd_portal.accounts.scoping import KEEP, is_administrator, registry_district, restrict
from cdd_portal.api.errors import call_service
from cdd_portal.geo.models import District, Village
from cdd_portal.personal.serializers import NationalIdSerializerField
from funds.poverty import filters, selectors, services
from funds.poverty.models import Loan, LoanInstalment, Repayment, TargetHousehold, VillageFund

MONEY = {"max_digits": 14, "decimal_places": 2, "read_only": True}


class KeepsARegistry(permissions.BasePermission):
    """Reads for everyone the selectors let see; writes only for a district office or an administrator."""

    message = _("ข้อมูลกองทุน กข.คจ. บันทึกได้เฉพาะสำนักงานพัฒนาชุมชนอำเภอของหมู่บ้านนั้น")

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return registry_district(request.user) is not None or is_administrator(request.user)


def _user(serializer):
    return getattr(serializer.context.get("request"), "user", None)


def _today():
    return timezone.localdate()


class VillageFundSerializer(serializers.ModelSerializer):
    district = serializers.CharField(read_only=True, source="district_id")
    province = serializers.CharField(source="district.province_id", read_only=True)
    village = serializers.PrimaryKeyRelatedField(
        queryset=Village.objects.none(),
        error_messages={"does_not_exist": _("ไม่พบหมู่บ้านรหัส {pk_value} ในอำเภอที่คุณบันทึกได้")})
    village_name = serializers.CharField(source="village.name_th", read_only=True)
    village_number = serializers.IntegerField(source="village.number", read_only=True)
    household_count = serializers.IntegerField(read_only=True)
    outstanding = serializers.DecimalField(**MONEY)
    bank_balance = serializers.DecimalField(**MONEY)

    class Meta:
        model = VillageFund
        fields = ["id", "district", "province", "village", "village_name", "village_number", "funded_year",
                  "initial_capital", "households_total", "status", "stopped_on", "stop_reason", "note",
                  "household_count", "outstanding", "bank_balance", "updated_at"]
        read_only_fields = ["status", "stopped_on", "stop_reason", "updated_at"]
        validators = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["village"].queryset = restrict(Village.objects.select_related("subdistrict"), _user(self), KEEP,
                                                   district_field="subdistrict__district")

    def validate_village(self, village):
        if self.instance is not None and village.pk != self.instance.village_id:
            raise serializers.ValidationError(_("ย้ายกองทุนไปหมู่บ้านอื่นไม่ได้"))
        return village


class VillageFundViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """กองทุน กข.คจ. หมู่บ้าน: เห็นเฉพาะพื้นที่ของสำนักงานตน พร้อมยอดค้างที่ครัวเรือนและเงินฝาก ณ วันนี้;
    บันทึก/แก้ไขได้เฉพาะสำนักงานพัฒนาชุมชนอำเภอของหมู่บ้าน (ไม่มีการลบ)"""

    serializer_class = VillageFundSerializer
    filterset_class = filters.VillageFundFilter
    permission_classes = [permissions.IsAuthenticated, KeepsARegistry]
    ordering_fields = ["district", "funded_year", "updated_at"]

    def get_queryset(self):
        return selectors.funds_with_balances(selectors.funds_for(self.request.user), _today()).order_by(
            "district_id", "village__subdistrict_id", "village__number")

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        village = fields.pop("village")
        district = District.objects.get(pk=village.subdistrict.district_id)
        fund = call_service(services.create_fund, self.request.user, district=district, village=village, **fields)
        serializer.instance = selectors.fund_balance(fund, _today())

    def perform_update(self, serializer):
        fields = dict(serializer.validated_data)
        fields.pop("village", None)
        fund = call_service(services.update_fund, self.request.user, serializer.instance, **fields)
        serializer.instance = selectors.fund_balance(fund, _today())


class TargetHouseholdSerializer(serializers.ModelSerializer):
    fund = serializers.PrimaryKeyRelatedField(
        queryset=VillageFund.objects.none(),
        error_messages={"does_not_exist": _("ไม่พบกองทุนรหัส {pk_value} ที่คุณบันทึกได้")})
    district = serializers.CharField(source="fund.district_id", read_only=True)
    national_id = NationalIdSerializerField()
    rank = serializers.IntegerField(required=False, min_value=1)
    passed_line = serializers.BooleanField(read_only=True)

    class Meta:
        model = TargetHousehold
        fields = ["id", "fund", "district", "rank", "head_name", "national_id", "house_number", "members",
                  "income_before", "jpt_line", "income_after_1", "income_after_2", "income_after_3", "passed_line",
                  "left_on", "left_reason", "note", "updated_at"]
        read_only_fields = ["left_on", "left_reason", "updated_at"]
        validators = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fund"].queryset = restrict(VillageFund.objects.all(), _user(self), KEEP, district_field="district")

    def validate_fund(self, fund):
        if self.instance is not None and fund.pk != self.instance.fund_id:
            raise serializers.ValidationError(_("ย้ายครัวเรือนไปกองทุนอื่นไม่ได้"))
        return fund


class TargetHouseholdViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """ครัวเรือนเป้าหมาย (เล่มม่วง) เรียงตามลำดับที่; เลขประจำตัวประชาชนแสดงแบบปิดบัง"""

    serializer_class = TargetHouseholdSerializer
    filterset_class = filters.TargetHouseholdFilter
    permission_classes = [permissions.IsAuthenticated, KeepsARegistry]
    ordering_fields = ["rank", "updated_at"]

    def get_queryset(self):
        return selectors.households_for(self.request.user).order_by("fund_id", "rank")

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        fund = fields.pop("fund")
        serializer.instance = call_service(services.add_household, self.request.user, fund, **fields)

    def perform_update(self, serializer):
        fields = dict(serializer.validated_data)
        fields.pop("fund", None)
        serializer.instance = call_service(services.update_household, self.request.user, serializer.instance,
                                           **fields)


class InstalmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = LoanInstalment
        fields = ["number", "due_date", "amount"]


class LoanSerializer(serializers.ModelSerializer):
    district = serializers.CharField(source="fund.district_id", read_only=True)
    household_name = serializers.CharField(source="household.head_name", read_only=True)
    consent_national_id = NationalIdSerializerField(read_only=True)
    instalments = InstalmentSerializer(many=True, read_only=True)
    repaid = serializers.DecimalField(**MONEY)
    outstanding = serializers.DecimalField(**MONEY)
    overdue = serializers.DecimalField(**MONEY)
    defaulted = serializers.BooleanField(read_only=True)

    class Meta:
        model = Loan
        fields = ["id", "fund", "district", "household", "household_name", "round", "book_number", "contract_number",
                  "contract_date", "amount", "purpose", "final_due_date", "consent_name", "consent_relation",
                  "consent_national_id", "received_on", "status", "written_off_on", "write_off_reason",
                  "instalments", "repaid", "outstanding", "overdue", "defaulted", "updated_at"]
        read_only_fields = fields


class LoanViewSet(viewsets.ReadOnlyModelViewSet):
    """สัญญายืมเงิน (เล่มเหลือง) พร้อมงวด ยอดคืน ยอดคงเหลือ ยอดค้างชำระเกินกำหนด ณ วันนี้
    (สัญญาบันทึกทางหน้าเว็บ พร้อมงวดการส่งคืน)"""

    serializer_class = LoanSerializer
    filterset_class = filters.LoanFilter
    ordering_fields = ["contract_date", "updated_at"]

    def get_queryset(self):
        qs = selectors.loans_for(self.request.user).prefetch_related("instalments")
        return selectors.loans_with_balances(qs, _today()).order_by("fund_id", "contract_date", "id")


class RepaymentSerializer(serializers.ModelSerializer):
    loan = serializers.PrimaryKeyRelatedField(
        queryset=Loan.objects.none(),
        error_messages={"does_not_exist": _("ไม่พบสัญญารหัส {pk_value} ที่คุณบันทึกได้")})
    fund = serializers.PrimaryKeyRelatedField(read_only=True)
    contract_number = serializers.CharField(source="loan.contract_number", read_only=True)

    class Meta:
        model = Repayment
        fields = ["id", "fund", "loan", "contract_number", "receipt_number", "date", "amount", "note",
                  "cancelled_on", "cancel_reason", "updated_at"]
        read_only_fields = ["cancelled_on", "cancel_reason", "updated_at"]
        validators = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["loan"].queryset = restrict(Loan.objects.select_related("fund"), _user(self), KEEP,
                                                district_field="fund__district")


class RepaymentViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """การคืนเงินยืม (ใบสำคัญรับเงิน): บันทึกได้ ไม่แก้ไขและไม่ลบ รายการที่ผิดให้ยกเลิกทางหน้าเว็บพร้อมเหตุผล"""

    serializer_class = RepaymentSerializer
    filterset_class = filters.RepaymentFilter
    permission_classes = [permissions.IsAuthenticated, KeepsARegistry]
    ordering_fields = ["date", "updated_at"]

    def get_queryset(self):
        return selectors.repayments_for(self.request.user).order_by("fund_id", "date", "id")

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        loan = fields.pop("loan")
        serializer.instance = call_service(services.record_repayment, self.request.user, loan, today=_today(),
                                           **fields)


ROUTES = [
    ("poverty-fund-villages", VillageFundViewSet, "poverty-fund-village"),
    ("target-households", TargetHouseholdViewSet, "target-household"),
    ("household-loans", LoanViewSet, "household-loan"),
    ("loan-repayments", RepaymentViewSet, "loan-repayment"),
]
