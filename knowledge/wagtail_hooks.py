from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .experiments import autosaved, dashboard
from .experiments.file_privacy import refuse_hidden_documents
from .experiments.privacy import choosable_pages
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


@hooks.register("construct_page_chooser_queryset")
def only_pages_the_editor_may_read(pages, request):
    """The page chooser lists live pages the editor may read and the pages they may edit;
    another school's drafts and experiments behind restrictions they do not pass are not
    theirs to browse (the chooser would show their titles)."""
    return choosable_pages(pages, request.user)


hooks.register("construct_homepage_panels", dashboard.dashboard_panels)


@hooks.register("register_admin_urls")
def register_help_page():
    return [path("hjaelp/", dashboard.help_page, name="praksisnet_help")]


@hooks.register("construct_help_menu")
def danish_help_instead_of_wagtails_guide(request, menu_items):
    """The help menu leads to Praksisnet's own Danish help, not Wagtail's English guide."""
    menu_items[:] = [
        item
        for item in menu_items
        if item.name not in {"editor-guide"} and not item.name.startswith("whats-new-in-wagtail")
    ]
    menu_items.insert(
        0,
        MenuItem(
            _("Help with Praksisnet"),
            reverse("praksisnet_help"),
            name="praksisnet-help",
            icon_name="help",
            order=0,
        ),
    )


@hooks.register("before_create_page")
def one_experiment_however_often_its_form_is_sent(request, parent_page, page_class):
    return autosaved.replace_the_forms_own_draft(request, parent_page, page_class)
