"""REST endpoints of the service-centre registry: scoped reads; writes by the centre's district office
(and administrators), through the services. Records are never deleted (no DELETE)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import mixins, permissions, serializers, viewsets

from cdd_portal.accounts.scoping import KEEP, is_administrator, registry_district, restrict
from cdd_portal.api.errors import call_service
from cdd_portal.geo.models import District
from centers import filters, selectors, services
from centers.models import Activity, AppointmentOrder, CommitteeMember, Meeting, ServiceCenter

CHOICE_ERRORS = {"invalid_choice": _("ไม่มีตัวเลือก «{input}»")}
CENTER_ERRORS = {"does_not_exist": _("ไม่พบศูนย์รหัส {pk_value} ในอำเภอที่คุณบันทึกได้"),
                 "incorrect_type": _("รหัสศูนย์ต้องเป็นตัวเลข")}


class KeepsARegistry(permissions.BasePermission):
    """Reads for everyone the selectors let see; writes only for a district office (its own registry) or
    an administrator: a province office reads (403 on a write)."""

    message = _("ข้อมูลศูนย์บริการฯ แก้ไขได้เฉพาะสำนักงานพัฒนาชุมชนอำเภอของศูนย์นั้น")

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return registry_district(request.user) is not None or is_administrator(request.user)


def _kept_centers(serializer) -> object:
    request = serializer.context.get("request")
    user = getattr(request, "user", None)
    return restrict(ServiceCenter.objects.all(), user, KEEP, district_field="district")


class CenterRecordSerializer(serializers.ModelSerializer):
    """A record of a centre: `center` is chosen among the centres the user keeps (scoped drop-down)."""

    center = serializers.PrimaryKeyRelatedField(queryset=ServiceCenter.objects.none(), error_messages=CENTER_ERRORS)
    district = serializers.CharField(source="center.district_id", read_only=True)
    province = serializers.CharField(source="center.district.province_id", read_only=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["center"].queryset = _kept_centers(self)

    def validate_center(self, center):
        if self.instance is not None and center.pk != self.instance.center_id:
            raise serializers.ValidationError(_("ย้ายข้อมูลไปศูนย์อื่นไม่ได้"))
        return center


def _choices(**fields) -> dict:
    return {name: {"error_messages": CHOICE_ERRORS} for name in fields}


class ServiceCenterSerializer(serializers.ModelSerializer):
    district = serializers.PrimaryKeyRelatedField(
        queryset=District.objects.none(),
        error_messages={"does_not_exist": _("ไม่พบอำเภอรหัส {pk_value} ที่คุณบันทึกได้")})
    province = serializers.CharField(source="district.province_id", read_only=True)
    name = serializers.CharField(required=False, allow_blank=True, max_length=300)

    class Meta:
        model = ServiceCenter
        fields = ["id", "district", "province", "name", "location", "other_place", "other_place_reason", "address",
                  "phone", "email", "contact_person", "status", "mechanism", "mechanism_letter_number",
                  "mechanism_letter_date", "updated_at"]
        read_only_fields = ["updated_at"]
        validators = []  # one centre per district: the service says so in Thai, on the field
        extra_kwargs = {**_choices(location=1, status=1, mechanism=1),
                        "email": {"error_messages": {"invalid": _("รูปแบบอีเมลไม่ถูกต้อง")}}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        districts = District.objects.filter(kind=District.Kind.DISTRICT)
        self.fields["district"].queryset = restrict(districts, getattr(request, "user", None), KEEP,
                                                    district_field=None)
        self.fields["district"].validators = []

    def validate_district(self, district):
        if self.instance is not None and district.pk != self.instance.district_id:
            raise serializers.ValidationError(_("ศูนย์อยู่กับอำเภอของตน ย้ายไปอำเภออื่นไม่ได้"))
        return district


class ServiceCenterViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """ศูนย์บริการส่งเสริมเศรษฐกิจฐานราก (อำเภอละ ๑ ศูนย์): เห็นเฉพาะพื้นที่ของสำนักงานตน;
    บันทึก/แก้ไขได้เฉพาะสำนักงานพัฒนาชุมชนอำเภอของศูนย์"""

    serializer_class = ServiceCenterSerializer
    filterset_class = filters.ServiceCenterFilter
    permission_classes = [permissions.IsAuthenticated, KeepsARegistry]
    ordering_fields = ["district", "name", "updated_at"]

    def get_queryset(self):
        return selectors.centers_for(self.request.user).order_by("district_id")

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        serializer.instance = call_service(services.create_center, self.request.user, **fields)

    def perform_update(self, serializer):
        fields = dict(serializer.validated_data)
        fields.pop("district", None)
        serializer.instance = call_service(services.update_center, self.request.user, serializer.instance, **fields)


class CommitteeMemberSerializer(CenterRecordSerializer):
    order = serializers.PrimaryKeyRelatedField(
        queryset=AppointmentOrder.objects.none(), required=False, allow_null=True,
        error_messages={"does_not_exist": _("ไม่พบคำสั่งรหัส {pk_value} ของศูนย์ที่คุณบันทึกได้")})
    term_start = serializers.DateField(required=False)

    class Meta:
        model = CommitteeMember
        fields = ["id", "center", "district", "province", "order", "name", "position", "position_other", "seat",
                  "organisation", "phone", "term_start", "term_end", "end_reason", "updated_at"]
        read_only_fields = ["updated_at"]
        extra_kwargs = _choices(position=1, seat=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].queryset = AppointmentOrder.objects.filter(center__in=_kept_centers(self))


class _RecordViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    permission_classes = [permissions.IsAuthenticated, KeepsARegistry]
    create_service = update_service = None

    def perform_create(self, serializer):
        fields = dict(serializer.validated_data)
        center = fields.pop("center")
        serializer.instance = call_service(type(self).create_service, self.request.user, center, **fields)

    def perform_update(self, serializer):
        fields = dict(serializer.validated_data)
        fields.pop("center", None)
        serializer.instance = call_service(type(self).update_service, self.request.user, serializer.instance,
                                           **fields)


class CommitteeMemberViewSet(_RecordViewSet):
    """กรรมการศูนย์: กรรมการที่พ้นจากตำแหน่งให้ใส่ term_end (ไม่ลบ); ตัวกรอง in_office=true คือผู้อยู่ในตำแหน่งวันนี้"""

    serializer_class = CommitteeMemberSerializer
    filterset_class = filters.CommitteeMemberFilter
    ordering_fields = ["term_start", "name"]
    create_service = staticmethod(services.add_member)
    update_service = staticmethod(services.update_member)

    def get_queryset(self):
        return selectors.members_for(self.request.user).order_by("center__district_id", "-term_start", "id")


class ActivitySerializer(CenterRecordSerializer):
    target_groups = serializers.ListField(child=serializers.ChoiceField(
        choices=Activity.TargetGroup.choices, error_messages=CHOICE_ERRORS), required=False)
    media = serializers.ListField(child=serializers.ChoiceField(
        choices=Activity.Medium.choices, error_messages=CHOICE_ERRORS), required=False)
    evidence = serializers.ListField(child=serializers.ChoiceField(
        choices=Activity.Evidence.choices, error_messages=CHOICE_ERRORS), required=False)

    class Meta:
        model = Activity
        fields = ["id", "center", "district", "province", "date", "kind", "kind_other", "title", "description",
                  "target_groups", "count_interested", "count_unregistered", "count_registered", "media",
                  "media_other", "evidence", "evidence_other", "updated_at"]
        read_only_fields = ["updated_at"]
        extra_kwargs = _choices(kind=1)


class ActivityViewSet(_RecordViewSet):
    """กิจกรรมของศูนย์ (แนวทางกำหนดอย่างน้อยเดือนละ ๑ ครั้ง): target_groups, media, evidence เป็นรายการรหัสตัวเลือก"""

    serializer_class = ActivitySerializer
    filterset_class = filters.ActivityFilter
    ordering_fields = ["date", "title"]
    create_service = staticmethod(services.record_activity)
    update_service = staticmethod(services.update_activity)

    def get_queryset(self):
        return selectors.activities_for(self.request.user).order_by("-date", "-id")


class MeetingSerializer(CenterRecordSerializer):
    class Meta:
        model = Meeting
        fields = ["id", "center", "district", "province", "date", "number", "attendee_count", "attendees", "agenda",
                  "updated_at"]
        read_only_fields = ["updated_at"]


class MeetingViewSet(_RecordViewSet):
    """การประชุมคณะกรรมการศูนย์ (แนวทางกำหนดอย่างน้อยไตรมาสละ ๑ ครั้ง)"""

    serializer_class = MeetingSerializer
    filterset_class = filters.MeetingFilter
    ordering_fields = ["date"]
    create_service = staticmethod(services.record_meeting)
    update_service = staticmethod(services.update_meeting)

    def get_queryset(self):
        return selectors.meetings_for(self.request.user).order_by("-date", "-id")
