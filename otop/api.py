"""REST endpoints of the OTOP registries: scoped reads; writes by the record's district office through
the services. The related fields' drop-downs (the browsable API renders them as <select>s) offer only
the districts, villages, producers and clusters of the user's own area."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import mixins, serializers, viewsets

from cdd_portal.accounts.scoping import restrict
from cdd_portal.api.errors import call_service
from cdd_portal.geo.models import District, Village
from otop import selectors, services
from otop.filters import OccupationGroupFilter, ProducerFilter, ProductFilter, RegistrationFilter
from otop.models import (
    CommitteeMember,
    OccupationGroup,
    Producer,
    ProducerRegistration,
    Product,
    ProductChampionResult,
    ProductStandard,
)

NOT_FOUND = {
    "district": _("ไม่พบอำเภอรหัส {pk_value} ในพื้นที่ของสำนักงานคุณ"),
    "village": _("ไม่พบหมู่บ้านรหัส {pk_value} ในพื้นที่ของสำนักงานคุณ"),
    "producer": _("ไม่พบผู้ผลิตรหัส {pk_value} ในพื้นที่ของสำนักงานคุณ"),
    "cluster": _("ไม่พบคลัสเตอร์รหัส {pk_value} ในพื้นที่ของสำนักงานคุณ"),
}


def _related(name: str, **kwargs) -> serializers.PrimaryKeyRelatedField:
    """A related field whose queryset the serializer's __init__ scopes to the user."""
    return serializers.PrimaryKeyRelatedField(queryset=District.objects.none(), error_messages={
        "does_not_exist": NOT_FOUND[name], "incorrect_type": _("รหัสต้องเป็นตัวเลขหรือข้อความ"),
        "required": _("กรุณาระบุ"), "null": _("กรุณาระบุ")}, **kwargs)


