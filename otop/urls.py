from django.urls import path

from otop import views

app_name = "otop"

urlpatterns = [
    path("", views.index, name="index"),
    path("producers/", views.producer_list, name="producer-list"),
    path("producers/new/", views.producer_create, name="producer-create"),
    path("producers/<int:pk>/", views.producer_detail, name="producer-detail"),
    path("producers/<int:pk>/edit/", views.producer_edit, name="producer-edit"),
    path("products/", views.product_list, name="product-list"),
    path("products/new/", views.product_create, name="product-create"),
    path("products/<int:pk>/", views.product_detail, name="product-detail"),
    path("products/<int:pk>/edit/", views.product_edit, name="product-edit"),
    path("products/<int:pk>/standards/", views.standard_add, name="standard-add"),
    path("products/<int:pk>/standards/<int:item>/remove/", views.standard_remove, name="standard-remove"),
    path("products/<int:pk>/results/", views.result_add, name="result-add"),
    path("products/<int:pk>/results/<int:item>/remove/", views.result_remove, name="result-remove"),
    path("products/<int:pk>/photos/", views.photo_add, name="photo-add"),
    path("products/<int:pk>/files/<int:item>/remove/", views.product_file_remove, name="product-file-remove"),
    path("groups/", views.group_list, name="group-list"),
    path("groups/new/", views.group_create, name="group-create"),
    path("groups/<int:pk>/", views.group_detail, name="group-detail"),
    path("groups/<int:pk>/edit/", views.group_edit, name="group-edit"),
    path("groups/<int:pk>/committee/", views.committee_add, name="committee-add"),
    path("groups/<int:pk>/committee/<int:item>/remove/", views.committee_remove, name="committee-remove"),
    path("groups/<int:pk>/rules/", views.rules_add, name="rules-add"),
    path("groups/<int:pk>/files/<int:item>/remove/", views.group_file_remove, name="group-file-remove"),
    path("groups/<int:pk>/promote/", views.group_promote, name="group-promote"),
    path("clusters/", views.cluster_list, name="cluster-list"),
    path("clusters/<int:pk>/", views.cluster_detail, name="cluster-detail"),
    path("registrations/", views.registration_district, name="registrations"),
    path("registrations/province/", views.registration_province, name="registration-province"),
    path("province/", views.province_summary, name="province"),
    path("thresholds/", views.thresholds, name="thresholds"),
]
