"""Practice experiments (praksisforsøg): what a teacher team tried, saw and learned."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager, PageQuerySet
from wagtail.search import index

from knowledge.experiments.blocks import ExperimentBodyBlock
from knowledge.experiments.chooser import ExperimentChooser
from knowledge.experiments.forms import ExperimentPageForm
from praksisnet.admin_titles import ReaderTitleMixin

#: Dates outside these years are typing errors (year 1 made an overview of 4,000 terms).
EARLIEST_YEAR, LATEST_YEAR = 1990, 2100

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link", "h3"]


class ExperimentStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class EvidenceKind(models.TextChoices):
    OBSERVATIONS = "observations", _("Observations")
    PUPIL_WORK = "pupil_work", _("Pupil work")
    SURVEY = "survey", _("Survey")
    TEST_RESULTS = "test_results", _("Test results")
    INTERVIEWS = "interviews", _("Interviews")
    OTHER = "other", _("Other")


class LinkKind(models.TextChoices):
    REPLICATES = "replicates", _("replicates")
    ADAPTS = "adapts", _("adapts")
    EXTENDS = "extends", _("extends")
    CONTRADICTS = "contradicts", _("contradicts")


class ExperimentTag(TaggedItemBase):
    content_object = ParentalKey(
        "knowledge.ExperimentPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ExperimentQuerySet(PageQuerySet):
    def visible_to(self, user):
        """Live experiments the user may read.

        Anonymous visitors never see restricted ones (members_only mirrors every view
        restriction on the page or above it). A logged-in member sees those restricted to
        logged-in users, but not those behind a restriction they do not pass: a group they are
        not in, or a shared password (a password opens one page, never a listing).
        """
        queryset = self.live()
        if user is None or not user.is_authenticated:
            return queryset.filter(members_only=False)
        if user.is_superuser:
            return queryset
        for path in restricted_paths_closed_to(user):
            queryset = queryset.exclude(members_only=True, path__startswith=path)
        return queryset


def restricted_paths_closed_to(user):
    """Tree paths of the pages whose view restriction a logged-in user does not pass.

    One query, remembered on the user object (one request's user): listings and the cache key
    (knowledge.cache.visibility_class) ask for it several times per request.
    """
    from wagtail.models import PageViewRestriction

    if not hasattr(user, "_closed_restriction_paths"):
        closed = PageViewRestriction.objects.filter(
            models.Q(restriction_type=PageViewRestriction.PASSWORD)
            | models.Q(restriction_type=PageViewRestriction.GROUPS)
            & ~models.Q(groups__in=user.groups.all())
        )
        user._closed_restriction_paths = sorted(set(closed.values_list("page__path", flat=True)))
    return user._closed_restriction_paths


ExperimentManager = PageManager.from_queryset(ExperimentQuerySet)


class ExperimentPage(ReaderTitleMixin, Page):
    """One practice experiment (prøvehandling) by a teacher team, published under its school."""

    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("Two or three sentences for listings and search results."),
    )
    team = models.ForeignKey(
        "schools.TeacherTeam",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="experiments",
        verbose_name=_("teacher team"),
    )
    grade_levels = ParentalManyToManyField(
        "knowledge.GradeLevel", related_name="experiments", verbose_name=_("grade levels")
    )
    subjects = ParentalManyToManyField(
        "knowledge.Subject", related_name="experiments", verbose_name=_("subjects")
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ExperimentStatus.choices,
        default=ExperimentStatus.PLANNED,
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    pupil_count = models.PositiveIntegerField(
        _("number of pupils involved"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(5000)],
        help_text=_("Roughly how many pupils took part, so readers can judge the scale."),
    )

    question = models.TextField(_("the question we wanted to answer"), max_length=1000)
    background = RichTextField(_("background"), blank=True, features=RICH_TEXT_FEATURES)
    what_we_did = StreamField(ExperimentBodyBlock(), verbose_name=_("what we did"), blank=True)
    observations = RichTextField(_("what we observed"), blank=True, features=RICH_TEXT_FEATURES)
    next_steps = RichTextField(_("next steps"), blank=True, features=RICH_TEXT_FEATURES)
    reflection = RichTextField(_("reflection"), blank=True, features=RICH_TEXT_FEATURES)

    picture = models.ForeignKey(
        "knowledge.PraksisImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("picture"),
    )
    tags = ClusterTaggableManager(through=ExperimentTag, blank=True, verbose_name=_("tags"))
    members_only = models.BooleanField(
        _("only for network members"),
        default=False,
        help_text=_("Only logged-in members of the network can read this experiment."),
    )

    objects = ExperimentManager()
    base_form_class = (
        ExperimentPageForm  # checks the "builds on" links (knowledge.experiments.links)
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                # A plain list of the school's own teams (ExperimentPageForm limits it), and
                # tick boxes instead of lists that need Ctrl-click for more than one choice.
                FieldPanel("team", widget=forms.Select),
                FieldPanel("grade_levels", widget=forms.CheckboxSelectMultiple),
                FieldPanel("subjects", widget=forms.CheckboxSelectMultiple),
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldPanel("pupil_count"),
            ],
            heading=_("About the experiment"),
        ),
        FieldPanel("question"),
        FieldPanel("background"),
        FieldPanel(
            "what_we_did",
            help_text=_(
                "What happened in the lessons, step by step. Add a paragraph, a picture, a quote "
                "from a pupil or a colleague, a table or a document with the + button, in the "
                "order a colleague should read them."
            ),
        ),
        FieldPanel("observations"),
        InlinePanel("findings", label=_("Findings"), min_num=0),
        FieldPanel("next_steps"),
        FieldPanel("reflection"),
        FieldPanel("picture"),
        FieldPanel("tags"),
        InlinePanel("links", label=_("Builds on")),
        FieldPanel("members_only"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary", boost=4),
        index.SearchField("question", boost=2),
        index.SearchField("background"),
        index.SearchField("what_we_did"),
        index.SearchField("observations"),
        index.SearchField("next_steps"),
        index.SearchField("reflection"),
        index.AutocompleteField("summary"),
        index.RelatedFields("findings", [index.SearchField("statement", boost=3)]),
        index.RelatedFields("tags", [index.SearchField("name", boost=3)]),
        index.RelatedFields("subjects", [index.SearchField("name", boost=2)]),
        index.FilterField("members_only"),
        index.FilterField("status"),
        index.FilterField("start_date"),
        index.FilterField("first_published_at"),
        index.FilterField("team"),
    ]

    parent_page_types = ["schools.SchoolPage"]
    subpage_types = []
    template = "knowledge/experiment_page.html"
    #: modelsearch's own post_save indexing left to knowledge.search.publishing, which skips
    #: the saves of a publish (indexed once, when it is complete) and a revision's bookkeeping.
    search_auto_update = False

    def with_content_json(self, content):
        """The page as a revision holds it: what a publish (and an alias's update) saves, with
        page_published sent after, once its tags and findings are written; the search index is
        written then (knowledge.search.publishing), not at this object's save too."""
        page = super().with_content_json(content)
        page.indexed_when_published = True
        return page

    @classmethod
    def get_indexed_objects(cls):
        # search_facets() reads these for every document of a rebuild.
        return super().get_indexed_objects().prefetch_related("grade_levels", "findings")

    def search_facets(self):
        """The facet values the search index stores with this experiment (see
        knowledge.search.facets), so the search page counts facets without the database."""
        from knowledge.search.facets import stored_facet_values

        return stored_facet_values(self)

    class Meta:
        verbose_name = _("practice experiment")
        verbose_name_plural = _("practice experiments")

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date cannot be before the start date.")
        for name in ("start_date", "end_date"):
            date = getattr(self, name)
            if date and not EARLIEST_YEAR <= date.year <= LATEST_YEAR:
                errors.setdefault(
                    name,
                    _("Give a date between %(earliest)s and %(latest)s.")
                    % {"earliest": EARLIEST_YEAR, "latest": LATEST_YEAR},
                )
        school = self._school_for_validation()
        if self.team_id and school and self.team.school_id != school.pk:
            errors["team"] = _("Choose a team from %(school)s.") % {"school": school.title}
        if errors:
            raise ValidationError(errors)

    def _school_for_validation(self):
        # A page being created has no path yet; its admin form (knowledge.experiments.forms) sets the school.
        if self.pk and self.depth:
            return self.get_parent()
        return getattr(self, "_parent_school", None)

    @cached_property
    def school(self):
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        from knowledge.experiments.links import links_for
        from knowledge.voices.picture.report import links_on_experiment as voice_links_on

        context = super().get_context(request, *args, **kwargs)
        # Lazy: a cached article never asks for them. Only what this reader may see.
        context["links"] = SimpleLazyObject(lambda: links_for(self, request.user))
        context["voice_links"] = SimpleLazyObject(lambda: voice_links_on(self))
        return context


class Finding(Orderable):
    """A finding: a short statement, and what it rests on."""

    page = ParentalKey(ExperimentPage, on_delete=models.CASCADE, related_name="findings")
    statement = models.TextField(_("finding"), max_length=600)
    evidence_kind = models.CharField(
        _("rests on"),
        max_length=20,
        choices=EvidenceKind.choices,
        default=EvidenceKind.OBSERVATIONS,
    )
    evidence = models.TextField(_("what it rests on, in detail"), max_length=1000, blank=True)

    panels = [FieldPanel("statement"), FieldPanel("evidence_kind"), FieldPanel("evidence")]

    class Meta(Orderable.Meta):
        verbose_name = _("finding")
        verbose_name_plural = _("findings")

    def __str__(self):
        return self.statement

    def save(self, *args, **kwargs):
        # /fund/ pages seek by (experiment, sort_order, id): a finding made outside the editor
        # (a script, the shell) goes last instead of having no place.
        if self.sort_order is None:
            last = Finding.objects.filter(page_id=self.page_id).aggregate(
                last=models.Max("sort_order")
            )["last"]
            self.sort_order = 0 if last is None else last + 1
        super().save(*args, **kwargs)


class ExperimentLink(Orderable):
    """What an experiment builds on: another experiment, at any school, and how."""

    page = ParentalKey(ExperimentPage, on_delete=models.CASCADE, related_name="links")
    target = models.ForeignKey(
        ExperimentPage,
        on_delete=models.CASCADE,
        related_name="incoming_links",
        verbose_name=_("experiment"),
    )
    kind = models.CharField(_("kind of link"), max_length=20, choices=LinkKind.choices)

    panels = [FieldPanel("kind"), FieldPanel("target", widget=ExperimentChooser)]

    class Meta(Orderable.Meta):
        verbose_name = _("builds on")
        verbose_name_plural = _("builds on")

    def clean(self):
        super().clean()
        if self.page_id and self.target_id == self.page_id:
            raise ValidationError({"target": _("An experiment cannot build on itself.")})
