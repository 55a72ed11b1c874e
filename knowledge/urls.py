from django.urls import include, path, re_path

from . import feeds, findings_views, overviews, views

app_name = "knowledge"

urlpatterns = [
    path("emner/", views.tag_index, name="tag_index"),
    path("emner/<str:slug>/", views.tag_detail, name="tag_detail"),
    path("skole-oversigt/<int:school_id>/", overviews.school_overview, name="school_overview"),
    path("kommune-oversigt/<int:municipality_id>/", overviews.municipality_overview,
         name="municipality_overview"),
    path("soeg/", include("knowledge.search.urls")),
    path("fund/", findings_views.findings, name="findings"),
    re_path(r"^fund/eksport\.(?P<file_format>csv|xlsx)$", findings_views.findings_export,
            name="findings_export"),
    path("forsoeg/", findings_views.experiments, name="experiments"),
    re_path(r"^forsoeg/eksport\.(?P<file_format>csv|xlsx)$", findings_views.experiments_export,
            name="experiments_export"),
    path("feeds/forsoeg.rss", feeds.ExperimentFeed(), name="feed_rss"),
    path("feeds/forsoeg.atom", feeds.atom(feeds.ExperimentFeed)(), name="feed_atom"),
    path("feeds/skole/<int:school_id>/forsoeg.rss", feeds.SchoolFeed(), name="school_feed_rss"),
    path("feeds/skole/<int:school_id>/forsoeg.atom", feeds.atom(feeds.SchoolFeed)(),
         name="school_feed_atom"),
    path("feeds/emne/<str:slug>/forsoeg.rss", feeds.TagFeed(), name="tag_feed_rss"),
    path("feeds/emne/<str:slug>/forsoeg.atom", feeds.atom(feeds.TagFeed)(), name="tag_feed_atom"),
    path("feeds/samling/<int:collection_id>/forsoeg.rss", feeds.CollectionFeed(),
         name="collection_feed_rss"),
    path("feeds/samling/<int:collection_id>/forsoeg.atom", feeds.atom(feeds.CollectionFeed)(),
         name="collection_feed_atom"),
]
