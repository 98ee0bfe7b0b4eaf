from django.urls import path

from funds.assessments import views

app_name = "assessments"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/", views.assess, name="assess"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/edit/", views.edit, name="edit"),
    path("sets/", views.set_list, name="set-list"),
    path("sets/new/", views.set_create, name="set-create"),
    path("sets/<int:pk>/", views.set_detail, name="set-detail"),
    path("sets/<int:pk>/edit/", views.set_edit, name="set-edit"),
    path("sets/<int:pk>/indicators/", views.set_indicators, name="set-indicators"),
    path("sets/<int:pk>/rules/", views.set_rules, name="set-rules"),
    path("sets/<int:pk>/publish/", views.set_publish, name="set-publish"),
    path("sets/<int:pk>/new-version/", views.set_new_version, name="set-new-version"),
    path("mother-funds/", views.mother_list, name="mother-list"),
    path("mother-funds/new/", views.mother_create, name="mother-create"),
    path("mother-funds/<int:pk>/", views.mother_detail, name="mother-detail"),
    path("mother-funds/<int:pk>/edit/", views.mother_edit, name="mother-edit"),
    path("mother-funds/<int:pk>/stop/", views.mother_stop, name="mother-stop"),
    path("summary/", views.summary, name="summary"),
]
