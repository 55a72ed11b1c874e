"""The e-mail digest and the send_digests command a scheduler runs."""

import datetime
from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from knowledge.conversation.digest import send_digests
from knowledge.conversation.models import (
    Comment,
    DigestFrequency,
    DigestSettings,
    Follow,
    FollowKind,
)
from knowledge.conversation.tokens import user_id_from_token
from knowledge.models import ExperimentLink, ExperimentPage, LinkKind
from tests.support.network import build_network, make_experiment

pytestmark = pytest.mark.django_db

DAY = datetime.timedelta(days=1)


@pytest.fixture
def network():
    n = build_network()
    n.old = make_experiment(n.school_a, "Læsemakkere")
    ExperimentPage.objects.filter(pk=n.old.pk).update(
        first_published_at=timezone.now() - 30 * DAY, last_published_at=timezone.now() - 30 * DAY
    )
    n.reader = n.teacher_b
    return n


def subscribe(user, frequency=DigestFrequency.WEEKLY, last=8 * DAY):
    return DigestSettings.objects.create(
        user=user, frequency=frequency, reported_until=timezone.now() - last
    )


def follow(user, page=None, kind=FollowKind.SCHOOL, tag=None):
    return Follow.objects.create(user=user, kind=kind, page=page, tag=tag)


def test_a_weekly_digest_lists_new_experiments_at_a_followed_school(network):
    subscribe(network.reader)
    follow(network.reader, network.school_a)
    make_experiment(network.school_a, "Skrivestafet", findings=("Drengene skrev længere.",))
    report = send_digests()
    assert (report.sent, report.empty) == (1, 0)
    [message] = mail.outbox
    assert message.to == [network.reader.email]
    assert "Skrivestafet" in message.body
    assert "Drengene skrev længere." in message.body
    assert "Læsemakkere" not in message.body  # not new
    token = message.extra_headers["List-Unsubscribe"].strip("<>").split("/samtale/afmeld/")[1]
    assert user_id_from_token(token.strip("/")) == network.reader.pk
    assert "/samtale/afmeld/" in message.body


def test_the_digest_holds_only_what_the_member_may_read(network):
    subscribe(network.reader)
    follow(network.reader, network.school_a)
    make_experiment(network.school_a, "Kladde", live=False)
    closed = make_experiment(network.school_a, "Kun for ledere", members_only=True)
    restriction = PageViewRestriction.objects.create(
        page=closed, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Ledelsen")])
    assert send_digests().empty == 1
    assert mail.outbox == []


def test_replications_and_answers_to_ones_questions_are_in_the_digest(network):
    subscribe(network.reader, DigestFrequency.DAILY, last=DAY)
    follow(network.reader, network.old, FollowKind.EXPERIMENT)
    copy = make_experiment(network.school_a, "Læsemakkere igen")
    ExperimentLink.objects.create(page=copy, target=network.old, kind=LinkKind.REPLICATES)
    question = Comment.objects.create(
        experiment=network.old, author=network.reader, body="Hvor længe læste de?"
    )
    Comment.objects.create(
        experiment=network.old, author=network.teacher_a, parent=question, body="Et kvarter."
    )
    Comment.objects.create(
        experiment=network.old,
        author=network.teacher_a,
        parent=question,
        body="Skjult svar",
        hidden=True,
    )
    send_digests()
    [message] = mail.outbox
    # The digest is written in the network's language (Danish).
    assert "“Læsemakkere igen” gentager “Læsemakkere”" in message.body
    assert "Et kvarter." in message.body
    assert "Skjult svar" not in message.body


def test_a_weekly_digest_waits_a_week_and_nothing_new_sends_nothing(network):
    row = subscribe(network.reader, last=3 * DAY)
    follow(network.reader, network.school_a)
    make_experiment(network.school_a, "Skrivestafet")
    assert send_digests().sent == 0  # three days after the last one: not due
    later = timezone.now() + 5 * DAY
    assert send_digests(now=later).sent == 1
    row.refresh_from_db()
    assert row.reported_until == later
    assert send_digests(now=later + 7 * DAY).empty == 1  # nothing new since
    assert len(mail.outbox) == 1


def test_members_who_chose_no_email_or_have_no_address_get_nothing(network):
    subscribe(network.reader, DigestFrequency.NEVER)
    network.teacher_a.email = ""
    network.teacher_a.save()
    subscribe(network.teacher_a)
    for user in (network.reader, network.teacher_a):
        follow(user, network.school_a)
    make_experiment(network.school_a, "Skrivestafet")
    assert send_digests().sent == 0
    assert mail.outbox == []


def test_the_command_sends_the_due_digests_and_says_how_many(network):
    subscribe(network.reader)
    follow(network.reader, network.school_a)
    make_experiment(network.school_a, "Skrivestafet")
    out = StringIO()
    call_command("send_digests", "--frequency", "weekly", stdout=out)
    assert out.getvalue().strip() == "Sent 1 digest(s); 0 member(s) had nothing new."
    assert len(mail.outbox) == 1


def test_production_sends_mail_through_the_smtp_server_its_environment_names(monkeypatch):
    import importlib

    monkeypatch.setenv("DJANGO_SECRET_KEY", "production-test-only")
    monkeypatch.setenv("DJANGO_ALLOWED_HOSTS", "praksisnet.example")
    monkeypatch.setenv("EMAIL_HOST", "smtp.kommune.example")
    monkeypatch.setenv("EMAIL_PORT", "465")
    monkeypatch.setenv("EMAIL_HOST_USER", "praksisnet")
    production = importlib.reload(importlib.import_module("praksisnet.settings.production"))
    assert production.EMAIL_BACKEND == "django.core.mail.backends.smtp.EmailBackend"
    assert (production.EMAIL_HOST, production.EMAIL_PORT) == ("smtp.kommune.example", 465)
    assert production.EMAIL_HOST_USER == "praksisnet"
    dev = importlib.import_module("praksisnet.settings.dev")
    assert dev.EMAIL_BACKEND == "django.core.mail.backends.console.EmailBackend"
