"""API routes of this app: (prefix, viewset, basename), registered by cdd_portal/api/urls.py.

`fund-assessments`: the governance assessments the user's office may see (scoped through each fund kind's
district field: a district its funds', a province its districts'), filterable by kind, year, level, round and
area. Read-only: assessments are recorded on the pages, where the level is computed and explained."""

from rest_framework import permissions, serializers, viewsets

from funds.assessments import filters, selectors
from funds.assessments.models import Assessment, IndicatorResult


class IndicatorResultSerializer(serializers.ModelSerializer):
    number = serializers.IntegerField(source="indicator.number", read_only=True)
    text = serializers.CharField(source="indicator.text", read_only=True)
    principle = serializers.CharField(source="indicator.principle.name", read_only=True)
    is_mandatory = serializers.BooleanField(source="indicator.is_mandatory", read_only=True)

    class Meta:
        model = IndicatorResult
        fields = ["number", "text", "principle", "is_mandatory", "passed", "score", "note"]


class AssessmentSerializer(serializers.ModelSerializer):
    kind = serializers.CharField(source="fund_kind", read_only=True)
    province = serializers.CharField(source="district.province_id", read_only=True)
    level_label = serializers.CharField(source="level_display", read_only=True)
    round_label = serializers.CharField(source="get_round_display", read_only=True)
    indicator_set_title = serializers.CharField(source="indicator_set.title", read_only=True)
    results = IndicatorResultSerializer(many=True, read_only=True)

    class Meta:
        model = Assessment
        fields = ["id", "kind", "fund_id", "fund_name", "district", "province", "fiscal_year", "round", "round_label",
                  "assessed_on", "assessor", "indicator_set", "indicator_set_title", "set_version", "level",
                  "level_label", "passed_count", "total_score", "mandatory_failed", "note", "results", "updated_at"]
        read_only_fields = fields


class AssessmentViewSet(viewsets.ReadOnlyModelViewSet):
    """ผลการประเมินศักยภาพกองทุนตามหลักธรรมาภิบาล: เห็นเฉพาะกองทุนในพื้นที่ของสำนักงานตน
    ตัวกรอง: kind (savings_group / poverty / mother_fund), year (ปีงบประมาณ พ.ศ.), level, round (1 ก่อน, 2 หลัง)"""

    serializer_class = AssessmentSerializer
    filterset_class = filters.AssessmentFilter
    permission_classes = [permissions.IsAuthenticated]
    ordering_fields = ["fiscal_year", "assessed_on", "fund_name"]

    def get_queryset(self):
        return (selectors.assessments_for(self.request.user)
                .prefetch_related("results__indicator__principle")
                .order_by("-fiscal_year", "district_id", "fund_name", "round", "id"))


ROUTES: list = [("fund-assessments", AssessmentViewSet, "fund-assessments")]
