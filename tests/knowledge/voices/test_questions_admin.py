"""Asking in the Wagtail admin: leaders for their school, curators for their municipality, and
nobody reads another school's or municipality's questions, answers or analyses."""

import pytest
from django.urls import reverse

from knowledge.voices.models import Analysis, Answer, OpenQuestion
from tests.support.network import PASSWORD

from .support import add_answers, make_question

pytestmark = pytest.mark.django_db


def login(client, user):
    assert client.login(username=user.username, password=PASSWORD)
    return client


def question_form(**fields):
    data = {
        "question": "Hvad kan vi gøre, for at alle trives i frikvartererne?",
        "introduction": "Skriv med dine egne ord.",
        "owner_school": "",
        "owner_municipality": "",
        "for_pupils": "on",
        "for_parents": "on",
        "opens_at": "2026-01-01 08:00",
        "closes_at": "",
        "anonymous": "on",
    }
    data.update(fields)
    return data


def test_a_leader_asks_a_question_for_their_school(client, network):
    login(client, network.leader_a)
    form = client.get(reverse("open_questions:add"))
    assert form.status_code == 200
    page = form.content.decode()
    assert "Skjoldhøjskolen" in page and "Rosengårdskolen" not in page
    assert "hvem må svare" in page.lower() and "anonyme svar" in page.lower()
    response = client.post(
        reverse("open_questions:add"), question_form(owner_school=network.school_a.pk)
    )
    question = OpenQuestion.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("voices_admin:answers", args=[question.pk])
    assert question.owner_school == network.school_a and question.anonymous
    assert question.created_by == network.leader_a
    assert question.respondent_groups() == ["pupil", "parent"]


def test_a_leader_cannot_ask_in_another_schools_name(client, network):
    login(client, network.leader_a)
    response = client.post(
        reverse("open_questions:add"), question_form(owner_school=network.school_b.pk)
    )
    assert response.status_code == 200
    assert not OpenQuestion.objects.exists()


def test_a_question_needs_one_owner_and_a_group(client, network):
    login(client, network.admin)
    page = client.post(
        reverse("open_questions:add"),
        question_form(
            owner_school=network.school_a.pk,
            owner_municipality=network.municipality_a.pk,
            for_pupils="",
            for_parents="",
        ),
    ).content.decode()
    assert "Vælg enten den skole eller den kommune" in page
    assert "Vælg mindst én gruppe" in page
    assert not OpenQuestion.objects.exists()


def test_a_curator_asks_for_the_municipality(client, network):
    login(client, network.curator_a)
    client.post(
        reverse("open_questions:add"), question_form(owner_municipality=network.municipality_a.pk)
    )
    question = OpenQuestion.objects.get()
    assert question.owner_municipality == network.municipality_a
    assert list(question.school_choices()) == [network.school_a]


def test_each_owner_lists_only_their_own_questions(client, network):
    ours = make_question(network.school_a, question="Skolens eget spørgsmål om læsning")
    theirs = make_question(network.school_b, question="Den anden skoles spørgsmål om trivsel")
    municipal = make_question(network.municipality_a, question="Kommunens spørgsmål om mad")
    expectations = {
        network.leader_a: {ours},
        network.leader_b: {theirs},
        network.curator_a: {municipal},
        network.admin: {ours, theirs, municipal},
    }
    for user, visible in expectations.items():
        client.logout()
        page = login(client, user).get(reverse("open_questions:index")).content.decode()
        for question in (ours, theirs, municipal):
            assert (question.question in page) == (question in visible), (user, question)


@pytest.mark.parametrize("outsider", ["leader_b", "teacher_a", "curator_a"])
def test_outsiders_cannot_open_edit_or_delete_a_schools_question(client, network, outsider):
    question = make_question(network.school_a)
    add_answers(question, ["Hemmeligt svar fra en elev"])
    analysis = Analysis.objects.create(
        question=question, status="done", answer_count=1, result={"themes": [], "unique_voices": []}
    )
    login(client, getattr(network, outsider))
    for url in (
        reverse("open_questions:edit", args=[question.pk]),
        reverse("open_questions:delete", args=[question.pk]),
        reverse("voices_admin:answers", args=[question.pk]),
        reverse("voices_admin:analysis", args=[question.pk, analysis.pk]),
        reverse("voices_admin:import", args=[question.pk]),
    ):
        response = client.get(url)
        assert response.status_code in (302, 403, 404), url
        assert "Hemmeligt svar" not in response.content.decode()
    assert client.post(reverse("voices_admin:analyse", args=[question.pk])).status_code in (
        302,
        403,
        404,
    )
    assert Analysis.objects.count() == 1
    client.post(reverse("open_questions:delete", args=[question.pk]))
    assert OpenQuestion.objects.filter(pk=question.pk).exists()


def test_the_owner_reads_the_raw_answers(client, network):
    question = make_question(network.school_a)
    add_answers(question, ["Min lærer Hanne læser højt for os"])
    login(client, network.leader_a)
    assert client.get(reverse("open_questions:edit", args=[question.pk])).status_code == 200
    page = client.get(reverse("voices_admin:answers", args=[question.pk])).content.decode()
    assert "Min lærer Hanne læser højt for os" in page
    assert f"/stemmer/{question.key}/" in page


def test_the_analysis_runs_as_a_task_and_shows_masked_quotes(
    client, network, django_capture_on_commit_callbacks
):
    question = make_question(network.school_a)
    add_answers(
        question,
        [
            "Flere nye bøger på biblioteket, skriv til mig på ida@example.dk",
            "Biblioteket skal have nye bøger",
            "nye bøger på skolebiblioteket",
            "mindre tid på mobilen",
            "mobilen skal væk om aftenen",
            "mindre mobil derhjemme",
        ],
    )
    login(client, network.leader_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("voices_admin:analyse", args=[question.pk]))
    analysis = Analysis.objects.get()
    assert response.url == reverse("voices_admin:analysis", args=[question.pk, analysis.pk])
    assert (analysis.status, analysis.progress, analysis.answer_count) == ("done", 1.0, 6)
    ids = {str(pk) for pk in question.answers.values_list("pk", flat=True)}
    assert {i for t in analysis.result["themes"] for i in t["answers"]} == ids
    assert not question.answers.filter(embedding__isnull=True).exists()
    page = client.get(response.url).content.decode()
    assert "ida@example.dk" not in page and "[e-mail]" in page
    progress = client.get(response.url, {"format": "json"}).json()
    assert progress == {"status": "done", "progress": 1.0, "step": "done"}


def test_deleting_a_question_deletes_its_answers_and_analyses(client, network):
    question = make_question(network.school_a)
    add_answers(question, ["et svar", "et andet svar"])
    Analysis.objects.create(question=question)
    login(client, network.leader_a)
    response = client.post(reverse("open_questions:delete", args=[question.pk]))
    assert response.status_code == 302
    assert not OpenQuestion.objects.exists()
    assert not Answer.objects.exists() and not Analysis.objects.exists()


def test_the_question_list_costs_the_same_queries_for_two_or_six_questions(client, network):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    login(client, network.leader_a)
    counts = []
    for total in (2, 6):
        while OpenQuestion.objects.count() < total:
            add_answers(make_question(network.school_a), ["et svar", "to svar"])
        client.get(reverse("open_questions:index"))  # warm Wagtail's own caches
        with CaptureQueriesContext(connection) as queries:
            page = client.get(reverse("open_questions:index")).content.decode()
        for question in OpenQuestion.objects.all():
            assert reverse("open_questions:edit", args=[question.pk]) in page
        counts.append(len(queries))
    assert counts[0] == counts[1]
