"""REST endpoints of the handover book (`handovers`): scoped reads; records created by the district office
that keeps the funds, signed by the two officers with their own login, through the services. Records are
never deleted (no DELETE, no PUT: a record is cancelled with a reason)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, mixins, permissions, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from cdd_portal.accounts.models import User
from cdd_portal.accounts.scoping import registry_district
from cdd_portal.api.errors import call_service
from funds.handovers import filters, selectors, services
from funds.handovers.models import ChecklistItem, Handover, HandoverFund

USER_ERRORS = {"does_not_exist": _("ไม่พบเจ้าหน้าที่รหัส {pk_value} ในสำนักงานของคุณ"),
               "incorrect_type": _("รหัสเจ้าหน้าที่ต้องเป็นตัวเลข")}


class ChecklistItemSerializer(serializers.ModelSerializer):
    received_later_on = serializers.SerializerMethodField()

    class Meta:
        model = ChecklistItem
        fields = ["id", "code", "label", "received", "complete", "note", "received_later_on"]

    def get_received_later_on(self, item):
        receipts = list(item.receipts.all())
        return receipts[0].received_on if receipts else None


class HandoverFundSerializer(serializers.ModelSerializer):
    items = ChecklistItemSerializer(many=True, read_only=True)

    class Meta:
        model = HandoverFund
        fields = ["kind_code", "fund_id", "fund_label", "status", "items"]


class FundRefSerializer(serializers.Serializer):
    kind_code = serializers.CharField()
    fund_id = serializers.IntegerField(min_value=1)


class HandoverSerializer(serializers.ModelSerializer):
    district = serializers.CharField(source="district_id", read_only=True)
    province = serializers.CharField(source="district.province_id", read_only=True)
    outgoing_user = serializers.PrimaryKeyRelatedField(queryset=User.objects.none(), required=False,
                                                       allow_null=True, error_messages=USER_ERRORS)
    incoming_user = serializers.PrimaryKeyRelatedField(queryset=User.objects.none(), required=False,
                                                       allow_null=True, error_messages=USER_ERRORS)
    outgoing_name = serializers.CharField(read_only=True)
    incoming_name = serializers.CharField(read_only=True)
    funds = HandoverFundSerializer(many=True, read_only=True)
    fund_refs = FundRefSerializer(many=True, write_only=True, required=True,
                                  help_text=_("[{kind_code, fund_id}, …]: กองทุนที่ส่งมอบ (คณะกรรมการ: ๑ กองทุน)"))

    class Meta:
        model = Handover
        fields = ["id", "kind", "status", "district", "province", "date", "reason", "reason_note", "note",
                  "outgoing_user", "outgoing_position", "outgoing_name", "outgoing_signed_at",
                  "incoming_user", "incoming_position", "incoming_name", "incoming_signed_at",
                  "outgoing_chair", "outgoing_members", "incoming_chair", "incoming_members",
                  "witness_name", "witness_position", "confirmed_at", "cancelled_at", "cancel_reason",
                  "funds", "fund_refs", "updated_at"]
        read_only_fields = ["status", "outgoing_signed_at", "incoming_signed_at", "confirmed_at", "cancelled_at",
                            "cancel_reason", "updated_at"]
        extra_kwargs = {"kind": {"error_messages": {"invalid_choice": _("ไม่มีประเภท «{input}»")}},
                        "reason": {"error_messages": {"invalid_choice": _("ไม่มีเหตุ «{input}»")}}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        district = registry_district(getattr(request, "user", None)) if request else None
        officers = services.district_officers(district) if district else User.objects.none()
        self.fields["outgoing_user"].queryset = officers
        self.fields["incoming_user"].queryset = officers


class CancelSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=300)


class HandoverViewSet(mixins.CreateModelMixin, viewsets.ReadOnlyModelViewSet):
    """บันทึกการส่งมอบงาน (เจ้าหน้าที่/คณะกรรมการ): เห็นเฉพาะพื้นที่ของสำนักงานตน; บันทึกได้เฉพาะอำเภอที่ดูแลกองทุน;
    ลงนาม (`sign`) ได้เฉพาะผู้ส่งมอบและผู้รับมอบ; `confirm` ยืนยันเอกสารที่ลงนามของคณะกรรมการ; `cancel` ยกเลิกพร้อมเหตุผล"""

    serializer_class = HandoverSerializer
    filterset_class = filters.HandoverFilter
    permission_classes = [permissions.IsAuthenticated]
    ordering_fields = ["date", "updated_at"]

    def get_queryset(self):
        return selectors.handovers_for(self.request.user).prefetch_related(
            "funds__items__receipts").order_by("-date", "-id")

    def create(self, request, *args, **kwargs):
        if registry_district(request.user) is None:  # a province or the department reads: 403 before the body
            raise exceptions.PermissionDenied(_("บันทึกการส่งมอบงานได้เฉพาะสำนักงานพัฒนาชุมชนอำเภอ"))
        return super().create(request, *args, **kwargs)

    def perform_create(self, serializer):
        district = registry_district(self.request.user)
        data = dict(serializer.validated_data)
        refs = [(r["kind_code"], r["fund_id"]) for r in data.pop("fund_refs", [])]
        common = {k: data.get(k, "") for k in ("reason_note", "note")}
        if data.get("kind") == Handover.Kind.COMMITTEE:
            if len(refs) != 1:
                raise serializers.ValidationError({"fund_refs": [_("การส่งมอบงานของคณะกรรมการมีได้ ๑ กองทุน")]})
            handover = call_service(
                services.create_committee_handover, self.request.user, district=district, fund=refs[0],
                date=data.get("date"), reason=data.get("reason"), **common,
                **{k: data.get(k, "") for k in ("outgoing_chair", "incoming_chair", "outgoing_members",
                                                "incoming_members", "witness_name", "witness_position")})
        else:
            handover = call_service(
                services.create_officer_handover, self.request.user, district=district, funds=refs,
                date=data.get("date"), reason=data.get("reason"), outgoing_user=data.get("outgoing_user"),
                incoming_user=data.get("incoming_user"), outgoing_position=data.get("outgoing_position", ""),
                incoming_position=data.get("incoming_position", ""), **common)
        serializer.instance = self.get_queryset().get(pk=handover.pk)

    def _done(self, handover):
        return Response(self.get_serializer(self.get_queryset().get(pk=handover.pk)).data)

    @action(detail=True, methods=["post"])
    def sign(self, request, pk=None):
        """ลงนามส่งมอบ/รับมอบ ด้วยบัญชีผู้ใช้ของผู้ส่งมอบหรือผู้รับมอบเอง"""
        return self._done(call_service(services.sign, request.user, self.get_object()))

    @action(detail=True, methods=["post"])
    def confirm(self, request, pk=None):
        """ยืนยันการส่งมอบของคณะกรรมการ (ต้องแนบไฟล์ที่ลงนามแล้วก่อน)"""
        return self._done(call_service(services.confirm, request.user, self.get_object()))

    @action(detail=True, methods=["post"], serializer_class=CancelSerializer)
    def cancel(self, request, pk=None):
        """ยกเลิกบันทึกที่ยังลงนามไม่ครบ พร้อมเหตุผล (บันทึกไม่ถูกลบ)"""
        handover = self.get_object()
        body = CancelSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        call_service(services.cancel, request.user, handover, reason=body.validated_data["reason"])
        return Response(HandoverSerializer(self.get_queryset().get(pk=handover.pk),
                                           context=self.get_serializer_context()).data)


ROUTES = [("handovers", HandoverViewSet, "handover")]
