from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Subject


class SubjectViewSet(SnippetViewSet):
    model = Subject
    icon = "list-ul"
    menu_label = _("Subjects")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name"]
    search_fields = ["name"]


register_snippet(SubjectViewSet)
