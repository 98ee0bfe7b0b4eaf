"""REST endpoints of the budgets app. Reads are scoped by office; writes go through budgets.services."""


from rest_framework import exceptions, mixins, serializers, viewsets

from budgets import selectors, services
from budgets.filters import AllocationFilter, DisbursementFilter, PlanItemFilter
from budgets.models import Allocation, Disbursement, FiscalYear, PlanItem, Register
from cdd_portal.accounts.models import Office
from cdd_portal.api.errors import call_service


class FiscalYearSerializer(serializers.ModelSerializer):
    class Meta:
        model = FiscalYear
        fields = ["year", "start_date", "end_date"]


class PlanItemSerializer(serializers.ModelSerializer):
    fiscal_year = serializers.IntegerField(source="fiscal_year.year", read_only=True)
    level_display = serializers.CharField(source="get_level_display", read_only=True)

    class Meta:
        model = PlanItem
        fields = ["id", "fiscal_year", "parent", "level", "level_display", "name", "budget", "responsible_unit",
                  "quarters", "indicators", "unit_label", "unit_rate"]


class AllocationSerializer(serializers.ModelSerializer):
    register = serializers.PrimaryKeyRelatedField(queryset=Register.objects.select_related("province"))
    office = serializers.SlugRelatedField(slug_field="code", queryset=Office.objects.all())
    office_name = serializers.CharField(source="office.name_th", read_only=True)
    activity = serializers.IntegerField(source="register.activity_id", read_only=True)
    province = serializers.CharField(source="register.province_id", read_only=True)
    amount = serializers.DecimalField(max_digits=14, decimal_places=2, required=False, allow_null=True)
    spent = serializers.DecimalField(max_digits=14, decimal_places=2, read_only=True)
    percent_spent = serializers.SerializerMethodField()

    class Meta:
        model = Allocation
        fields = ["id", "register", "activity", "province", "office", "office_name", "line", "units", "rate",
                  "amount", "target_count", "target_unit", "note", "spent", "percent_spent"]
        read_only_fields = ["id"]
        validators = []

    def get_percent_spent(self, allocation) -> str:
        return str(selectors.percent_spent(allocation))


class DisbursementSerializer(serializers.ModelSerializer):
    allocation = serializers.PrimaryKeyRelatedField(queryset=Allocation.objects.select_related("office"))
    recorded_by = serializers.CharField(source="recorded_by.username", read_only=True, default="")

    class Meta:
        model = Disbursement
        fields = ["id", "allocation", "date", "amount", "document_no", "recorded_by", "recorded_at"]
        read_only_fields = ["id", "recorded_by", "recorded_at"]


class FiscalYearViewSet(viewsets.ReadOnlyModelViewSet):
    """ปีงบประมาณ (พ.ศ.)"""

    queryset = FiscalYear.objects.all()
    serializer_class = FiscalYearSerializer
    lookup_field = "year"


class PlanItemViewSet(viewsets.ReadOnlyModelViewSet):
    """แผนงาน → โครงการ → กิจกรรมหลัก → กิจกรรม: กรองด้วย ?fiscal_year=2563&level=4&parent=<id>"""

    queryset = PlanItem.objects.select_related("fiscal_year").order_by("fiscal_year__year", "level", "id")
    serializer_class = PlanItemSerializer
    filterset_class = PlanItemFilter
    search_fields = ["name"]


class AllocationViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """รายการจัดสรร: อำเภอเห็นของตน จังหวัดเห็นทั้งจังหวัด; ?fiscal_year=2563&province=34&activity=<id>"""

    serializer_class = AllocationSerializer
    filterset_class = AllocationFilter
    ordering_fields = ["id", "amount"]

    def get_queryset(self):
        return selectors.with_spent(selectors.allocations_for(self.request.user)).order_by("id")

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        register = data.pop("register")
        if not selectors.registers_for(self.request.user).filter(pk=register.pk).exists():
            raise exceptions.NotFound()
        allocation = call_service(services.add_allocation, self.request.user, register, **data)
        serializer.instance = selectors.with_spent(Allocation.objects.filter(pk=allocation.pk)).get()


class DisbursementViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """การเบิกจ่าย: บันทึกได้เฉพาะสำนักงานที่ได้รับจัดสรร เบิกเกินยอดจัดสรรไม่ได้"""

    serializer_class = DisbursementSerializer
    filterset_class = DisbursementFilter

    def get_queryset(self):
        visible = selectors.allocations_for(self.request.user)
        return Disbursement.objects.filter(allocation__in=visible).select_related("recorded_by").order_by("date", "id")

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        allocation = data.pop("allocation")
        if not selectors.allocations_for(self.request.user).filter(pk=allocation.pk).exists():
            raise exceptions.NotFound()
        serializer.instance = call_service(services.record_disbursement, self.request.user, allocation, **data)
