from django.urls import path

from funds import views

app_name = "funds"

urlpatterns = [
    path("groups/", views.group_list, name="group-list"),
    path("groups/new/", views.group_create, name="group-create"),
    path("groups/<int:pk>/", views.group_edit, name="group-edit"),
    path("groups/<int:pk>/stop/", views.group_stop, name="group-stop"),
    path("groups/<int:pk>/resume/", views.group_resume, name="group-resume"),
    path("groups/<int:pk>/committee/", views.committee_history, name="committee-history"),
    path("groups/<int:pk>/committee/new/", views.committee_create, name="committee-create"),
    path("groups/<int:pk>/committee/end-term/", views.committee_end_term, name="committee-end-term"),
    path("groups/<int:pk>/members/new/", views.member_create, name="member-create"),
    path("groups/<int:pk>/counts/new/", views.count_create, name="count-create"),
    path("committee/<int:pk>/", views.committee_edit, name="committee-edit"),
    path("members/<int:pk>/", views.member_edit, name="member-edit"),
    path("members/<int:pk>/leave/", views.member_leave, name="member-leave"),
    path("members/<int:pk>/beneficiaries/new/", views.beneficiary_create, name="beneficiary-create"),
    path("beneficiaries/<int:pk>/end/", views.beneficiary_end, name="beneficiary-end"),
]
