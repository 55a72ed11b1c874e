"""E-mails the conversation sends at once: a new question to the team, a report to the leaders.

Sent through Django's e-mail framework (console in development, SMTP in production, locmem in
tests), in the network's language, to people who may read the experiment.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.template.loader import render_to_string
from django.utils import translation

from knowledge.addresses import full_url
from knowledge.models import ExperimentPage


def _readers_among(users, experiment):
    """Those of users with an e-mail address who may read experiment (a members-only one, or
    one behind a group restriction, is not mailed to someone who cannot open it)."""
    return [
        user
        for user in users
        if user.email
        and user.is_active
        and ExperimentPage.objects.visible_to(user).filter(pk=experiment.pk).exists()
    ]


def _send(template, recipients, context):
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"conversation/mail/{template}_subject.txt", context)
        body = render_to_string(f"conversation/mail/{template}.txt", context)
    subject = " ".join(subject.split())
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]) for user in recipients]
    return send_mass_mail(messages, fail_silently=False)


def team_of(experiment):
    if not experiment.team_id:
        return []
    return list(experiment.team.members.all())


def leaders_of(experiment):
    group_id = experiment.school.leaders_group_id
    if group_id is None:
        return []
    return list(get_user_model().objects.filter(groups__pk=group_id))


def notify_team_of_question(comment, request):
    """Tell the experiment's team (or, without a team, the school's leaders) about a question."""
    experiment = comment.experiment
    people = team_of(experiment) or leaders_of(experiment)
    recipients = _readers_among([p for p in people if p.pk != comment.author_id], experiment)
    url = full_url(experiment, request) + f"#kommentar-{comment.pk}"
    return _send(
        "new_question", recipients, {"comment": comment, "experiment": experiment, "url": url}
    )


def notify_leaders_of_report(comment, request):
    experiment = comment.experiment
    recipients = _readers_among(leaders_of(experiment), experiment)
    url = full_url(experiment, request) + f"#kommentar-{comment.pk}"
    return _send("report", recipients, {"comment": comment, "experiment": experiment, "url": url})
