"""Municipalities, schools and the teacher teams that run practice experiments."""

from django.conf import settings
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from praksisnet.admin_titles import ReaderTitleMixin

from .permissions import SchoolPagePermissionTester


class MunicipalityPage(ReaderTitleMixin, Page):
    """A municipality (kommune): owns its schools and the collections its curators build."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    curators_group = models.ForeignKey(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["knowledge.HomePage"]
    subpage_types = ["schools.SchoolPage", "knowledge.CollectionIndexPage"]

    def get_context(self, request, *args, **kwargs):
        from knowledge.listings.queries import public_pages

        context = super().get_context(request, *args, **kwargs)
        context["schools"] = public_pages(SchoolPage.objects.child_of(self).live()).order_by(
            "title"
        )
        return context

    template = "schools/municipality_page.html"

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")


class SchoolPage(ReaderTitleMixin, Page):
    """A school: its profile, its teacher teams and the experiments they publish under it.

    Creating one creates the school's teachers and leaders groups (see schools.groups).
    """

    description = models.TextField(_("short description"), max_length=600, blank=True)
    street_address = models.CharField(_("address"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=4, blank=True)
    city = models.CharField(_("town"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    picture = models.ForeignKey(
        "knowledge.PraksisImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("picture"),
    )
    teachers_group = models.ForeignKey(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    leaders_group = models.ForeignKey(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("street_address"), FieldPanel("postcode"), FieldPanel("city")],
            heading=_("Address"),
        ),
        FieldPanel("website"),
        FieldPanel("picture"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("description"),
        index.SearchField("city"),
    ]

    EXPERIMENTS_PER_PAGE = 20

    parent_page_types = ["schools.MunicipalityPage"]
    subpage_types = ["knowledge.ExperimentPage"]
    template = "schools/school_page.html"

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("schools")

    @cached_property
    def municipality(self):
        return self.get_parent().specific

    def permissions_for_user(self, user):
        return SchoolPagePermissionTester(user, self)

    def _with_listing_school(self, experiments):
        experiments = list(experiments)
        for experiment in experiments:
            experiment.listing_school = self
        return experiments

    def get_context(self, request, *args, **kwargs):
        from knowledge.cache import cached_listing
        from knowledge.listings.queries import (
            cached_keyset_page,
            experiments_for_listing,
            school_count,
        )
        from knowledge.models import ExperimentPage

        context = super().get_context(request, *args, **kwargs)
        experiments = experiments_for_listing(
            ExperimentPage.objects.child_of(self)
            .visible_to(request.user)
            .order_by("-first_published_at", "-pk")
        )
        context["experiments"] = cached_keyset_page(
            "school",
            request.user,
            [self.pk],
            experiments,
            self.EXPERIMENTS_PER_PAGE,
            request.GET,
            prepare=self._with_listing_school,
            count=school_count(request.user, self),
            chosen={"skole": [self.pk]},
        )
        context["teams"] = cached_listing(
            "school-teams",
            request.user,
            [self.pk],
            lambda: list(self.teams.prefetch_related("subjects")),
        )
        return context


class GradeBand(models.TextChoices):
    INDSKOLING = "indskoling", _("Early years (grades 0–3)")
    MELLEMTRIN = "mellemtrin", _("Middle years (grades 4–6)")
    UDSKOLING = "udskoling", _("Upper years (grades 7–10)")


class TeacherTeam(ClusterableModel):
    """A team of teachers at one school; experiments are published in a team's name."""

    school = models.ForeignKey(
        SchoolPage, on_delete=models.CASCADE, related_name="teams", verbose_name=_("school")
    )
    name = models.CharField(_("name"), max_length=120)
    grade_band = models.CharField(_("grade band"), max_length=20, choices=GradeBand.choices)
    subjects = ParentalManyToManyField(
        "knowledge.Subject", blank=True, related_name="teams", verbose_name=_("subjects")
    )
    members = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="teacher_teams",
        verbose_name=_("members"),
    )

    panels = [
        FieldPanel("school"),
        FieldPanel("name"),
        FieldPanel("grade_band"),
        FieldPanel("subjects", widget=None),
        FieldPanel("members"),
    ]

    class Meta:
        verbose_name = _("teacher team")
        verbose_name_plural = _("teacher teams")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["school", "name"], name="unique_team_name_per_school"),
        ]

    def __str__(self):
        return f"{self.name} ({self.school.title})"
