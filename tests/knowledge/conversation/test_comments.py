"""Questions, answers, moderation and reports on an experiment's page."""

import html

import pytest
from django.conf import settings
from django.core import mail

from knowledge.conversation.limits import COMMENTS_PER_WINDOW
from knowledge.conversation.models import Comment, CommentReport
from tests.support.english import english  # noqa: F401
from tests.support.network import build_network, make_experiment, make_user

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

QUESTION = "Hvordan organiserede I grupperne?"


@pytest.fixture
def network():
    n = build_network()
    n.experiment = make_experiment(n.school_a, "Læsemakkere i 4.a", team=n.team_a)
    n.secret = make_experiment(n.school_a, "Trivsel i 6.b", team=n.team_a, members_only=True)
    return n


def log_out(client):
    """Log out and keep reading the site in English (logout() forgets every cookie)."""
    client.logout()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def text(response):
    return html.unescape(response.content.decode())


def ask(client, experiment, text=QUESTION):
    return client.post(f"/samtale/forsoeg/{experiment.pk}/spoerg/", {"body": text})


def question_by(user, experiment, text=QUESTION):
    return Comment.objects.create(experiment=experiment, author=user, body=text)


def test_a_member_asks_and_the_team_is_told_by_email(client, network):
    client.force_login(network.teacher_b)
    response = ask(client, network.experiment)
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{network.experiment.url}#kommentar-{comment.pk}"
    assert (comment.author, comment.experiment.pk) == (network.teacher_b, network.experiment.pk)
    assert [message.to for message in mail.outbox] == [[network.teacher_a.email]]
    assert "Læsemakkere i 4.a" in mail.outbox[0].subject
    assert QUESTION in mail.outbox[0].body
    assert f"#kommentar-{comment.pk}" in mail.outbox[0].body

    page = client.get(network.experiment.url).content.decode()
    assert QUESTION in page
    assert "Your question has been posted" in page


def test_what_a_member_writes_is_shown_as_text_never_as_html(client, network):
    client.force_login(network.teacher_b)
    ask(client, network.experiment, '<script>alert("x")</script><b>fed</b>')
    page = client.get(network.experiment.url).content.decode()
    assert '<script>alert("x")</script>' not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;fed&lt;/b&gt;" in page


def test_anonymous_visitors_see_how_many_comments_but_not_what_they_say(client, network):
    question_by(network.teacher_b, network.experiment)
    page = client.get(network.experiment.url).content.decode()
    assert QUESTION not in page
    assert "1 question or comment from the network" in page
    assert "Log in to take part" in page
    assert 'action="/samtale/forsoeg/' not in page


def test_an_anonymous_post_is_sent_to_the_login_and_saves_nothing(client, network):
    response = ask(client, network.experiment)
    assert response.status_code == 302
    assert response["Location"].startswith("/_util/login/?next=")
    assert not Comment.objects.exists()


def test_no_one_can_comment_on_an_experiment_they_cannot_read(client, network):
    assert ask(client, network.secret).status_code == 404
    outsider = make_user("udenfor")
    client.force_login(outsider)
    unpublished = make_experiment(network.school_a, "Kladde", live=False)
    assert ask(client, unpublished).status_code == 404
    assert client.post("/samtale/forsoeg/99999999999999999999/spoerg/").status_code == 404
    assert not Comment.objects.exists()


def test_members_read_and_join_the_conversation_on_members_only_experiments(client, network):
    question_by(network.teacher_b, network.secret)
    client.force_login(network.leader_b)
    page = client.get(network.secret.url).content.decode()
    assert QUESTION in page
    assert ask(client, network.secret, "Hvor lang tid tog det?").status_code == 302


def test_an_empty_or_too_long_text_is_refused_with_a_message_and_kept(client, network):
    client.force_login(network.teacher_b)
    response = ask(client, network.experiment, "   ")
    assert response.status_code == 400
    assert "Write something before you send it." in response.content.decode()
    long_text = "x" * 2001
    response = ask(client, network.experiment, long_text)
    assert response.status_code == 400
    page = response.content.decode()
    assert "at most 2000 characters (you wrote 2001)" in page
    assert long_text in page
    assert not Comment.objects.exists()


