from django.urls import path

from budgets import views

app_name = "budgets"

urlpatterns = [
    path("", views.index, name="index"),
    path("registers/<int:pk>/", views.register_detail, name="register"),
    path("registers/<int:pk>/finalise/", views.register_finalise, name="register-finalise"),
    path("activities/<int:activity_pk>/national/", views.national, name="national"),
    path("allocations/<int:pk>/", views.allocation_detail, name="allocation"),
]
