from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.authtoken.models import Token
from rest_framework.authtoken.serializers import AuthTokenSerializer
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from cdd_portal.accounts.models import Office, User
from cdd_portal.accounts.scoping import scope_of


class OfficeSerializer(serializers.ModelSerializer):
    class Meta:
        model = Office
        fields = ["code", "level", "name_th", "province", "district"]


class MeSerializer(serializers.ModelSerializer):
    office = OfficeSerializer(read_only=True)
    role_display = serializers.CharField(source="get_role_display", read_only=True)
    scope = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "username", "first_name", "last_name", "email", "position", "role", "role_display",
                  "office", "scope"]

    def get_scope(self, user) -> dict:
        scope = scope_of(user)
        return {"level": scope.level, "province": scope.province_code, "district": scope.district_code}


class MeView(APIView):
    """ผู้ใช้ปัจจุบัน บทบาท และสำนักงาน"""

    @extend_schema(responses=MeSerializer)
    def get(self, request):
        user = User.objects.select_related("office").get(pk=request.user.pk)
        return Response(MeSerializer(user).data)


class ThaiAuthTokenSerializer(AuthTokenSerializer):
    def validate(self, attrs):
        try:
            return super().validate(attrs)
        except serializers.ValidationError as exc:
            raise serializers.ValidationError(
                {"non_field_errors": [_("ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง")]}, code="authorization"
            ) from exc


class TokenView(APIView):
    """รับ token สำหรับเรียก API: ส่ง username และ password"""

    authentication_classes: list = []
    permission_classes = [AllowAny]
    throttle_scope = "auth"

    @extend_schema(
        request=ThaiAuthTokenSerializer,
        responses=inline_serializer("TokenResponse", {"token": serializers.CharField()}),
    )
    def post(self, request):
        serializer = ThaiAuthTokenSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        token, _created = Token.objects.get_or_create(user=serializer.validated_data["user"])
        return Response({"token": token.key})
