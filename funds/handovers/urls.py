from django.urls import path

from funds.handovers import views

app_name = "handovers"

urlpatterns = [
    path("", views.handover_list, name="list"),
    path("new/", views.create, name="create"),
    path("mine/", views.mine, name="mine"),
    path("pdpa-log/", views.pdpa_log, name="pdpa-log"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/checklist/", views.checklist, name="checklist"),
    path("<int:pk>/sign/", views.sign, name="sign"),
    path("<int:pk>/scan/", views.upload_scan, name="scan"),
    path("<int:pk>/confirm/", views.confirm, name="confirm"),
    path("<int:pk>/cancel/", views.cancel, name="cancel"),
    path("items/<int:pk>/received/", views.receive_item, name="receive-item"),
    path("assign/<str:kind_code>/<int:fund_id>/", views.assign, name="assign"),
]
