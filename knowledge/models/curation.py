"""Collections of experiments curated by a municipality for its schools."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from knowledge.curation.forms import CollectionPageForm
from knowledge.experiments.chooser import ExperimentChooser
from praksisnet.admin_titles import ReaderTitleMixin


class CollectionIndexPage(ReaderTitleMixin, Page):
    """The folder of a municipality's collections; its curators' permissions are granted here."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["schools.MunicipalityPage"]
    subpage_types = ["knowledge.CollectionPage"]
    template = "knowledge/collection_index_page.html"
    max_count_per_parent = 1

    def permissions_for_user(self, user):
        from schools.permissions import CollectionFolderPermissionTester

        return CollectionFolderPermissionTester(user, self)

    class Meta:
        verbose_name = _("collections")
        verbose_name_plural = _("collection folders")


class CollectionPage(ReaderTitleMixin, Page):
    """An ordered, annotated list of experiments from any school."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("items", label=_("Experiments")),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    base_form_class = CollectionPageForm  # each experiment once, published ones only
    parent_page_types = ["knowledge.CollectionIndexPage"]
    subpage_types = []
    template = "knowledge/collection_page.html"

    class Meta:
        verbose_name = _("collection")
        verbose_name_plural = _("collections")


class CollectionItem(Orderable):
    page = ParentalKey(CollectionPage, on_delete=models.CASCADE, related_name="items")
    experiment = models.ForeignKey(
        "knowledge.ExperimentPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("experiment"),
    )
    note = models.TextField(_("why it is here"), max_length=800, blank=True)

    panels = [FieldPanel("experiment", widget=ExperimentChooser), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("experiment in collection")
        verbose_name_plural = _("experiments in collection")
