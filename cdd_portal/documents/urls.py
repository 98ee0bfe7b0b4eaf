from django.urls import path

from cdd_portal.documents import views

app_name = "documents"

urlpatterns = [
    path("export/", views.export, name="export"),
    path("jobs/<uuid:pk>/", views.job_status, name="job"),
    path("jobs/<uuid:pk>/download/", views.download, name="download"),
]
