"""The published report, the search over answers, the exports, the links from themes to
experiments, and that answers never leak through any of them (or the feeds and the API)."""

import csv
import io

import pytest
from django.urls import reverse

from knowledge.voices.models import ThemeExperimentLink
from knowledge.voices.picture.building import picture_of
from tests.support.network import PASSWORD, make_experiment

from ..support import BOOKS, PHONES, READING_TIME, add_answers, analysed, make_question

pytestmark = pytest.mark.django_db

SECRET = "ida@example.dk"
PUBLIC_URLS = [
    "/",
    "/fund/",
    "/forsoeg/",
    "/forsoeg/eksport.csv",
    "/feeds/forsoeg.rss",
    "/api/v2/experiments/",
    "/soeg/?q=bibliotek",
]


@pytest.fixture
def question(network):
    question = make_question(network.school_a)
    add_answers(question, BOOKS * 3, group="pupil")
    add_answers(question, PHONES * 3, group="parent")
    add_answers(question, READING_TIME * 3, group="teacher")
    add_answers(question, [f"skriv til {SECRET} om flere bøger på biblioteket"], group="pupil")
    analysed(question)
    return question


def as_leader(client, network):
    client.login(username=network.leader_a.username, password=PASSWORD)


def books_theme(question):
    answer = question.answers.get(text__startswith="skriv til")
    return next(t for t in picture_of(question).themes if answer.pk in t.anchor)


def test_an_unpublished_report_is_not_found_and_a_published_one_shows_only_the_snapshot(
    client, network, question
):
    url = reverse("voices:report", args=[question.key])
    assert client.get(url).status_code == 404
    as_leader(client, network)
    client.post(reverse("voices_admin:picture_publish", args=[question.pk]))
    client.logout()
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert SECRET not in page
    assert "voices-picture.css" in page  # the print stylesheet
    assert response.context["report"]["themes"]
    # An answer arriving after publishing reaches the public only when published again.
    add_answers(question, ["Zebraguld er et nyt svar"])
    analysed(question)
    assert "Zebraguld" not in client.get(url).content.decode()
    as_leader(client, network)
    client.post(reverse("voices_admin:picture_publish", args=[question.pk]), {"unpublish": "1"})
    client.logout()
    assert client.get(url).status_code == 404


def test_the_search_over_answers_finds_by_danish_stems_and_filters(client, network, question):
    as_leader(client, network)
    url = reverse("voices_admin:picture_search", args=[question.pk])
    found = client.get(url, {"q": "bibliotekerne"}).context["answers"]  # finds "biblioteket"
    assert found and all("bibliotek" in a["text"] for a in found)
    assert all(SECRET not in a["text"] for a in found)
    parents = client.get(url, {"group": "parent"}).context["answers"]
    assert {a["group"] for a in parents} == {"Forælder"}
    theme = books_theme(question)
    in_theme = client.get(url, {"theme": theme.index}).context["count"]
    assert in_theme == theme.voices
    notice = client.get(url, {"q": "og"}).content.decode()
    assert "lille ord" in notice
    assert client.get(url, {"theme": "x"}).status_code == 200


def test_exports_hold_every_answer_with_its_themes_masked_and_formula_safe(
    client, network, question
):
    add_answers(question, ['=HYPERLINK("http://x")'])
    as_leader(client, network)
    response = client.get(reverse("voices_admin:picture_export", args=[question.pk, "csv"]))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == question.answers.count() + 1
    text = response.content.decode("utf-8-sig")
    assert SECRET not in text and "[e-mail]" in text
    assert "'=HYPERLINK" in text
    assert any(row[4] for row in rows[1:])  # themes
    xlsx = client.get(reverse("voices_admin:picture_export", args=[question.pk, "xlsx"]))
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    assert (
        client.get(reverse("voices_admin:picture_export", args=[question.pk, "pdf"])).status_code
        == 404
    )


def test_a_linked_experiment_says_it_addresses_the_theme_once_the_report_is_published(
    client, network, question
):
    experiment = make_experiment(network.school_a, "Nye bøger på biblioteket", team=network.team_a)
    hidden = make_experiment(network.school_a, "Skjulte bøger på biblioteket", members_only=True)
    as_leader(client, network)
    theme = books_theme(question)
    page = client.get(
        reverse("voices_admin:picture", args=[question.pk]), {"practice": theme.index}
    )
    suggested = page.context["practice"]["experiments"]
    assert experiment in suggested
    client.post(
        reverse("voices_admin:picture_link", args=[question.pk]),
        {"theme_index": theme.index, "experiment": experiment.pk},
    )
    client.post(
        reverse("voices_admin:picture_link", args=[question.pk]),
        {"theme_index": theme.index, "experiment": hidden.pk},
    )
    assert ThemeExperimentLink.objects.count() == 2
    client.logout()
    assert "Adresserer et tema" not in client.get(experiment.url).content.decode()
    as_leader(client, network)
    client.post(reverse("voices_admin:picture_publish", args=[question.pk]))
    client.logout()
    page = client.get(experiment.url).content.decode()
    assert f"Adresserer et tema rejst af {theme.voices} stemmer i »{question.question}«" in page
    report = client.get(reverse("voices:report", args=[question.key])).content.decode()
    assert experiment.title in report and hidden.title not in report


def test_a_teacher_cannot_link_publish_or_export(client, network, question):
    client.login(username=network.teacher_a.username, password=PASSWORD)
    for name in ("picture_publish", "picture_link", "picture_edit", "picture_expect"):
        assert client.post(reverse(f"voices_admin:{name}", args=[question.pk])).status_code == 404
    assert question.edits.count() == 0 and question.report is None


@pytest.mark.parametrize("who", ["anonymous", "teacher_a", "leader_b"])
def test_published_or_not_answers_never_reach_feeds_api_search_or_exports(
    client, network, question, who
):
    as_leader(client, network)
    client.post(reverse("voices_admin:picture_publish", args=[question.pk]))
    client.logout()
    if who != "anonymous":
        client.login(username=getattr(network, who).username, password=PASSWORD)
    for url in PUBLIC_URLS:
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        assert SECRET not in content and "mindre mobil og skærm derhjemme" not in content, url


def test_a_curator_starts_a_draft_collection_from_a_theme(client, network):
    from knowledge.models import CollectionIndexPage, CollectionPage

    folder = CollectionIndexPage(title="Samlinger")
    network.municipality_a.add_child(instance=folder)
    question = make_question(network.municipality_a, question="Kommunens spørgsmål")
    add_answers(question, BOOKS * 3 + PHONES * 3, school=network.school_a)
    analysed(question)
    client.login(username=network.curator_a.username, password=PASSWORD)
    page = client.get(reverse("voices_admin:picture", args=[question.pk])).content.decode()
    assert "Start en samling ud fra dette tema" in page
    theme = picture_of(question).themes[0]
    response = client.post(
        reverse("voices_admin:picture_collection", args=[question.pk]),
        {"theme_index": theme.index},
    )
    collection = CollectionPage.objects.get()
    assert collection.title == theme.name and not collection.live
    assert response.url == reverse("wagtailadmin_pages:edit", args=[collection.pk])
