"""The title the admin shows for a page is the one its reader may know.

Wagtail's admin names a page by its latest draft title (``get_admin_display_title``) in the
page chooser, the chosen-page widget, bulk-action confirmations and reports, whoever looks.
A teacher browsing another school's pages would read the titles of unpublished changes, and of
pages behind restrictions they do not pass. So, during a request, a page the user may edit
keeps Wagtail's draft title; a live page they may read shows its published title; any other
page is named only by a neutral phrase. Outside a request (commands, tests without one) the
title is Wagtail's.
"""

from contextvars import ContextVar

from django.utils.translation import gettext

_current_request = ContextVar("praksisnet_admin_title_request", default=None)


class ReaderTitleMiddleware:
    """Remembers the request, so page titles can be chosen for its user (after authentication)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)


def readable_live_page(page, user):
    """Whether the page is live and behind no view restriction the user does not pass."""
    from knowledge.models.experiments import restricted_paths_closed_to

    return page.live and not any(
        page.path.startswith(path) for path in restricted_paths_closed_to(user)
    )


def title_for_reader(page, user):
    if user.is_superuser or page.permissions_for_user(user).can_edit():
        return None  # Wagtail's own: the latest draft's title
    if readable_live_page(page, user):
        return page.title
    return gettext("(a page you do not have access to)")


class ReaderTitleMixin:
    """For every page model of the project: the admin's title for the page, per reader."""

    def get_admin_display_title(self):
        request = _current_request.get()
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            title = title_for_reader(self, user)
            if title is not None:
                return title
        return super().get_admin_display_title()
