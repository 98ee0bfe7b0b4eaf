from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from cdd_portal import views

admin.site.site_header = _("CDD Portal — ผู้ดูแลระบบ")
admin.site.site_title = _("CDD Portal")
admin.site.index_title = _("การจัดการข้อมูล")

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("accounts/", include("cdd_portal.accounts.urls")),
    path("villages/", include("cdd_portal.geo.urls")),
    path("documents/", include("cdd_portal.documents.urls")),
    path("files/", include("cdd_portal.files.urls")),
    path("lists/", include("cdd_portal.lists.urls")),
    path("budgets/", include("budgets.urls")),
    path("funds/", include("funds.urls")),
    path("funds/poverty/reports/", include("funds.poverty.report_urls")),
    path("funds/poverty/", include("funds.poverty.urls")),
    path("funds/assessments/", include("funds.assessments.urls")),
    path("funds/handovers/", include("funds.handovers.urls")),
    path("personal/", include("cdd_portal.personal.urls")),
    path("otop/", include("otop.urls")),
    path("centers/", include("centers.urls")),
    path("reports/", include("reports.urls")),
    path("api/v1/", include("cdd_portal.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("admin/", admin.site.urls),
]
