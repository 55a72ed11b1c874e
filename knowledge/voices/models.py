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
