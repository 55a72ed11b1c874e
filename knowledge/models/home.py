"""The network's front page."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from praksisnet.admin_titles import ReaderTitleMixin


class HomePage(ReaderTitleMixin, Page):
    """What the network is, its newest experiments, its most used tags and its numbers."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["schools.MunicipalityPage"]
    template = "knowledge/home_page.html"
    max_count = 1

    class Meta:
        verbose_name = _("network home page")

    def get_context(self, request, *args, **kwargs):
        from knowledge.listings.queries import cached_home_listings

        context = super().get_context(request, *args, **kwargs)
        context.update(cached_home_listings(request.user))  # newest, popular tags, numbers
        return context
