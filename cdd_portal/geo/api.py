"""REST endpoints for areas (reference data, read-only) and villages (scoped, read-write)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets

from cdd_portal.api.errors import call_service
from cdd_portal.geo import selectors, services
from cdd_portal.geo.filters import DistrictFilter, SubdistrictFilter, VillageFilter
from cdd_portal.geo.serializers import (
    DistrictSerializer,
    ProvinceSerializer,
    SubdistrictSerializer,
    VillageSerializer,
)

INCLUDE_OUTSIDE = OpenApiParameter(
    "include_outside", OpenApiTypes.BOOL,
    description="รวมพื้นที่นอกความรับผิดชอบของกรมฯ (กรุงเทพมหานคร และรหัสเทศบาล ๒ แห่ง)",
)


def _include_outside(request) -> bool:
    return request.query_params.get("include_outside", "").lower() in {"1", "true", "yes"}


@extend_schema_view(list=extend_schema(parameters=[INCLUDE_OUTSIDE]))
class ProvinceViewSet(viewsets.ReadOnlyModelViewSet):
    """จังหวัด: ข้อมูลอ้างอิงที่ผู้ใช้ทุกคนอ่านได้"""

    serializer_class = ProvinceSerializer
    lookup_field = "code"
    search_fields = ["name_th", "name_en"]
    ordering_fields = ["code", "name_th"]

    def get_queryset(self):
        return selectors.provinces(include_outside=self.action != "list" or _include_outside(self.request))


@extend_schema_view(list=extend_schema(parameters=[INCLUDE_OUTSIDE]))
class DistrictViewSet(viewsets.ReadOnlyModelViewSet):
    """อำเภอ: กรองด้วย ?province=<รหัสจังหวัด>"""

    serializer_class = DistrictSerializer
    filterset_class = DistrictFilter
    lookup_field = "code"
    search_fields = ["name_th", "name_en"]
    ordering_fields = ["code", "name_th"]

    def get_queryset(self):
        return selectors.districts(include_outside=self.action != "list" or _include_outside(self.request))


@extend_schema_view(list=extend_schema(parameters=[INCLUDE_OUTSIDE]))
class SubdistrictViewSet(viewsets.ReadOnlyModelViewSet):
    """ตำบล: กรองด้วย ?district=<รหัสอำเภอ>"""

    serializer_class = SubdistrictSerializer
    filterset_class = SubdistrictFilter
    lookup_field = "code"
    search_fields = ["name_th", "name_en"]
    ordering_fields = ["code", "name_th"]

    def get_queryset(self):
        return selectors.subdistricts(include_outside=self.action != "list" or _include_outside(self.request))


class VillageViewSet(viewsets.ModelViewSet):
    """หมู่บ้าน: เห็นเฉพาะพื้นที่ของสำนักงานตน; แก้ไขได้เฉพาะสำนักงานพัฒนาชุมชนอำเภอของหมู่บ้านนั้น"""

    serializer_class = VillageSerializer
    filterset_class = VillageFilter
    search_fields = ["name_th", "subdistrict__name_th"]
    ordering_fields = ["subdistrict", "number", "name_th", "updated_at"]

    def get_queryset(self):
        return selectors.villages_for(self.request.user)

    def perform_create(self, serializer):
        serializer.instance = call_service(services.create_village, self.request.user, **serializer.validated_data)

    def perform_update(self, serializer):
        serializer.instance = call_service(
            services.update_village, self.request.user, serializer.instance, **serializer.validated_data
        )

    def perform_destroy(self, instance):
        call_service(services.delete_village, self.request.user, instance)
