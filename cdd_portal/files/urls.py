from django.urls import path

from cdd_portal.files import views

app_name = "files"

urlpatterns = [
    path("<int:pk>/", views.download, name="download"),
]
