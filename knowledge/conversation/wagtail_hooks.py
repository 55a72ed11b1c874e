"""The conversation in the admin: the list of reported comments, its menu item and its count
on the leader's dashboard (knowledge.conversation.moderation)."""

from django.urls import include, path, re_path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import moderation, roles

# Ids of 1 to 12 digits, as knowledge.ids allows: a huge number is a 404, not a database error.
COMMENT = r"(?P<comment_id>[0-9]{1,12})"

moderation_urls = (
    [
        path("", moderation.reported_list, name="reported"),
        re_path(rf"^{COMMENT}/skjul/$", moderation.hide, name="hide"),
        re_path(rf"^{COMMENT}/behold/$", moderation.keep, name="keep"),
        re_path(rf"^{COMMENT}/slet/$", moderation.delete, name="delete"),
    ],
    "conversation_moderation",
)


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [path("rapporterede-kommentarer/", include(moderation_urls))]


class ModeratorMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.moderates_anything(request.user)


@hooks.register("register_admin_menu_item")
def register_reported_comments_menu_item():
    return ModeratorMenuItem(
        _("Reported comments"),
        reverse("conversation_moderation:reported"),
        name="reported-comments",
        icon_name="warning",
        order=330,
    )


@hooks.register("construct_homepage_panels")
def reported_comments_on_the_dashboard(request, panels):
    if roles.moderates_anything(request.user):
        panels.insert(0, moderation.ReportedCommentsPanel(request.user))
