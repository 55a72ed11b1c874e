from django.conf import settings
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path, re_path
from django.views.decorators.cache import never_cache
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from knowledge import urls as knowledge_urls
from knowledge.experiments.media_files import serve_media
from knowledge.listings.api import api_router
from knowledge.tags import autocomplete as tag_autocomplete

from .admin_links import ReaderTitleExternalLinkView
from .admin_reports import AdministratorsPageTypesReport
from .password_limits import authenticate_with_password


def admin_view(view):
    """An admin address declared here, before the admin's own: as Wagtail guards its own views,
    for users with admin access only, and never cached."""
    return never_cache(require_admin_access(view))


urlpatterns = [
    # Before the admin's own (same addresses): tags of pages the user may not read stay unsaid.
    path(
        "admin/tag-autocomplete/",
        admin_view(tag_autocomplete.autocomplete),
        name="wagtailadmin_tag_autocomplete",
    ),
    path(
        "admin/tag-autocomplete/<slug:app_name>/<slug:model_name>/",
        admin_view(tag_autocomplete.autocomplete),
        name="wagtailadmin_tag_model_autocomplete",
    ),
    # Before the admin's own: a pasted address of a page is named by the title its reader may know.
    path(
        "admin/choose-external-link/",
        admin_view(ReaderTitleExternalLinkView.as_view()),
        name="wagtailadmin_choose_page_external_link",
    ),
    # Before the admin's own: the page-types report counts every school's drafts (admin_reports.py).
    path(
        "admin/reports/page-types-usage/",
        admin_view(AdministratorsPageTypesReport.as_view()),
        name="wagtailadmin_page_types_usage",
    ),
    path(
        "admin/reports/page-types-usage/results/",
        admin_view(AdministratorsPageTypesReport.as_view(results_only=True)),
        name="wagtailadmin_page_types_usage_results",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("i18n/setlang/", set_language, name="set_language"),
    # Before Wagtail's own (same address): wrong passwords for a page are counted and limited.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("stemmer/", include("knowledge.voices.urls")),
    path("samtale/", include("knowledge.conversation.urls")),
    # Uploads, in every settings module: images only to those who may see a page using them.
    re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.+)$", serve_media, name="media"),
    path("", include(knowledge_urls)),
]

if settings.DEBUG:
    urlpatterns += staticfiles_urlpatterns()

# Wagtail's page serving comes last: it catches every remaining path.
urlpatterns += [path("", include(wagtail_urls))]
