from django.urls import path

from cdd_portal.geo import import_views, views

app_name = "geo"

urlpatterns = [
    path("", views.village_list, name="village-list"),
    path("new/", views.village_create, name="village-create"),
    path("<int:pk>/", views.village_edit, name="village-edit"),
    path("<int:pk>/delete/", views.village_delete, name="village-delete"),
    path("import/", import_views.upload, name="village-import"),
    path("import/template.xlsx", import_views.template_download, name="village-import-template"),
    path("import/<int:pk>/", import_views.preview, name="village-import-preview"),
    path("import/<int:pk>/confirm/", import_views.confirm, name="village-import-confirm"),
    path("import/<int:pk>/cancel/", import_views.cancel, name="village-import-cancel"),
    path("import/<int:pk>/rejected.xlsx", import_views.rejected, name="village-import-rejected"),
]
