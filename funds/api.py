"""REST endpoints of the savings-group registry: scoped reads, writes by the group's district office."""

from django.utils.translation import gettext_lazy as _
from rest_framework import mixins, serializers, viewsets

from cdd_portal.api.errors import call_service
from cdd_portal.geo.models import District, Village
from funds import selectors, services
from funds.filters import SavingsGroupFilter
from funds.models import SavingsGroup


class SavingsGroupSerializer(serializers.ModelSerializer):
    district = serializers.PrimaryKeyRelatedField(
        queryset=District.objects.all(), error_messages={"does_not_exist": _("ไม่พบอำเภอรหัส {pk_value}")})
    village = serializers.PrimaryKeyRelatedField(
        queryset=Village.objects.select_related("subdistrict"), required=False, allow_null=True,
        error_messages={"does_not_exist": _("ไม่พบหมู่บ้านรหัส {pk_value}")})
    province = serializers.CharField(source="district.province_id", read_only=True)

    class Meta:
        model = SavingsGroup
        fields = ["id", "district", "province", "village", "name", "founded_on", "is_active", "updated_at"]
        read_only_fields = ["updated_at"]
        validators = []  # the service checks a duplicate name and says so in Thai, on the field


class SavingsGroupViewSet(mixins.CreateModelMixin, mixins.UpdateModelMixin, viewsets.ReadOnlyModelViewSet):
    """กลุ่มออมทรัพย์เพื่อการผลิต: เห็นเฉพาะพื้นที่ของสำนักงานตน; เพิ่ม/แก้ไขได้เฉพาะสำนักงานพัฒนาชุมชนอำเภอของกลุ่ม
    (กลุ่มไม่ถูกลบ: กลุ่มที่เลิกดำเนินการให้ตั้ง is_active เป็น false)"""

    serializer_class = SavingsGroupSerializer
    filterset_class = SavingsGroupFilter
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
