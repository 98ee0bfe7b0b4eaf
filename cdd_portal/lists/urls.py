from django.urls import path

from cdd_portal.lists import views

app_name = "lists"

urlpatterns = [
    path("<slug:name>/import/", views.upload, name="import"),
    path("<slug:name>/template.xlsx", views.template_download, name="template"),
    path("imports/<int:pk>/", views.preview, name="import-preview"),
    path("imports/<int:pk>/confirm/", views.confirm, name="import-confirm"),
    path("imports/<int:pk>/cancel/", views.cancel, name="import-cancel"),
    path("imports/<int:pk>/rejected.xlsx", views.rejected, name="import-rejected"),
]
