"""The e-mail digest: what is new in what a member follows, since their last digest.

A digest holds new experiments at followed schools, with followed tags or in followed collections;
followed experiments published again (new findings); replications (experiments that "build on" a
followed experiment or one of a followed school); and answers to the member's own questions. All
of it starts from ExperimentPage.objects.visible_to(member), so a digest never holds anything the
member could not open on the site. send_digests() is run by the management command of that name,
which a scheduler starts (daily: members who chose weekly get theirs when a week has passed).
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from knowledge.addresses import on_base_url
from knowledge.models import CollectionItem, ExperimentLink, ExperimentPage

from .models import Comment, DigestFrequency, DigestSettings, Follow, FollowKind
from .tokens import unsubscribe_token

PERIODS = {
    DigestFrequency.DAILY: datetime.timedelta(days=1),
    DigestFrequency.WEEKLY: datetime.timedelta(days=7),
}
#: A scheduler's daily run starts a little earlier or later each day; a digest due within this
#: margin is sent now rather than a whole day late.
SCHEDULE_MARGIN = datetime.timedelta(hours=2)


@dataclass
class Digest:
    user: object
    since: datetime.datetime
    until: datetime.datetime
    new_experiments: list = field(default_factory=list)
    updated_experiments: list = field(default_factory=list)
    replications: list = field(default_factory=list)  # ExperimentLink rows, page = the new one
    answers: list = field(default_factory=list)  # Comment rows answering the member's questions

    def __bool__(self):
        return bool(
            self.new_experiments or self.updated_experiments or self.replications or self.answers
        )


def _followed(user):
    follows = list(Follow.objects.filter(user=user).select_related("page"))
    by_kind = {kind: [] for kind in FollowKind.values}
    for item in follows:
        by_kind[item.kind].append(item.page if item.page_id else item.tag_id)
    return by_kind


def _in_followed_places(followed):
    """Q for experiments at a followed school, with a followed tag or in a followed collection."""
    condition = Q(pk__in=[])
    for school in followed[FollowKind.SCHOOL]:
        condition |= Q(path__startswith=school.path)
    if followed[FollowKind.TAG]:
        condition |= Q(tags__in=followed[FollowKind.TAG])
    collections = [page.pk for page in followed[FollowKind.COLLECTION]]
    if collections:
        items = CollectionItem.objects.filter(page_id__in=collections).values("experiment_id")
        condition |= Q(pk__in=items)
    return condition


def build_digest(user, since, until):
    visible = ExperimentPage.objects.visible_to(user)
    followed = _followed(user)
    window = Q(first_published_at__gt=since, first_published_at__lte=until)
    followed_experiments = [page.pk for page in followed[FollowKind.EXPERIMENT]]
    places = _in_followed_places(followed)

    new = list(
        visible.filter(places)
        .filter(window)
        .distinct()
        .prefetch_related("findings")
        .order_by("first_published_at", "pk")
    )
    updated = list(
        visible.filter(pk__in=followed_experiments, first_published_at__lte=since)
        .filter(last_published_at__gt=since, last_published_at__lte=until)
        .prefetch_related("findings")
        .order_by("last_published_at", "pk")
    )
    built_on = visible.filter(Q(pk__in=followed_experiments) | places)
    replications = list(
        ExperimentLink.objects.filter(
            page__in=visible.filter(window).values("pk"),
            target__in=built_on.values("pk"),
        )
        .select_related("page", "target")
        .order_by("page__first_published_at", "pk")
    )
    answers = list(
        Comment.objects.on_experiments_visible_to(user)
        .shown()
        .filter(parent__author=user, parent__hidden=False)
        .filter(created_at__gt=since, created_at__lte=until)
        .exclude(author=user)
        .select_related("author", "parent", "experiment")
    )
    return Digest(user, since, until, new, updated, replications, answers)


def _page_url(page):
    return on_base_url(page.url)


def digest_message(digest, connection=None):
    """The digest as an e-mail, in the network's language, with its unsubscribe link."""
    unsubscribe_url = on_base_url(
        reverse("conversation:unsubscribe", args=[unsubscribe_token(digest.user)])
    )
    context = {
        "digest": digest,
        "new": [(e, _page_url(e)) for e in digest.new_experiments],
        "updated": [(e, _page_url(e)) for e in digest.updated_experiments],
        "replications": [(link, _page_url(link.page)) for link in digest.replications],
        "answers": [(c, _page_url(c.experiment) + f"#kommentar-{c.pk}") for c in digest.answers],
        "subscriptions_url": on_base_url(reverse("conversation:subscriptions")),
        "unsubscribe_url": unsubscribe_url,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = " ".join(
            render_to_string("conversation/mail/digest_subject.txt", context).split()
        )
        body = render_to_string("conversation/mail/digest.txt", context)
    return EmailMessage(
        subject,
        body,
        settings.DEFAULT_FROM_EMAIL,
        [digest.user.email],
        connection=connection,
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )


def due_settings(now, frequency=None):
    """The DigestSettings whose digest is due at now (optionally of one frequency only)."""
    rows = DigestSettings.objects.exclude(frequency=DigestFrequency.NEVER).filter(
        user__is_active=True
    )
    rows = rows.exclude(user__email="").select_related("user")
    if frequency:
        rows = rows.filter(frequency=frequency)
    due = []
    for row in rows:
        period = PERIODS[row.frequency]
        if row.reported_until is None or row.reported_until <= now - period + SCHEDULE_MARGIN:
            due.append(row)
    return due


@dataclass
class SendingReport:
    sent: int = 0
    empty: int = 0


def send_digests(now=None, frequency=None):
    """Send every due digest that has something to say; each member's window moves on to now."""
    now = now or timezone.now()
    report = SendingReport()
    connection = get_connection()
    for row in due_settings(now, frequency):
        since = row.reported_until or now - PERIODS[row.frequency]
        digest = build_digest(row.user, since, now)
        if digest:
            digest_message(digest, connection).send()
            report.sent += 1
        else:
            report.empty += 1
        row.reported_until = now
        row.save(update_fields=["reported_until"])
    return report
