from django.urls import include, path
from rest_framework.routers import DefaultRouter

from budgets.api import AllocationViewSet, DisbursementViewSet, FiscalYearViewSet, PlanItemViewSet
from cdd_portal.accounts.api import MeView, TokenView
from cdd_portal.documents.api import ExportView, JobView
from cdd_portal.geo.api import DistrictViewSet, ProvinceViewSet, SubdistrictViewSet, VillageViewSet
from funds.api import SavingsGroupViewSet
from reports.api import FormViewSet, PeriodViewSet, SubmissionViewSet

router = DefaultRouter()
router.register("provinces", ProvinceViewSet, basename="province")
router.register("districts", DistrictViewSet, basename="district")
router.register("subdistricts", SubdistrictViewSet, basename="subdistrict")
router.register("villages", VillageViewSet, basename="village")
router.register("fiscal-years", FiscalYearViewSet, basename="fiscal-year")
router.register("projects", PlanItemViewSet, basename="project")
router.register("allocations", AllocationViewSet, basename="allocation")
router.register("disbursements", DisbursementViewSet, basename="disbursement")
router.register("savings-groups", SavingsGroupViewSet, basename="savings-group")
router.register("forms", FormViewSet, basename="form")
router.register("periods", PeriodViewSet, basename="period")
router.register("submissions", SubmissionViewSet, basename="submission")

urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="api-token"),
    path("me/", MeView.as_view(), name="api-me"),
    path("exports/", ExportView.as_view(), name="api-exports"),
    path("jobs/<uuid:pk>/", JobView.as_view(), name="api-job"),
    path("", include(router.urls)),
]
