from django.urls import path

from funds import views

app_name = "funds"

urlpatterns = [
    path("groups/", views.group_list, name="group-list"),
    path("groups/new/", views.group_create, name="group-create"),
    path("groups/<int:pk>/", views.group_edit, name="group-edit"),
]
