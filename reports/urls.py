from django.contrib.auth.decorators import login_required
from django.urls import path

from reports import definition_views, views

app_name = "reports"

urlpatterns = [
    path("", views.index, name="index"),
    path("periods/<int:period_pk>/open/", views.open_submission, name="open"),
    path("submissions/<int:pk>/", views.submission_page, name="submission"),
    path("submissions/<int:pk>/attach/", views.attach, name="attach"),
    path("submissions/<int:pk>/import/", views.import_table, name="import-table"),
    path("submissions/<int:pk>/import/<slug:section>/template/", views.import_template, name="import-template"),
    path("submissions/<int:pk>/attachments/<int:attachment_pk>/", views.attachment, name="attachment"),
    path("forms/<int:form_pk>/completeness/", views.completeness, name="completeness"),
    path("bulk-approve/", views.bulk_approve, name="bulk-approve"),
    path("periods/<int:period_pk>/consolidated/", views.consolidated, name="consolidated"),
    path("definitions/new/", login_required(definition_views.edit), name="definition-new"),
    path("definitions/<int:pk>/", login_required(definition_views.edit), name="definition-edit"),
    path("definitions/preview/", login_required(definition_views.preview), name="definition-preview"),
]
