from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from cdd_portal.geo.models import District, Province, Subdistrict, Village


class ProvinceSerializer(serializers.ModelSerializer):
    class Meta:
        model = Province
        fields = ["code", "name_th", "name_en", "region_th", "in_department"]


class DistrictSerializer(serializers.ModelSerializer):
    province = serializers.CharField(source="province_id", read_only=True)
    in_department = serializers.BooleanField(read_only=True)

    class Meta:
        model = District
        fields = ["code", "province", "name_th", "name_en", "full_name", "kind", "in_department"]


class SubdistrictSerializer(serializers.ModelSerializer):
    district = serializers.CharField(source="district_id", read_only=True)

    class Meta:
        model = Subdistrict
        fields = ["code", "district", "name_th", "name_en", "postal_code"]


class VillageSerializer(serializers.ModelSerializer):
    subdistrict = serializers.PrimaryKeyRelatedField(
        queryset=Subdistrict.objects.select_related("district"),
        error_messages={"does_not_exist": _("ไม่พบตำบลรหัส {pk_value}"),
                        "incorrect_type": _("รหัสตำบลต้องเป็นข้อความ ๖ หลัก")},
    )
    district = serializers.CharField(source="subdistrict.district_id", read_only=True)
    province = serializers.CharField(source="subdistrict.district.province_id", read_only=True)
    number = serializers.IntegerField(min_value=1, max_value=99, label=_("หมู่ที่"))

    class Meta:
        model = Village
        fields = ["id", "code", "subdistrict", "district", "province", "number", "name_th",
                  "created_at", "updated_at"]
        read_only_fields = ["id", "code", "created_at", "updated_at"]
        validators = []  # uniqueness is the service's rule, with its Thai message

    @staticmethod
    def as_drf_error(exc: DjangoValidationError) -> serializers.ValidationError:
        return serializers.ValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages)
