from django.urls import include, path, re_path

from . import findings_views, views

app_name = "knowledge"

urlpatterns = [
    path("emner/", views.tag_index, name="tag_index"),
    path("emner/<str:slug>/", views.tag_detail, name="tag_detail"),
    path("soeg/", include("knowledge.search.urls")),
    path("fund/", findings_views.findings, name="findings"),
    re_path(r"^fund/eksport\.(?P<file_format>csv|xlsx)$", findings_views.findings_export,
            name="findings_export"),
    path("forsoeg/", findings_views.experiments, name="experiments"),
    re_path(r"^forsoeg/eksport\.(?P<file_format>csv|xlsx)$", findings_views.experiments_export,
            name="experiments_export"),
]
