from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .experiments.document_privacy import refuse_hidden_documents
from .models import Subject, SynonymGroup
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


class SynonymGroupViewSet(SnippetViewSet):
    """Synonyms for search, beside the ones the project ships; they count from the next search."""

    model = SynonymGroup
    icon = "search"
    menu_label = _("Search synonyms")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["words"]
    search_fields = ["words"]


register_snippet(SynonymGroupViewSet)


@hooks.register("register_admin_viewset")
def register_tag_viewset():
    return TagViewSet()


hooks.register("before_serve_document", refuse_hidden_documents)