def test_a_member_who_writes_too_much_at_once_is_asked_to_wait(client, network):
    client.force_login(network.teacher_b)
    for number in range(COMMENTS_PER_WINDOW):
        assert ask(client, network.experiment, f"Spørgsmål {number}").status_code == 302
    response = ask(client, network.experiment, "Et spørgsmål for meget")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Wait a few minutes" in page
    assert "Et spørgsmål for meget" in page
    assert Comment.objects.count() == COMMENTS_PER_WINDOW


def test_the_team_answers_a_question_one_level_deep(client, network):
    question = question_by(network.teacher_b, network.experiment)
    client.force_login(network.teacher_a)
    response = client.post(f"/samtale/kommentar/{question.pk}/svar/", {"body": "I grupper á fire."})
    assert response.status_code == 302
    reply = Comment.objects.get(parent=question)
    assert reply.author == network.teacher_a
    page = client.get(network.experiment.url).content.decode()
    assert "I grupper á fire." in page

    response = client.post(f"/samtale/kommentar/{reply.pk}/svar/", {"body": "Svar på svar"})
    assert response.status_code == 403
    assert "Answers are given to a question" in response.content.decode()


def test_a_hidden_question_cannot_be_answered(client, network):
    question = question_by(network.teacher_b, network.experiment)
    Comment.objects.filter(pk=question.pk).update(hidden=True)
    client.force_login(network.teacher_a)
    response = client.post(f"/samtale/kommentar/{question.pk}/svar/", {"body": "Svar"})
    assert response.status_code == 403
    assert "This question is hidden" in text(response)
    assert not Comment.objects.filter(parent=question).exists()


def test_only_the_team_and_the_school_leaders_answer(client, network):
    question = question_by(network.teacher_b, network.experiment)
    client.force_login(network.leader_b)
    response = client.post(f"/samtale/kommentar/{question.pk}/svar/", {"body": "Ikke mit forsøg"})
    assert response.status_code == 403
    assert "Only the experiment's team" in text(response)
    client.force_login(network.leader_a)
    response = client.post(f"/samtale/kommentar/{question.pk}/svar/", {"body": "Ledelsens svar"})
    assert response.status_code == 302
    assert Comment.objects.filter(parent=question).count() == 1


def test_the_school_leader_hides_a_comment_from_everyone_but_the_leaders(client, network):
    question = question_by(network.teacher_b, network.experiment, "Upassende bemærkning")
    client.force_login(network.leader_a)
    assert client.post(f"/samtale/kommentar/{question.pk}/skjul/").status_code == 302
    question.refresh_from_db()
    assert question.hidden and question.hidden_by == network.leader_a
    leader_page = client.get(network.experiment.url).content.decode()
    assert "Upassende bemærkning" in leader_page
    assert "Hidden: only leaders see it" in leader_page

    client.force_login(network.teacher_b)
    assert "Upassende bemærkning" not in client.get(network.experiment.url).content.decode()
    log_out(client)
    assert "0 questions and comments" in client.get(network.experiment.url).content.decode()

    client.force_login(network.leader_a)
    client.post(f"/samtale/kommentar/{question.pk}/skjul/", {"hidden": "0"})
    question.refresh_from_db()
    assert not question.hidden


def test_leaders_of_another_school_and_teachers_cannot_moderate(client, network):
    question = question_by(network.teacher_b, network.experiment)
    for user in (network.leader_b, network.teacher_a):
        client.force_login(user)
        for action in ("skjul", "slet"):
            response = client.post(f"/samtale/kommentar/{question.pk}/{action}/")
            assert response.status_code == 403
            assert "Only the school's leaders moderate" in text(response)
    question.refresh_from_db()
    assert not question.hidden


