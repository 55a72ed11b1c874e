from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .experiments.document_privacy import refuse_hidden_documents
from .models import Subject
from .tags.admin import TagViewSet


class SubjectViewSet(SnippetViewSet):
    model = Subject
    icon = "list-ul"
    menu_label = _("Subjects")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name"]
    search_fields = ["name"]


register_snippet(SubjectViewSet)


@hooks.register("register_admin_viewset")
def register_tag_viewset():
    return TagViewSet()


hooks.register("before_serve_document", refuse_hidden_documents)
