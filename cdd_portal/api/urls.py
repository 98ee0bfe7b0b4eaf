from importlib import import_module

from django.urls import include, path
from rest_framework.routers import DefaultRouter

from budgets.api import AllocationViewSet, DisbursementViewSet, FiscalYearViewSet, PlanItemViewSet
from cdd_portal.accounts.api import MeView, TokenView
from cdd_portal.documents.api import ExportView, JobView
from cdd_portal.geo.api import DistrictViewSet, ProvinceViewSet, SubdistrictViewSet, VillageViewSet
from centers.api import ActivityViewSet, CommitteeMemberViewSet, MeetingViewSet, ServiceCenterViewSet
from funds.api import SavingsGroupViewSet
from otop.api import OccupationGroupViewSet, ProducerViewSet, ProductViewSet, RegistrationViewSet
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
router.register("otop-producers", ProducerViewSet, basename="otop-producer")
router.register("otop-products", ProductViewSet, basename="otop-product")
router.register("occupation-groups", OccupationGroupViewSet, basename="occupation-group")
router.register("otop-registrations", RegistrationViewSet, basename="otop-registration")
router.register("service-centers", ServiceCenterViewSet, basename="service-center")
router.register("committee-members", CommitteeMemberViewSet, basename="committee-member")
router.register("center-activities", ActivityViewSet, basename="center-activity")
router.register("center-meetings", MeetingViewSet, basename="center-meeting")
router.register("forms", FormViewSet, basename="form")
router.register("periods", PeriodViewSet, basename="period")
router.register("submissions", SubmissionViewSet, basename="submission")

# The fund registries' sub-apps list their own routes (prefix, viewset, basename) in their api.ROUTES.
for _module in ("funds.api", "funds.poverty.api", "funds.assessments.api", "funds.handovers.api"):
    for _prefix, _viewset, _basename in import_module(_module).ROUTES:
        router.register(_prefix, _viewset, basename=_basename)

urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="api-token"),
    path("me/", MeView.as_view(), name="api-me"),
    path("exports/", ExportView.as_view(), name="api-exports"),
    path("jobs/<uuid:pk>/", JobView.as_view(), name="api-job"),
    path("", include(router.urls)),
]
