"""The กข.คจ. report pages (mounted by the lead at /funds/poverty/reports/)."""

from django.urls import path

from funds.poverty import report_views as views

app_name = "poverty_reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("district/<str:code>/", views.district, name="district"),
    path("district/<str:code>/debtors/", views.debtors, name="debtors"),
    path("province/<str:code>/", views.province, name="province"),
    path("province/<str:code>/database/", views.database, name="database"),
    path("village/<int:pk>/", views.village, name="village"),
]
