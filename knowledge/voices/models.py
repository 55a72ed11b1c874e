"""Open questions, the answers people give, and the runs of the theme analysis.

An open question belongs to one school (its leaders ask it) or one municipality (its curators
ask it); the answers are personal data, often children's, and only the owner's group and
administrators ever read them (see ``permissions.py``). Answers are anonymous unless the asker
explicitly collects names. Deleting a question deletes its answers and analyses.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

#: The longest answer stored, from the answer page or an import.
MAX_ANSWER_LENGTH = 2000


class RespondentGroup(models.TextChoices):
    PUPIL = "pupil", _("Pupil")
    PARENT = "parent", _("Parent")
    TEACHER = "teacher", _("Teacher")
    STAFF = "staff", _("Other staff")


class OpenQuestion(models.Model):
    """A question asked in the asker's own words, answered in the respondents' own words."""

    question = models.CharField(_("question"), max_length=300)
    introduction = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_(
            "Shown above the answer box: why you ask and what you will do with the answers."
        ),
    )
    owner_school = models.ForeignKey(
        "schools.SchoolPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="open_questions",
        verbose_name=_("asked by school"),
    )
    owner_municipality = models.ForeignKey(
        "schools.MunicipalityPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="open_questions",
        verbose_name=_("asked by municipality"),
    )
    for_pupils = models.BooleanField(_("pupils may answer"), default=True)
    for_parents = models.BooleanField(_("parents may answer"), default=True)
    for_teachers = models.BooleanField(_("teachers may answer"), default=True)
    for_staff = models.BooleanField(_("other staff may answer"), default=True)
    schools = models.ManyToManyField(
        "schools.SchoolPage",
        blank=True,
        related_name="+",
        verbose_name=_("schools"),
        help_text=_("The schools respondents choose between. Empty: every school of the owner."),
    )
    opens_at = models.DateTimeField(_("opens"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)
    anonymous = models.BooleanField(
        _("anonymous answers"),
        default=True,
        help_text=_("Leave this on unless you must know who answered: then a name is asked for."),
    )
    key = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # The public report: a snapshot of the picture as the owner published it (names, counts,
    # masked quotes), so later answers and edits reach the public only when published again.
    report = models.JSONField(null=True, blank=True, editable=False)
    report_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("open question")
        verbose_name_plural = _("open questions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(owner_school__isnull=False, owner_municipality__isnull=True)
                    | Q(owner_school__isnull=True, owner_municipality__isnull=False)
                ),
                name="open_question_has_one_owner",
            ),
        ]

    def __str__(self):
        return self.question

    @property
    def owner(self):
        return self.owner_school or self.owner_municipality

    def respondent_groups(self):
        """The groups that may answer, in the order they are offered."""
        allowed = {
            RespondentGroup.PUPIL: self.for_pupils,
            RespondentGroup.PARENT: self.for_parents,
            RespondentGroup.TEACHER: self.for_teachers,
            RespondentGroup.STAFF: self.for_staff,
        }
        return [group for group, allowed in allowed.items() if allowed]

    def school_choices(self):
        """The schools a respondent chooses between."""
        from schools.models import SchoolPage

        chosen = self.schools.all()
        if chosen.exists():
            return chosen.order_by("title")
        if self.owner_school_id:
            return SchoolPage.objects.filter(pk=self.owner_school_id)
        return SchoolPage.objects.child_of(self.owner_municipality).order_by("title")

    def is_open(self, now=None):
        now = now or timezone.now()
        return self.opens_at <= now and (self.closes_at is None or now < self.closes_at)


class AnswerSource(models.TextChoices):
    FORM = "form", _("Answer page")
    IMPORT = "import", _("Import")


class Answer(models.Model):
    """One respondent's answer, with the sentence vector computed once when it arrived."""

    question = models.ForeignKey(OpenQuestion, on_delete=models.CASCADE, related_name="answers")
    text = models.TextField(_("answer"))
    group = models.CharField(
        _("respondent group"), max_length=20, blank=True, choices=RespondentGroup.choices
    )
    school = models.ForeignKey(
        "schools.SchoolPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("school"),
    )
    respondent_name = models.CharField(_("name"), max_length=120, blank=True)
    source = models.CharField(
        max_length=10, choices=AnswerSource.choices, default=AnswerSource.FORM
    )
    # float32 little-endian (knowledge.voices.analysis.embedding.to_bytes); null until computed.
    embedding = models.BinaryField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        ordering = ["pk"]

    def __str__(self):
        return self.text[:60]


class AnalysisStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class Analysis(models.Model):
    """One run of the theme analysis of a question's answers, with its progress and result."""

    question = models.ForeignKey(OpenQuestion, on_delete=models.CASCADE, related_name="analyses")
    status = models.CharField(
        max_length=10, choices=AnalysisStatus.choices, default=AnalysisStatus.QUEUED
    )
    progress = models.FloatField(default=0.0)
    step = models.CharField(max_length=40, blank=True)
    answer_count = models.PositiveIntegerField(default=0)
    # {"themes": [...], "unique_voices": [...]} with answer primary keys, as analyse() gives.
    result = models.JSONField(null=True, blank=True)
    error = models.TextField(blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("analysis")
        verbose_name_plural = _("analyses")
        ordering = ["-created_at", "-pk"]


class EditKind(models.TextChoices):
    RENAME = "rename", _("Rename")
    MERGE = "merge", _("Merge")
    SPLIT = "split", _("Split")
    MOVE = "move", _("Move an answer")
    PIN = "pin", _("Pin a quote")
    EXPECT = "expect", _("Expected theme")


class ThemeEdit(models.Model):
    """One change the owner made to the picture, kept apart from the analysis that found it.

    Edits are applied in order to the newest analysis every time the picture is drawn, so a
    re-analysis after new answers keeps them. A theme is named by its answers (``anchor``: the
    answer ids it held when the edit was made) and found again as the theme now holding most of
    them; an edit whose answers are all gone no longer applies and is said so.
    """

    question = models.ForeignKey(OpenQuestion, on_delete=models.CASCADE, related_name="edits")
    kind = models.CharField(max_length=10, choices=EditKind.choices)
    # rename: {anchor, name}; merge: {anchor, other}; split: {anchor, word, name};
    # move: {answer, anchor}; pin: {answer}; expect: {name, words}
    payload = models.JSONField(default=dict)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("theme edit")
        verbose_name_plural = _("theme edits")
        ordering = ["pk"]


class ThemeExperimentLink(models.Model):
    """An experiment the owner confirmed addresses a theme of the question.

    The experiment page says so ("addresses a theme raised by N voices") only while the report
    is published; ``published_voices`` and ``published_theme`` are copied from the report when
    it is published, so the page never reads the analysis or the answers.
    """

    question = models.ForeignKey(
        OpenQuestion, on_delete=models.CASCADE, related_name="experiment_links"
    )
    experiment = models.ForeignKey(
        "knowledge.ExperimentPage", on_delete=models.CASCADE, related_name="voice_links"
    )
    anchor = models.JSONField(default=list)
    published_theme = models.CharField(max_length=200, blank=True)
    published_voices = models.PositiveIntegerField(default=0)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("theme and experiment")
        verbose_name_plural = _("themes and experiments")
        ordering = ["pk"]
