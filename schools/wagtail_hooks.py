from django.utils.translation import gettext_lazy as _
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
