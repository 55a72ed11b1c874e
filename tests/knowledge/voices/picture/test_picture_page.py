"""The owner's picture of a question: themes with voices and quotes, minority themes apart,
unique voices, and nobody else reading it."""

import pytest
from django.urls import reverse

from knowledge.voices.picture.building import picture_of
from tests.support.network import PASSWORD

from ..support import BOOKS, PHONES, READING_TIME, add_answers, analysed, make_question

pytestmark = pytest.mark.django_db


@pytest.fixture
def question(network):
    question = make_question(network.school_a)
    add_answers(question, BOOKS * 3, group="pupil")
    add_answers(question, PHONES * 3, group="parent")
    add_answers(question, READING_TIME * 3, group="teacher")
    add_answers(question, ["skriv til mig på ida@example.dk om en ridebog"], group="pupil")
    analysed(question)
    return question


def test_the_owner_reads_themes_with_voices_and_masked_quotes(client, network, question):
    client.login(username=network.leader_a.username, password=PASSWORD)
    response = client.get(reverse("voices_admin:picture", args=[question.pk]))
    assert response.status_code == 200
    picture = response.context["picture"]
    assert sum(t.voices for t in picture.themes) == question.answers.count()
    assert len(picture.themes) >= 3
    page = response.content.decode()
    assert "ida@example.dk" not in page
    for theme in picture.themes:
        assert f"{theme.voices} stemme" in page
        assert theme.quotes
        # Thirty people writing the same words are quoted once.
        assert len({q.text for q in theme.quotes}) == len(theme.quotes)


def test_quotes_give_each_group_in_a_theme_a_voice(network):
    question = make_question(network.school_a)
    add_answers(question, BOOKS * 2, group="pupil")
    add_answers(
        question,
        ["biblioteket mangler nye bøger til de store", "flere bøger på biblioteket om dyr"],
        group="parent",
    )
    add_answers(question, PHONES * 3, group="parent")
    picture = picture_of(question, analysed(question))
    books = next(t for t in picture.themes if "bøger" in t.name or "bibliotek" in t.name)
    assert {q.group for q in books.quotes} >= {"Elev", "Forælder"}


@pytest.mark.parametrize("who", ["teacher_a", "leader_b", "curator_a"])
def test_nobody_outside_the_owner_group_sees_the_picture(client, network, question, who):
    client.login(username=getattr(network, who).username, password=PASSWORD)
    for name in ("picture", "picture_search"):
        assert client.get(reverse(f"voices_admin:{name}", args=[question.pk])).status_code == 404
    url = reverse("voices_admin:picture_export", args=[question.pk, "csv"])
    assert client.get(url).status_code == 404


def test_before_any_analysis_the_page_says_so_and_offers_expected_themes(client, network):
    question = make_question(network.school_a)
    client.login(username=network.leader_a.username, password=PASSWORD)
    page = client.get(reverse("voices_admin:picture", args=[question.pk])).content.decode()
    assert "Ingen analyse endnu" in page
    assert 'name="words"' in page


def test_the_picture_page_costs_the_same_queries_for_more_answers_and_edits(client, network):
    from knowledge.voices.models import ThemeEdit
    from tests.support.queries import cold_and_warm_queries

    client.login(username=network.leader_a.username, password=PASSWORD)
    question = make_question(network.school_a)
    url = reverse("voices_admin:picture", args=[question.pk])
    counts = []
    for copies in (2, 6):
        question.answers.all().delete()
        ThemeEdit.objects.filter(question=question).delete()
        add_answers(question, BOOKS * copies, group="pupil")
        add_answers(question, PHONES * copies, group="parent")
        picture = picture_of(question, analysed(question))
        ThemeEdit.objects.create(
            question=question,
            kind="rename",
            payload={"anchor": picture.themes[0].anchor, "name": "A"},
        )
        ThemeEdit.objects.create(
            question=question, kind="pin", payload={"answer": picture.themes[1].anchor[0]}
        )
        counts.append(cold_and_warm_queries(client, url))
    assert counts[0] == counts[1]
