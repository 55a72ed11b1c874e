from django.urls import path

from . import views

app_name = "knowledge"

urlpatterns = [
    path("emner/", views.tag_index, name="tag_index"),
    path("emner/<str:slug>/", views.tag_detail, name="tag_detail"),
]