class ScopedSerializer(serializers.ModelSerializer):
    """Sets the related fields' querysets from the request's user (see `scoped`)."""

    def scoped(self, user) -> dict:
        return {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        user = getattr(request, "user", None)
        for name, queryset in self.scoped(user).items():
            if name in self.fields:
                self.fields[name].queryset = queryset


def _districts(user):
    return restrict(District.objects.filter(kind=District.Kind.DISTRICT), user, district_field=None)


def _villages(user):
    return restrict(Village.objects.select_related("subdistrict"), user, district_field="subdistrict__district")


class ProducerSerializer(ScopedSerializer):
    district = _related("district")
    village = _related("village")
    province = serializers.CharField(source="district.province_id", read_only=True)
    subdistrict = serializers.CharField(source="village.subdistrict_id", read_only=True)
    type = serializers.ChoiceField(choices=Producer.Type.choices, error_messages={
        "invalid_choice": _("«{input}» ไม่ใช่ประเภทผู้ผลิต (community_group, single_owner หรือ sme)")})
    community_links = serializers.ListField(child=serializers.CharField(), required=False,
                                            help_text=_("production, management, benefit อย่างน้อยหนึ่งข้อ"))
    members = serializers.IntegerField(required=False, allow_null=True, min_value=0)
    email = serializers.CharField(required=False, allow_blank=True)

    class Meta:
        model = Producer
        fields = ["id", "district", "province", "type", "name", "leader_name", "house_number", "village",
                  "subdistrict", "phone", "email", "community_links", "members", "from_group", "is_active",
                  "updated_at"]
        read_only_fields = ["from_group", "updated_at"]
        validators = []  # the service checks a duplicate name and says so in Thai, on the field

    def scoped(self, user):
        return {"district": _districts(user), "village": _villages(user)}


def _no_move(serializer, fields: dict, what: str) -> None:
    district = fields.pop("district", None)
    if district is not None and district.pk != serializer.instance.district_id:
        raise serializers.ValidationError({"district": [_("ย้าย%(what)sไปอำเภออื่นไม่ได้") % {"what": what}]})


class ProducerViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """ผู้ผลิต ผู้ประกอบการ OTOP: เห็นเฉพาะพื้นที่ของสำนักงานตน; เพิ่ม/แก้ไขได้เฉพาะสำนักงานพัฒนาชุมชนอำเภอของผู้ผลิต
    (ไม่ลบ: ผู้ผลิตที่เลิกดำเนินการให้ตั้ง is_active เป็น false)"""

    serializer_class = ProducerSerializer
    filterset_class = ProducerFilter
    ordering_fields = ["name", "district", "updated_at"]

    def get_queryset(self):
        return selectors.producers_for(self.request.user).order_by("district_id", "name")

    def perform_create(self, serializer):
        serializer.instance = call_service(services.create_producer, self.request.user, **serializer.validated_data)

    def perform_update(self, serializer):
        fields = dict(serializer.validated_data)
        _no_move(serializer, fields, _("ผู้ผลิต"))
        serializer.instance = call_service(services.update_producer, self.request.user, serializer.instance, **fields)


class StandardSerializer(serializers.ModelSerializer):
    standard_label = serializers.CharField(source="get_standard_display", read_only=True)
    expired = serializers.SerializerMethodField(help_text=_("ใบรับรองหมดอายุแล้ว (ณ วันนี้)"))

    class Meta:
        model = ProductStandard
        fields = ["id", "standard", "standard_label", "certificate_number", "issued_on", "expires_on", "expired"]

    def get_expired(self, obj) -> bool:
        return obj.is_expired(self.context.get("today") or timezone.localdate())


class ChampionResultSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProductChampionResult
        fields = ["id", "year", "score", "stars", "stars_by_hand"]


class ProductSerializer(ScopedSerializer):
    producer = _related("producer")
    district = serializers.CharField(source="district_id", read_only=True)
    province = serializers.CharField(source="district.province_id", read_only=True)
    category = serializers.CharField(required=False, allow_blank=True,
                                     help_text=_("ประเภท ๑–๕ (ถ้าไม่ระบุ ได้จากกลุ่มผลิตภัณฑ์)"))
    sub_group = serializers.CharField(help_text=_("หนึ่งใน ๑๗ กลุ่ม เช่น 4.2"))
    segment = serializers.CharField(required=False, allow_blank=True)
    standards = StandardSerializer(many=True, read_only=True)
    champion_results = ChampionResultSerializer(many=True, read_only=True)

    class Meta:
        model = Product
        fields = ["id", "producer", "district", "province", "name", "category", "sub_group", "description", "price",
                  "unit", "segment", "is_active", "latest_stars", "latest_champion_year", "standards",
                  "champion_results", "updated_at"]
        read_only_fields = ["latest_stars", "latest_champion_year", "updated_at"]

    def scoped(self, user):
        return {"producer": selectors.producers_for(user)}


class ProductViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """ผลิตภัณฑ์ OTOP พร้อมมาตรฐานและผลการคัดสรร: กรองด้วย category, sub_group, stars (ผลล่าสุด, none = ยังไม่ได้คัดสรร),
    standard, segment; เพิ่ม/แก้ไขได้เฉพาะสำนักงานพัฒนาชุมชนอำเภอของผู้ผลิต"""

    serializer_class = ProductSerializer
    filterset_class = ProductFilter
    ordering_fields = ["name", "district", "latest_stars", "updated_at"]

    def get_queryset(self):
        return (selectors.products_for(self.request.user).prefetch_related("standards", "champion_results")
                .order_by("district_id", "name"))

    def perform_create(self, serializer):
        serializer.instance = call_service(services.create_product, self.request.user, **serializer.validated_data)

    def perform_update(self, serializer):
        serializer.instance = call_service(services.update_product, self.request.user, serializer.instance,
                                           **serializer.validated_data)


class CommitteeSerializer(serializers.ModelSerializer):
    position_label = serializers.CharField(source="get_position_display", read_only=True)

    class Meta:
        model = CommitteeMember
        fields = ["id", "name", "position", "position_label", "term_start", "term_end"]


class OccupationGroupSerializer(ScopedSerializer):
    district = _related("district")
    village = _related("village")
    cluster = _related("cluster", required=False, allow_null=True)
    province = serializers.CharField(source="district.province_id", read_only=True)
    members_count = serializers.IntegerField(min_value=0)
    fund = serializers.DecimalField(max_digits=14, decimal_places=2, required=False)
    producer = serializers.PrimaryKeyRelatedField(read_only=True, help_text=_("ผู้ผลิต OTOP ที่พัฒนามาจากกลุ่มนี้"))
    committee = CommitteeSerializer(many=True, read_only=True)

    class Meta:
        model = OccupationGroup
        fields = ["id", "district", "province", "name", "trade", "village", "founded_on", "members_count", "rules",
                  "fund", "registration_number", "registered_on", "cluster", "is_active", "producer", "committee",
                  "updated_at"]
        read_only_fields = ["updated_at"]
        validators = []

    def scoped(self, user):
        return {"district": _districts(user), "village": _villages(user), "cluster": selectors.clusters_for(user)}


class OccupationGroupViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """กลุ่มอาชีพ: เห็นเฉพาะพื้นที่ของสำนักงานตน; เพิ่ม/แก้ไขได้เฉพาะสำนักงานพัฒนาชุมชนอำเภอของกลุ่ม (สมาชิกอย่างน้อย ๕ คน)"""

    serializer_class = OccupationGroupSerializer
    filterset_class = OccupationGroupFilter
    ordering_fields = ["name", "district", "updated_at"]

    def get_queryset(self):
        return (selectors.groups_for(self.request.user).select_related("producer").prefetch_related("committee")
                .order_by("district_id", "name"))

    def perform_create(self, serializer):
        serializer.instance = call_service(services.create_group, self.request.user, **serializer.validated_data)

    def perform_update(self, serializer):
        fields = dict(serializer.validated_data)
        _no_move(serializer, fields, _("กลุ่ม"))
        serializer.instance = call_service(services.update_group, self.request.user, serializer.instance, **fields)


class RegistrationSerializer(serializers.ModelSerializer):
    producer_name = serializers.CharField(source="producer.name", read_only=True)
    district = serializers.CharField(source="producer.district_id", read_only=True)
    province = serializers.CharField(source="producer.district.province_id", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    recorded_by = serializers.CharField(source="recorded_by.username", read_only=True, default=None)
    approved_by = serializers.CharField(source="approved_by.username", read_only=True, default=None)
    certified_by = serializers.CharField(source="certified_by.username", read_only=True, default=None)

    class Meta:
        model = ProducerRegistration
        fields = ["id", "producer", "producer_name", "district", "province", "year", "status", "status_label",
                  "recorded_at", "recorded_by", "approved_at", "approved_by", "certified_at", "certified_by",
                  "return_reason"]
        read_only_fields = fields


class RegistrationViewSet(viewsets.ReadOnlyModelViewSet):
    """การลงทะเบียนผู้ผลิต ผู้ประกอบการ OTOP รายปี (อ่านอย่างเดียว: บันทึก อนุมัติ และรับรองทำในหน้าเว็บ)"""

    serializer_class = RegistrationSerializer
    filterset_class = RegistrationFilter
    ordering_fields = ["year", "status"]

    def get_queryset(self):
        return selectors.registrations_for(self.request.user).order_by("-year", "producer__district_id",
                                                                       "producer__name")
