from django.urls import path

from centers import views

app_name = "centers"

urlpatterns = [
    path("", views.index, name="index"),
    path("province/", views.province, name="province"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("<int:pk>/orders/new/", views.order_create, name="order-create"),
    path("<int:pk>/members/new/", views.member_create, name="member-create"),
    path("<int:pk>/meetings/new/", views.meeting_create, name="meeting-create"),
    path("<int:pk>/activities/new/", views.activity_create, name="activity-create"),
    path("<int:pk>/plans/new/", views.plan_create, name="plan-create"),
    path("<int:pk>/wisdom/new/", views.wisdom_create, name="wisdom-create"),
    path("orders/<int:pk>/", views.order_edit, name="order-edit"),
    path("members/<int:pk>/", views.member_edit, name="member-edit"),
    path("meetings/<int:pk>/", views.meeting_edit, name="meeting-edit"),
    path("activities/<int:pk>/", views.activity_edit, name="activity-edit"),
    path("plans/<int:pk>/", views.plan_edit, name="plan-edit"),
    path("wisdom/<int:pk>/", views.wisdom_edit, name="wisdom-edit"),
    path("members/", views.record_list, {"kind": "members"}, name="members-list"),
    path("meetings/", views.record_list, {"kind": "meetings"}, name="meetings-list"),
    path("activities/", views.record_list, {"kind": "activities"}, name="activities-list"),
    path("plans/", views.record_list, {"kind": "plans"}, name="plans-list"),
    path("wisdom/", views.record_list, {"kind": "wisdom"}, name="wisdom-list"),
    path("files/<int:pk>/remove/", views.file_remove, name="file-remove"),
]
