"""POST /api/v1/exports/ asks for a document; GET /api/v1/jobs/<id>/ follows it to its download."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView

from cdd_portal.documents import services
from cdd_portal.documents.models import RenderJob


class JobSerializer(serializers.ModelSerializer):
    download_url = serializers.SerializerMethodField()
    error = serializers.SerializerMethodField()

    class Meta:
        model = RenderJob
        fields = ["id", "kind", "params", "format", "status", "progress", "error", "attempts", "file_name",
                  "checksum", "created_at", "started_at", "finished_at", "download_url"]

    def get_download_url(self, job) -> str | None:
        if job.status != RenderJob.Status.DONE:
            return None
        return self.context["request"].build_absolute_uri(reverse("documents:download", args=[job.pk]))

    def get_error(self, job) -> str:
        return job.error.splitlines()[0] if job.error else ""


class ExportRequestSerializer(serializers.Serializer):
    kind = serializers.CharField()
    format = serializers.ChoiceField(choices=RenderJob.Format.choices)
    activity = serializers.IntegerField(required=False, help_text="allocation-register")
    province = serializers.CharField(required=False, allow_null=True, allow_blank=True, help_text="allocation-register")
    submission = serializers.IntegerField(required=False, help_text="submission")
    period = serializers.IntegerField(required=False, help_text="consolidation")


class ExportView(APIView):
    """สั่งสร้างเอกสาร (PDF/XLSX) ด้วย worker: ได้งาน (job) กลับไปติดตามที่ /api/v1/jobs/<id>/"""

    @extend_schema(request=ExportRequestSerializer, responses={202: JobSerializer, 200: JobSerializer})
    def post(self, request):
        data = ExportRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        params = {k: v for k, v in data.validated_data.items() if k not in {"kind", "format"}}
        try:
            job, reused = services.request_export(request.user, kind=data.validated_data["kind"], params=params,
                                                  fmt=data.validated_data["format"])
        except DjangoPermissionDenied as exc:
            raise exceptions.PermissionDenied(str(exc)) from exc
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.message_dict) from exc
        body = JobSerializer(job, context={"request": request}).data
        return Response(body, status=status.HTTP_200_OK if reused else status.HTTP_202_ACCEPTED)


class JobView(APIView):
    """สถานะของงานสร้างเอกสาร และลิงก์ดาวน์โหลดเมื่อเสร็จ"""

    @extend_schema(responses=JobSerializer)
    def get(self, request, pk):
        job = get_object_or_404(RenderJob, pk=pk)
        if not services.may_view(request.user, job):
            raise exceptions.NotFound()
        return Response(JobSerializer(job, context={"request": request}).data)
