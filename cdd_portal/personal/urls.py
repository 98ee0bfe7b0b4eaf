from django.contrib.auth.decorators import login_required
from django.urls import path

from cdd_portal.personal import views

app_name = "personal"

urlpatterns = [
    path("reveal/<str:model_label>/<int:pk>/<str:field>/", login_required(views.reveal), name="reveal"),
]
