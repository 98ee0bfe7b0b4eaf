from django.urls import path

from budgets import import_views, views

app_name = "budgets"

urlpatterns = [
    path("", views.index, name="index"),
    path("plan/", views.plan, name="plan"),
    path("registers/open/", views.register_open, name="register-open"),
    path("registers/<int:pk>/", views.register_detail, name="register"),
    path("allocations/<int:pk>/remove/", views.allocation_remove, name="allocation-remove"),
    path("registers/<int:pk>/finalise/", views.register_finalise, name="register-finalise"),
    path("activities/<int:activity_pk>/national/", views.national, name="national"),
    path("allocations/<int:pk>/", views.allocation_detail, name="allocation"),
    path("registers/<int:register_pk>/import/", import_views.upload, name="import"),
    path("imports/<int:pk>/", import_views.preview, name="import-preview"),
    path("imports/<int:pk>/confirm/", import_views.confirm, name="import-confirm"),
    path("imports/<int:pk>/rejected.xlsx", import_views.rejected, name="import-rejected"),
]
