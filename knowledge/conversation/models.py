"""What members say about experiments, and what they follow.

A Comment is a question or remark on an experiment by a logged-in member; the experiment's team
(and the school's leaders) answer it one level deep. Leaders moderate (hide, delete) what is
said under their school; any member can report a comment to them. A Follow is a member's interest
in a school, a tag, a collection or an experiment; the digest (knowledge.conversation.digest)
mails what is new there at the frequency the member chose in their DigestSettings.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

#: The longest comment a member can write: a question and its context, not an essay.
MAX_COMMENT_LENGTH = 2000


class CommentQuerySet(models.QuerySet):
    def shown(self):
        return self.filter(hidden=False)

    def reported(self):
        return self.filter(reports__isnull=False).distinct()

    def on_experiments_visible_to(self, user):
        """Comments on the experiments user may read (the one privacy choke point)."""
        from knowledge.models import ExperimentPage

        visible = ExperimentPage.objects.visible_to(user)
        return self.filter(experiment__in=visible.values("pk"))


class Comment(models.Model):
    """A question or comment on an experiment, or (with a parent) an answer to one."""

    experiment = models.ForeignKey(
        "knowledge.ExperimentPage",
        on_delete=models.CASCADE,
        related_name="comments",
        verbose_name=_("experiment"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="experiment_comments",
        verbose_name=_("author"),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("answer to"),
    )
    body = models.TextField(_("text"), max_length=MAX_COMMENT_LENGTH)
    created_at = models.DateTimeField(_("written"), auto_now_add=True, db_index=True)
    hidden = models.BooleanField(_("hidden by a leader"), default=False)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hidden by"),
    )

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self):
        return self.body[:60]

    @property
    def is_answer(self):
        return self.parent_id is not None

    def set_hidden(self, hidden, by):
        self.hidden = hidden
        self.hidden_by = by if hidden else None
        self.save(update_fields=["hidden", "hidden_by"])


class CommentReport(models.Model):
    """A member's report of a comment to the school's leaders; one per member and comment."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter"], name="one_report_per_member")
        ]


class FollowKind(models.TextChoices):
    SCHOOL = "school", _("School")
    TAG = "tag", _("Tag")
    COLLECTION = "collection", _("Collection")
    EXPERIMENT = "experiment", _("Experiment")


class Follow(models.Model):
    """A member follows one school, collection or experiment (a page) or one tag."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="follows"
    )
    kind = models.CharField(max_length=20, choices=FollowKind.choices)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    tag = models.ForeignKey(
        "taggit.Tag", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "page"], name="follow_a_page_once"),
            models.UniqueConstraint(fields=["user", "tag"], name="follow_a_tag_once"),
            models.CheckConstraint(
                condition=models.Q(page__isnull=False, tag__isnull=True)
                | models.Q(page__isnull=True, tag__isnull=False),
                name="follow_a_page_or_a_tag",
            ),
        ]


class DigestFrequency(models.TextChoices):
    NEVER = "never", _("No e-mail")
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


class DigestSettings(models.Model):
    """How often a member wants the digest, and up to when the last one reported."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="digest_settings"
    )
    frequency = models.CharField(
        _("e-mail digest"),
        max_length=10,
        choices=DigestFrequency.choices,
        default=DigestFrequency.WEEKLY,
    )
    # The digest reports what happened after this moment; set when a digest is sent.
    reported_until = models.DateTimeField(null=True, blank=True)
