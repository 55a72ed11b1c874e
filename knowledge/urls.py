"""The public pages that are not Wagtail pages, by wing: tags, overviews, search, listings, feeds."""

from django.urls import include, path, re_path, register_converter

from .experiments import views as experiment_views
from .ids import PageIdConverter
from .listings import exports, feeds
from .listings import views as listings
from .overviews import views as overviews
from .tags import views as tags

register_converter(PageIdConverter, "page_id")

app_name = "knowledge"

urlpatterns = [
    path("emner/", tags.tag_index, name="tag_index"),
    path("emner/<str:slug>/", tags.tag_detail, name="tag_detail"),
    path("skole-oversigt/<page_id:school_id>/", overviews.school_overview, name="school_overview"),
    path(
        "kommune-oversigt/<page_id:municipality_id>/",
        overviews.municipality_overview,
        name="municipality_overview",
    ),
    path("evidens/", experiment_views.evidence_help, name="evidence_help"),
    path("soeg/", include("knowledge.search.urls")),
    path("fund/", listings.findings, name="findings"),
    re_path(
        r"^fund/eksport\.(?P<file_format>csv|xlsx)$",
        exports.findings_export,
        name="findings_export",
    ),
    path("forsoeg/", listings.experiments, name="experiments"),
    re_path(
        r"^forsoeg/eksport\.(?P<file_format>csv|xlsx)$",
        exports.experiments_export,
        name="experiments_export",
    ),
    path("feeds/forsoeg.rss", feeds.ExperimentFeed(), name="feed_rss"),
    path("feeds/forsoeg.atom", feeds.atom(feeds.ExperimentFeed)(), name="feed_atom"),
    path("feeds/skole/<page_id:school_id>/forsoeg.rss", feeds.SchoolFeed(), name="school_feed_rss"),
    path(
        "feeds/skole/<page_id:school_id>/forsoeg.atom",
        feeds.atom(feeds.SchoolFeed)(),
        name="school_feed_atom",
    ),
    path("feeds/emne/<str:slug>/forsoeg.rss", feeds.TagFeed(), name="tag_feed_rss"),
    path("feeds/emne/<str:slug>/forsoeg.atom", feeds.atom(feeds.TagFeed)(), name="tag_feed_atom"),
    path(
        "feeds/samling/<page_id:collection_id>/forsoeg.rss",
        feeds.CollectionFeed(),
        name="collection_feed_rss",
    ),
    path(
        "feeds/samling/<page_id:collection_id>/forsoeg.atom",
        feeds.atom(feeds.CollectionFeed)(),
        name="collection_feed_atom",
    ),
]
