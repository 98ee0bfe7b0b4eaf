"""REST endpoints of the savings-group registry: scoped reads, writes by the group's district office through
the services. Nothing is deleted (no DELETE): a group stops, a member or a committee member leaves with a
date, a beneficiary is ended. National ID numbers are written whole and always read masked.

`ROUTES` lists the group's records (the group itself is `savings-groups`, registered by the API's router)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, mixins, permissions, serializers, viewsets

from cdd_portal.accounts.scoping import KEEP, is_administrator, registry_district
from cdd_portal.api.errors import call_service
from cdd_portal.geo.models import District, Village
from cdd_portal.personal.serializers import NationalIdSerializerField
from funds import filters, selectors, services
from funds.models import (
    Beneficiary,
    CommitteeDivision,
    GroupCommitteeMember,
    Member,
    MemberCount,
    SavingsGroup,
)

CHOICE_ERRORS = {"invalid_choice": _("ไม่มีตัวเลือก «{input}»")}


class KeepsARegistry(permissions.BasePermission):
    """Reads for everyone the selectors let see; writes only for a district office (its own groups) or an
    administrator: a province office reads (403 on a write)."""

    message = _("ทะเบียนกลุ่มออมทรัพย์แก้ไขได้เฉพาะสำนักงานพัฒนาชุมชนอำเภอของกลุ่มนั้น")

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return registry_district(request.user) is not None or is_administrator(request.user)


class SavingsGroupSerializer(serializers.ModelSerializer):
    district = serializers.PrimaryKeyRelatedField(
        queryset=District.objects.all(), error_messages={"does_not_exist": _("ไม่พบอำเภอรหัส {pk_value}")})
    village = serializers.PrimaryKeyRelatedField(
        queryset=Village.objects.select_related("subdistrict"), required=False, allow_null=True,
        error_messages={"does_not_exist": _("ไม่พบหมู่บ้านรหัส {pk_value}")})
    province = serializers.CharField(source="district.province_id", read_only=True)

    class Meta:
        model = SavingsGroup
        fields = ["id", "district", "province", "village", "name", "founded_on", "is_active", "savings_day",
                  "registration_ref", "registered_on", "officer_name", "member_mode", "stopped_on", "stop_reason",
                  "updated_at"]
        read_only_fields = ["updated_at"]
        validators = []  # the service checks a duplicate name and says so in Thai, on the field
        extra_kwargs = {"member_mode": {"error_messages": CHOICE_ERRORS},
                        "savings_day": {"min_value": 1, "max_value": 31, "error_messages": {
                            "min_value": _("วันรับฝากเงินสัจจะต้องเป็นวันที่ ๑ ถึง ๓๑"),
                            "max_value": _("วันรับฝากเงินสัจจะต้องเป็นวันที่ ๑ ถึง ๓๑")}}}


class SavingsGroupViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """กลุ่มออมทรัพย์เพื่อการผลิต: เห็นเฉพาะพื้นที่ของสำนักงานตน; เพิ่ม/แก้ไขได้เฉพาะสำนักงานพัฒนาชุมชนอำเภอของกลุ่ม
    (กลุ่มไม่ถูกลบ: กลุ่มที่เลิกดำเนินการให้ตั้ง is_active เป็น false พร้อม stopped_on และ stop_reason)"""

    serializer_class = SavingsGroupSerializer
    filterset_class = filters.SavingsGroupFilter
    ordering_fields = ["name", "district", "updated_at"]

    def get_queryset(self):
        return selectors.groups_for(self.request.user).order_by("district_id", "name")

    def perform_create(self, serializer):
        serializer.instance = call_service(services.create_group, self.request.user, **serializer.validated_data)

    def perform_update(self, serializer):
        fields = dict(serializer.validated_data)
        district = fields.pop("district", None)
        if district is not None and district.pk != serializer.instance.district_id:
            raise serializers.ValidationError({"district": [_("ย้ายกลุ่มไปอำเภออื่นไม่ได้ ให้อำเภอใหม่เพิ่มกลุ่มในทะเบียนของตน")]})
        serializer.instance = call_service(services.update_group, self.request.user, serializer.instance, **fields)


class ScopedRelatedField(serializers.PrimaryKeyRelatedField):
    """A group (or member) chosen among those the user keeps (the browsable API's drop-down); one the user
    cannot see at all is a 404, as the record itself would be."""

    def __init__(self, *, kept, seen, **kwargs):
        self.kept, self.seen = kept, seen
        kwargs.setdefault("queryset", SavingsGroup.objects.none())
        super().__init__(**kwargs)

    def _user(self):
        request = self.context.get("request")
        return getattr(request, "user", None)

    def get_queryset(self):
        return self.kept(self._user())

    def to_internal_value(self, data):
        try:
            return super().to_internal_value(data)
        except serializers.ValidationError:
            try:
                exists = self.seen(self._user()).filter(pk=int(data)).exists()
            except (TypeError, ValueError):
                raise serializers.ValidationError(_("รหัสต้องเป็นตัวเลข")) from None
            if not exists:
                raise exceptions.NotFound(_("ไม่พบข้อมูลรหัส %(pk)s") % {"pk": data}) from None
            raise exceptions.PermissionDenied(KeepsARegistry.message) from None


def _group_field():
    return ScopedRelatedField(kept=lambda u: selectors.groups_for(u, KEEP), seen=selectors.groups_for)


class SavingsGroupRecordSerializer(serializers.ModelSerializer):
    group = _group_field()
    district = serializers.CharField(source="group.district_id", read_only=True)

    def validate_group(self, group):
        if self.instance is not None and group.pk != self.instance.group_id:
            raise serializers.ValidationError(_("ย้ายข้อมูลไปกลุ่มอื่นไม่ได้"))
        return group


class SavingsGroupCommitteeSerializer(SavingsGroupRecordSerializer):
    division = serializers.PrimaryKeyRelatedField(
        queryset=CommitteeDivision.objects.all(), error_messages={"does_not_exist": _("ไม่พบฝ่ายรหัส {pk_value}")})
    division_name = serializers.CharField(source="division.name", read_only=True)
    national_id = NationalIdSerializerField()

    class Meta:
        model = GroupCommitteeMember
        fields = ["id", "group", "district", "division", "division_name", "position", "position_other", "name",
                  "national_id", "term_start", "term_end", "left_on", "left_reason", "updated_at"]
        read_only_fields = ["updated_at"]
        extra_kwargs = {"position": {"error_messages": CHOICE_ERRORS}}


class SavingsGroupMemberSerializer(SavingsGroupRecordSerializer):
    national_id = NationalIdSerializerField()
    member_no = serializers.CharField(required=False, allow_blank=True, max_length=30)

    class Meta:
        model = Member
        fields = ["id", "group", "district", "member_no", "name", "national_id", "joined_on", "kind", "shares",
                  "is_minor", "guardian_consent", "left_on", "leave_reason", "updated_at"]
        read_only_fields = ["updated_at"]
        validators = []  # the service says a duplicate member number in Thai, on the field
        extra_kwargs = {"kind": {"error_messages": CHOICE_ERRORS}}


class SavingsGroupBeneficiarySerializer(serializers.ModelSerializer):
    member = ScopedRelatedField(kept=lambda u: selectors.members_for(u, KEEP), seen=selectors.members_for,
                                queryset=Member.objects.none())
    group = serializers.IntegerField(source="member.group_id", read_only=True)
    national_id = NationalIdSerializerField()

    class Meta:
        model = Beneficiary
        fields = ["id", "member", "group", "name", "national_id", "relation", "share_percent", "ended_on",
                  "updated_at"]
        read_only_fields = ["updated_at"]

    def validate_member(self, member):
        if self.instance is not None and member.pk != self.instance.member_id:
            raise serializers.ValidationError(_("ย้ายผู้รับผลประโยชน์ไปสมาชิกคนอื่นไม่ได้"))
        return member


class SavingsGroupMemberCountSerializer(SavingsGroupRecordSerializer):
    total = serializers.IntegerField(read_only=True)

    class Meta:
        model = MemberCount
        fields = ["id", "group", "district", "counted_on", "ordinary", "associate", "honorary", "total",
                  "updated_at"]
        read_only_fields = ["updated_at"]
        validators = []  # one count per date: a second one corrects it (the service)


class _RecordViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    permission_classes = [permissions.IsAuthenticated, KeepsARegistry]
    parent = "group"
    create_service = update_service = None

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        parent = fields.pop(self.parent)
        serializer.instance = call_service(type(self).create_service, self.request.user, parent, **fields)

    def perform_update(self, serializer):
        fields = dict(serializer.validated_data)
        fields.pop(self.parent, None)
        serializer.instance = call_service(type(self).update_service, self.request.user, serializer.instance,
                                           **fields)


class CommitteeViewSet(_RecordViewSet):
    """กรรมการกลุ่มออมทรัพย์ (ตามฝ่าย): กรรมการที่พ้นจากตำแหน่งให้ใส่ left_on (ไม่ลบ); วาระใหม่คือรายการชุดใหม่;
    in_office=true คือผู้อยู่ในตำแหน่งวันนี้; เลขประจำตัวประชาชนแสดงแบบปิดบางหลักเสมอ"""

    serializer_class = SavingsGroupCommitteeSerializer
    filterset_class = filters.CommitteeFilter
    ordering_fields = ["term_start", "name"]
    create_service = staticmethod(services.add_committee_member)
    update_service = staticmethod(services.update_committee_member)

    def get_queryset(self):
        return selectors.committee_for(self.request.user).order_by("group_id", "division__sort_order", "-term_start",
                                                                   "id")


class MemberViewSet(_RecordViewSet):
    """สมาชิกกลุ่มออมทรัพย์: สมาชิกที่พ้นสภาพให้ใส่ left_on และ leave_reason (ไม่ลบ); member_no ว่างได้ (ระบบให้เลขถัดไป)"""

    serializer_class = SavingsGroupMemberSerializer
    filterset_class = filters.MemberFilter
    ordering_fields = ["member_no", "name", "joined_on"]
    create_service = staticmethod(services.add_member)
    update_service = staticmethod(services.update_member)

    def get_queryset(self):
        return selectors.members_for(self.request.user).order_by("group_id", "member_no", "id")


class BeneficiaryViewSet(_RecordViewSet):
    """ผู้รับผลประโยชน์ของสมาชิก: ส่วนแบ่งของผู้รับผลประโยชน์ที่ใช้อยู่ของสมาชิกคนหนึ่งรวมกันไม่เกินร้อยละ ๑๐๐;
    ยกเลิกด้วย ended_on (ไม่ลบ)"""

    serializer_class = SavingsGroupBeneficiarySerializer
    filterset_class = filters.BeneficiaryFilter
    parent = "member"
    create_service = staticmethod(services.add_beneficiary)
    update_service = staticmethod(services.update_beneficiary)

    def get_queryset(self):
        return selectors.beneficiaries_for(self.request.user).order_by("member_id", "id")


class MemberCountViewSet(_RecordViewSet):
    """จำนวนสมาชิกที่นับได้ (กลุ่มที่อำเภอไม่ได้เก็บรายชื่อสมาชิก): หนึ่งรายการต่อวันที่นับ"""

    serializer_class = SavingsGroupMemberCountSerializer
    filterset_class = filters.MemberCountFilter
    ordering_fields = ["counted_on"]

    def get_queryset(self):
        return selectors.member_counts_for(self.request.user).order_by("group_id", "-counted_on")

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        group = fields.pop("group")
        serializer.instance = call_service(services.record_member_count, self.request.user, group, **fields)

    def perform_update(self, serializer):
        fields = dict(serializer.validated_data)
        fields.pop("group", None)
        current = serializer.instance
        values = {"counted_on": current.counted_on, "ordinary": current.ordinary, "associate": current.associate,
                  "honorary": current.honorary, **fields}
        if values["counted_on"] != current.counted_on:
            raise serializers.ValidationError({"counted_on": [_("เปลี่ยนวันที่นับไม่ได้ ให้บันทึกการนับครั้งใหม่")]})
        serializer.instance = call_service(services.record_member_count, self.request.user, current.group, **values)


ROUTES = [
    ("savings-group-committee", CommitteeViewSet, "savings-group-committee"),
    ("savings-group-members", MemberViewSet, "savings-group-member"),
    ("savings-group-beneficiaries", BeneficiaryViewSet, "savings-group-beneficiary"),
    ("savings-group-member-counts", MemberCountViewSet, "savings-group-member-count"),
]
