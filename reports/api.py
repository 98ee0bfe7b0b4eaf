"""REST endpoints of the reports app: forms, periods, submissions and their workflow actions.
The status carries what the current user may do (may_submit, may_approve, may_return, may_reopen)."""

import django_filters
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from cdd_portal.api.errors import call_service
from reports import selectors, services
from reports.models import FormDefinition, Period, Submission


class FormSerializer(serializers.ModelSerializer):
    class Meta:
        model = FormDefinition
        fields = ["id", "code", "version", "title", "period_type", "fiscal_years", "office_level", "due_day",
                  "due_date", "entry_days_after_due", "schema", "is_builtin"]


class PeriodSerializer(serializers.ModelSerializer):
    class Meta:
        model = Period
        fields = ["id", "form", "fiscal_year", "label", "start", "end", "due_date"]


class SubmissionSerializer(serializers.ModelSerializer):
    district = serializers.CharField(source="office.district_id", read_only=True)
    province = serializers.CharField(source="office.province_id", read_only=True)
    permissions = serializers.SerializerMethodField()

    class Meta:
        model = Submission
        fields = ["id", "form", "period", "district", "province", "status", "version", "data", "signer_name",
                  "signer_position", "submitted_at", "decided_at", "return_reason", "updated_at", "permissions"]
        read_only_fields = fields

    def get_permissions(self, submission) -> dict:
        return services.permissions(self.context["request"].user, submission)


class SubmissionFilter(django_filters.FilterSet):
    form = django_filters.CharFilter(field_name="form__code")
    district = django_filters.CharFilter(field_name="office__district_id")
    province = django_filters.CharFilter(field_name="office__province_id")
    fiscal_year = django_filters.NumberFilter(field_name="period__fiscal_year")

    class Meta:
        model = Submission
        fields = ["form", "period", "district", "province", "status", "fiscal_year"]


class FormViewSet(viewsets.ReadOnlyModelViewSet):
    """แบบรายงาน (ฉบับล่าสุดและฉบับก่อนหน้า)"""

    queryset = FormDefinition.objects.all()
    serializer_class = FormSerializer
    filterset_fields = ["code", "period_type"]


class PeriodViewSet(viewsets.ReadOnlyModelViewSet):
    """รอบรายงาน: ?form=<id>&fiscal_year=2563"""

    queryset = Period.objects.select_related("form")
    serializer_class = PeriodSerializer
    filterset_fields = ["form", "fiscal_year"]


class OpenSerializer(serializers.Serializer):
    form = serializers.PrimaryKeyRelatedField(queryset=FormDefinition.objects.all())
    period = serializers.PrimaryKeyRelatedField(queryset=Period.objects.all())


class SaveSerializer(serializers.Serializer):
    data = serializers.JSONField()
    version = serializers.IntegerField()


class SubmitSerializer(serializers.Serializer):
    signer_name = serializers.CharField()
    signer_position = serializers.CharField()


class ReasonSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class SubmissionViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """รายงาน: อำเภอเห็นของตน (รวมฉบับร่าง) จังหวัดเห็นของอำเภอในจังหวัด; POST สร้าง/เปิดฉบับร่างของอำเภอตน"""

    serializer_class = SubmissionSerializer
    filterset_class = SubmissionFilter

    def get_queryset(self):
        qs = selectors.submissions_for(self.request.user).order_by("period__start", "office__code")
        if self.action == "list":  # the lock of every late row is read from one query, not one per row
            qs = qs.prefetch_related("period__lock_exceptions")
        return qs

    def _reply(self, submission, code=status.HTTP_200_OK, **extra):
        body = SubmissionSerializer(submission, context={"request": self.request}).data
        return Response({**body, **extra}, status=code)

    @extend_schema(request=OpenSerializer, responses={201: SubmissionSerializer})
    def create(self, request, *args, **kwargs):
        data = OpenSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        submission = call_service(services.open_submission, request.user, data.validated_data["form"],
                              data.validated_data["period"])
        return self._reply(submission, status.HTTP_201_CREATED)

    @extend_schema(request=SaveSerializer, responses=inline_serializer(
        "SavedSubmission", {"errors": serializers.ListField(child=serializers.DictField())}))
    @action(detail=True, methods=["post"])
    def save(self, request, pk=None):
        """บันทึกฉบับร่าง: บันทึกทุกอย่างที่กรอก และบอกข้อผิดพลาดแต่ละช่อง"""
        submission = get_object_or_404(self.get_queryset(), pk=pk)
        body = SaveSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        saved, errors = call_service(services.save_draft, request.user, submission, body.validated_data["data"],
                                 version=body.validated_data["version"])
        return self._reply(saved, errors=errors)

    @extend_schema(request=SubmitSerializer, responses=SubmissionSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        submission = get_object_or_404(self.get_queryset(), pk=pk)
        body = SubmitSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._reply(call_service(services.submit, request.user, submission, **body.validated_data))

    @extend_schema(request=None, responses=SubmissionSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        submission = get_object_or_404(self.get_queryset(), pk=pk)
        return self._reply(call_service(services.approve, request.user, submission))

    @extend_schema(request=ReasonSerializer, responses=SubmissionSerializer)
    @action(detail=True, methods=["post"], url_path="return")
    def return_(self, request, pk=None):
        submission = get_object_or_404(self.get_queryset(), pk=pk)
        body = ReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._reply(call_service(services.return_submission, request.user, submission,
                                    reason=body.validated_data["reason"]))

    @extend_schema(request=ReasonSerializer, responses=SubmissionSerializer)
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None):
        submission = get_object_or_404(self.get_queryset(), pk=pk)
        body = ReasonSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        return self._reply(call_service(services.reopen, request.user, submission, reason=body.validated_data["reason"]))
