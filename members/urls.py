from django.urls import path

from . import views

app_name = "members"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("privacy/", views.privacy, name="privacy"),
    path("privacy/download/", views.download_data, name="download_data"),
    path("delete/", views.delete_account, name="delete_account"),
]
