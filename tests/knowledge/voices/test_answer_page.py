"""The public answer page: one box, two choices, closed questions, honeypot, length, rate limit."""

import datetime

import pytest
from django.utils import timezone

from knowledge.voices import answering
from knowledge.voices.answering import ANSWERS_PER_ADDRESS
from knowledge.voices.models import MAX_ANSWER_LENGTH, Answer

from .support import add_answers, make_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(network):
    return make_question(network.school_a, introduction="Vi vil gerne høre, hvad du synes.")


def url(question):
    return f"/stemmer/{question.key}/"


def post(client, question, address="127.0.0.1", forwarded_for=None, **data):
    fields = {
        "text": "Flere bøger om heste i klassen",
        "group": "pupil",
        "school": str(question.owner_school.pk),
        "website": "",
    }
    fields.update(data)
    headers = {"HTTP_X_FORWARDED_FOR": forwarded_for} if forwarded_for else {}
    return client.post(url(question), fields, REMOTE_ADDR=address, **headers)


def test_the_page_has_one_box_two_choices_and_says_what_happens(client, question):
    page = client.get(url(question)).content.decode()
    assert page.count("<textarea") == 1
    assert 'type="radio"' in page and "<select" in page
    for danish in (
        "Hvad sker der med dit svar?",
        "Ingen kan se, hvem der har skrevet hvad",
        "Du kan ikke se, hvad andre har svaret her.",
        "Send mit svar",
        "Elev",
        "Forælder",
        'name="viewport"',
    ):
        assert danish in page
    assert "Skjoldhøjskolen" in page


def test_an_answer_is_stored_with_its_group_school_and_vector_and_thanked(
    client, question, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, question)
    assert response.status_code == 302 and response.url == f"/stemmer/{question.key}/tak/"
    answer = Answer.objects.get()
    assert (answer.text, answer.group, answer.school) == (
        "Flere bøger om heste i klassen",
        "pupil",
        question.owner_school,
    )
    assert answer.respondent_name == "" and answer.embedding is not None
    assert "Tak for dit svar" in client.get(response.url).content.decode()


def test_the_page_never_shows_other_peoples_answers(client, question):
    add_answers(question, ["Min lærer er dum og hedder noget hemmeligt"])
    post(client, question, text="Et andet svar med en hemmelighed")
    for path in (url(question), f"/stemmer/{question.key}/tak/"):
        page = client.get(path).content.decode()
        assert "hemmeligt" not in page and "hemmelighed" not in page


def test_a_closed_question_says_so_and_takes_no_answer(client, question):
    question.closes_at = timezone.now() - datetime.timedelta(days=1)
    question.opens_at = timezone.now() - datetime.timedelta(days=10)
    question.save()
    page = client.get(url(question)).content.decode()
    assert "Spørgsmålet er lukket" in page and "<textarea" not in page
    post(client, question)
    assert not Answer.objects.exists()


def test_a_question_not_yet_open_takes_no_answer(client, question):
    question.opens_at = timezone.now() + datetime.timedelta(days=1)
    question.save()
    post(client, question)
    assert not Answer.objects.exists()


def test_a_filled_honeypot_is_thanked_and_dropped(client, question):
    response = post(client, question, website="http://spam.example")
    assert response.status_code == 302
    assert not Answer.objects.exists()


def test_a_too_long_answer_gets_a_message_and_keeps_the_text(client, question):
    text = "a" * (MAX_ANSWER_LENGTH + 1)
    response = post(client, question, text=text)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Dit svar er for langt" in page and text in page
    assert not Answer.objects.exists()


def test_missing_choices_are_explained(client, question):
    response = post(client, question, text="", group="", school="")
    page = response.content.decode()
    for message in ("Skriv dit svar i feltet først.", "Vælg, hvem du er.", "Vælg din skole."):
        assert message in page
    assert not Answer.objects.exists()


def test_only_the_chosen_groups_may_answer(client, question):
    question.for_parents = False
    question.save()
    assert "Forælder" not in client.get(url(question)).content.decode()
    post(client, question, group="parent")
    assert not Answer.objects.exists()


def test_answers_from_one_address_are_limited(client, question):
    for number in range(ANSWERS_PER_ADDRESS):
        assert post(client, question, text=f"svar nummer {number}").status_code == 302
    response = post(client, question, text="et svar for meget")
    assert response.status_code == 429
    assert "prøv igen om en time" in response.content.decode()
    assert Answer.objects.count() == ANSWERS_PER_ADDRESS
    assert (
        post(client, question, text="fra en anden adresse", address="10.0.0.9").status_code == 302
    )


def test_a_class_on_one_school_network_can_all_answer(client, question):
    for pupil in range(30):
        assert post(client, question, text=f"svar fra elev {pupil}").status_code == 302
    assert Answer.objects.count() == 30


def test_behind_the_proxy_each_respondent_is_limited_by_their_own_address(
    client, question, settings, monkeypatch
):
    settings.PRAKSISNET_PROXY_COUNT = 1
    monkeypatch.setattr(answering, "ANSWERS_PER_ADDRESS", 2)
    proxy = "10.0.0.1"
    for number in range(2):
        assert (
            post(client, question, proxy, "198.51.100.7", text=f"svar {number}").status_code == 302
        )
    assert post(client, question, proxy, "198.51.100.7", text="et for meget").status_code == 429
    assert post(client, question, proxy, "203.0.113.5", text="en anden elev").status_code == 302
    assert Answer.objects.count() == 3


def test_the_limit_of_one_question_does_not_block_another(client, question, monkeypatch):
    monkeypatch.setattr(answering, "ANSWERS_PER_ADDRESS", 1)
    other = make_question(question.owner_school, question="Hvad gør frikvarteret godt?")
    assert post(client, question, text="første svar").status_code == 302
    assert post(client, question, text="andet svar").status_code == 429
    assert post(client, other, text="svar på det andet spørgsmål").status_code == 302


def test_a_named_question_asks_for_the_name(client, question):
    question.anonymous = False
    question.save()
    response = post(client, question)
    assert response.status_code == 400
    post(client, question, name="Ida")
    assert Answer.objects.get().respondent_name == "Ida"


def test_an_unknown_question_is_not_found(client):
    assert client.get("/stemmer/00000000-0000-0000-0000-000000000000/").status_code == 404