def test_deleting_a_question_deletes_its_answers(client, network):
    question = question_by(network.teacher_b, network.experiment)
    Comment.objects.create(
        experiment=network.experiment, author=network.teacher_a, parent=question, body="Svar"
    )
    client.force_login(network.leader_a)
    response = client.post(f"/samtale/kommentar/{question.pk}/slet/", {"confirmed": "1"})
    assert response.status_code == 302
    assert not Comment.objects.exists()


def test_deleting_a_comment_asks_first_and_only_a_confirming_post_deletes(client, network):
    question = question_by(network.teacher_b, network.experiment, "Skal det slettes?")
    Comment.objects.create(
        experiment=network.experiment, author=network.teacher_a, parent=question, body="Svar"
    )
    client.force_login(network.leader_a)
    page = client.get(network.experiment.url).content.decode()
    assert f'href="/samtale/kommentar/{question.pk}/slet/"' in page
    for asking in (client.get, client.post):
        response = asking(f"/samtale/kommentar/{question.pk}/slet/")
        assert response.status_code == 200
        confirmation = text(response)
        assert "Delete the comment?" in confirmation and "Skal det slettes?" in confirmation
        assert "Its answer is deleted with it." in confirmation
        assert 'name="confirmed" value="1"' in confirmation
        assert "csrfmiddlewaretoken" in confirmation
    assert Comment.objects.count() == 2
    response = client.post(f"/samtale/kommentar/{question.pk}/slet/", {"confirmed": "1"})
    assert response.status_code == 302
    assert not Comment.objects.exists()


def test_a_deletion_without_the_csrf_token_is_refused(network):
    from django.test import Client

    question = question_by(network.teacher_b, network.experiment)
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(network.leader_a)
    response = strict.post(f"/samtale/kommentar/{question.pk}/slet/", {"confirmed": "1"})
    assert response.status_code == 403
    assert Comment.objects.filter(pk=question.pk).exists()


def test_a_report_tells_the_school_leaders_once(client, network):
    question = question_by(network.teacher_a, network.experiment, "Noget grimt")
    client.force_login(network.teacher_b)
    client.post(f"/samtale/kommentar/{question.pk}/rapporter/")
    assert [message.to for message in mail.outbox] == [[network.leader_a.email]]
    assert "Noget grimt" in mail.outbox[0].body
    response = client.post(f"/samtale/kommentar/{question.pk}/rapporter/", follow=True)
    assert "You have already reported this comment." in response.content.decode()
    assert len(mail.outbox) == 1
    assert CommentReport.objects.count() == 1

    client.force_login(network.leader_a)
    assert "Reported 1 time" in client.get(network.experiment.url).content.decode()


def test_a_comment_on_an_experiment_one_cannot_read_cannot_be_reached(client, network):
    question = question_by(network.teacher_b, network.secret)
    for action in ("svar", "skjul", "slet", "rapporter"):
        response = client.post(f"/samtale/kommentar/{question.pk}/{action}/")
        assert response.status_code == 404
    assert Comment.objects.count() == 1


def test_the_conversation_costs_the_same_queries_however_long_it_grows(client, network):
    from tests.support.queries import cold_and_warm_queries

    def converse(first, last):
        for number in range(first, last + 1):
            question = question_by(network.teacher_b, network.experiment, f"Spørgsmål {number}")
            Comment.objects.create(
                experiment=network.experiment,
                author=network.teacher_a,
                parent=question,
                body=f"Svar {number}",
            )

    client.force_login(network.leader_a)
    converse(1, 2)
    short = cold_and_warm_queries(client, network.experiment.url)
    converse(3, 10)
    page = client.get(network.experiment.url).content.decode()
    assert "Spørgsmål 10" in page and "Svar 10" in page
    assert cold_and_warm_queries(client, network.experiment.url) == short


def test_a_question_is_kept_when_the_mail_server_is_down(client, network, monkeypatch):
    import smtplib

    def refuse(*args, **kwargs):
        raise smtplib.SMTPConnectError(421, "mail server down")

    monkeypatch.setattr("knowledge.conversation.notify.send_mass_mail", refuse)
    client.force_login(network.teacher_b)
    response = ask(client, network.experiment)
    assert response.status_code == 302
    assert Comment.objects.get().body == QUESTION
