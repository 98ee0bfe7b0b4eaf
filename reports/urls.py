from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("periods/<int:period_pk>/open/", views.open_submission, name="open"),
    path("submissions/<int:pk>/", views.submission_page, name="submission"),
    path("forms/<int:form_pk>/completeness/", views.completeness, name="completeness"),
    path("bulk-approve/", views.bulk_approve, name="bulk-approve"),
    path("periods/<int:period_pk>/consolidated/", views.consolidated, name="consolidated"),
]
