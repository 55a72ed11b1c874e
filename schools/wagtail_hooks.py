from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import TeacherTeam


class TeacherTeamViewSet(SnippetViewSet):
    model = TeacherTeam
    icon = "group"
    menu_label = _("Teacher teams")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["name", "school", "grade_band"]
    list_filter = ["grade_band"]
    search_fields = ["name"]


register_snippet(TeacherTeamViewSet)


@hooks.register("construct_page_action_menu")
def one_way_to_publish_a_page_in_moderation(menu_items, request, context):
    """A leader approving a teacher's experiment sees "Godkend og udgiv" only: "Udgiv" beside it
    would publish the same page but leave the approval open, and the leader had to guess."""
    if any(item.name == "approve" for item in menu_items):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("construct_reports_menu")
def page_types_report_for_administrators_only(request, menu_items):
    """See praksisnet/admin_reports.py: the report counts every school's drafts."""
    from praksisnet.admin_reports import MENU_ITEM_NAME, may_see_page_types_report

    if not may_see_page_types_report(request.user):
        menu_items[:] = [item for item in menu_items if item.name != MENU_ITEM_NAME]
