"""No raw answer reaches anyone outside the question's owner group: not the public pages,
search, feeds, API or exports, and not the admin of another school or municipality."""

import pytest
from django.urls import reverse

from tests.support.network import PASSWORD, make_experiment

from .support import add_answers, make_question

pytestmark = pytest.mark.django_db

SECRET = "Zebraguld"  # a word that occurs nowhere else in the network
# What only the answers say (pages that echo a search echo SECRET itself).
ANSWER_WORDS = ("mit hemmelige ord", "ida@example.dk", "Kommunens svar med")


def leaks(content):
    return [words for words in ANSWER_WORDS if words.lower() in content.lower()]


PUBLIC_URLS = [
    "/",
    f"/soeg/?q={SECRET}",
    f"/soeg/forslag/?q={SECRET[:4]}",
    "/fund/",
    "/forsoeg/",
    "/fund/eksport.csv",
    "/forsoeg/eksport.csv",
    "/feeds/forsoeg.rss",
    "/feeds/forsoeg.atom",
    "/api/v2/experiments/",
    "/emner/",
]


@pytest.fixture
def answered(network):
    make_experiment(network.school_a, "Læsebånd med selvvalgte bøger", team=network.team_a)
    school_question = make_question(network.school_a)
    municipal_question = make_question(network.municipality_a, question="Kommunens spørgsmål")
    add_answers(school_question, [f"{SECRET} er mit hemmelige ord, skriv til ida@example.dk"])
    add_answers(municipal_question, [f"Kommunens svar med {SECRET}"], school=network.school_a)
    return school_question, municipal_question


@pytest.mark.parametrize("who", ["anonymous", "teacher_a", "leader_b", "curator_a", "leader_a"])
def test_public_pages_search_feeds_api_and_exports_never_show_an_answer(
    client, network, answered, who
):
    if who != "anonymous":
        client.login(username=getattr(network, who).username, password=PASSWORD)
    for question in answered:
        public = client.get(f"/stemmer/{question.key}/").content.decode()
        assert SECRET not in public
    for url in PUBLIC_URLS:
        response = client.get(url)
        assert response.status_code == 200, url
        assert not leaks(response.content.decode()), url


@pytest.mark.parametrize(
    "who, sees_school, sees_municipal",
    [
        ("leader_a", True, False),
        ("curator_a", False, True),
        ("admin", True, True),
        ("teacher_a", False, False),
        ("leader_b", False, False),
        ("teacher_b", False, False),
    ],
)
def test_only_the_owner_group_reads_the_raw_answers_in_the_admin(
    client, network, answered, who, sees_school, sees_municipal
):
    client.login(username=getattr(network, who).username, password=PASSWORD)
    school_question, municipal_question = answered
    for question, sees in ((school_question, sees_school), (municipal_question, sees_municipal)):
        response = client.get(reverse("voices_admin:answers", args=[question.pk]))
        assert bool(leaks(response.content.decode())) == sees, (who, question)
        assert response.status_code == (200 if sees else 404)
    for url in (
        reverse("open_questions:index"),
        f"/admin/pages/search/?q={SECRET}",
        f"/admin/open-questions/?q={SECRET}",
    ):
        assert not leaks(client.get(url).content.decode()), url


def test_the_command_and_the_admin_analysis_mask_what_identifies_people(
    client, network, answered, django_capture_on_commit_callbacks
):
    school_question, _ = answered
    add_answers(school_question, ["flere bøger", "mere tid til at læse", "mindre mobil"])
    client.login(username=network.leader_a.username, password=PASSWORD)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("voices_admin:analyse", args=[school_question.pk]))
    page = client.get(response.url).content.decode()
    assert "ida@example.dk" not in page
