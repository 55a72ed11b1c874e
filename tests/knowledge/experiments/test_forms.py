"""The experiment editor offers the school's own teams in a plain list and grade levels and
subjects as tick boxes (knowledge.experiments.forms.ExperimentPageForm and the model's panels)."""

import re

import pytest

from knowledge.models import GradeLevel, Subject
from tests.support.network import PASSWORD, make_experiment, make_team

pytestmark = pytest.mark.django_db

TEAM_SELECT = re.compile(r'<select name="team"[^>]*>(.*?)</select>', re.S)
OPTION = re.compile(r'<option value="(\d*)"[^>]*>([^<]*)</option>')


def team_options(page):
    return OPTION.findall(TEAM_SELECT.search(page).group(1))


@pytest.fixture
def teams(network):
    network.team_a2 = make_team(network.school_a, "Indskolingen A")
    for number in range(12):  # many teams elsewhere in the network
        make_team(network.school_b, f"Team {number} B")
    return network


def test_a_new_experiment_offers_only_the_schools_teams(client, teams):
    client.login(username=teams.teacher_a.username, password=PASSWORD)
    page = client.get(
        f"/admin/pages/add/knowledge/experimentpage/{teams.school_a.pk}/"
    ).content.decode()
    assert team_options(page) == [
        ("", "Intet team valgt"),
        (str(teams.team_a2.pk), "Indskolingen A"),
        (str(teams.team_a.pk), "Mellemtrinnet A"),
    ]


def test_editing_offers_only_the_schools_teams_with_the_chosen_one_selected(client, teams):
    experiment = make_experiment(teams.school_b, "Matematik udenfor", team=teams.team_b)
    client.login(username=teams.leader_b.username, password=PASSWORD)
    page = client.get(f"/admin/pages/{experiment.pk}/edit/").content.decode()
    names = [name for _pk, name in team_options(page)]
    assert names == ["Intet team valgt", "Mellemtrinnet B"] + sorted(
        f"Team {n} B" for n in range(12)
    )
    assert re.search(rf'<option value="{teams.team_b.pk}" selected>Mellemtrinnet B</option>', page)


def test_grade_levels_and_subjects_are_tick_boxes(client, teams):
    Subject.objects.get_or_create(name="Matematik")
    client.login(username=teams.teacher_a.username, password=PASSWORD)
    page = client.get(
        f"/admin/pages/add/knowledge/experimentpage/{teams.school_a.pk}/"
    ).content.decode()
    assert '<select name="grade_levels"' not in page and '<select name="subjects"' not in page
    grades = re.findall(r'<input type="checkbox" name="grade_levels" value="(\d+)"', page)
    assert sorted(map(int, grades)) == sorted(GradeLevel.objects.values_list("pk", flat=True))
    subjects = re.findall(r'<input type="checkbox" name="subjects" value="(\d+)"', page)
    assert sorted(map(int, subjects)) == sorted(Subject.objects.values_list("pk", flat=True))


def new_experiment(client, network, title, action=None, summary="Kort om forsøget.", **extra):
    from tests.support.admin_forms import experiment_form_data

    data = experiment_form_data(
        title=title,
        slug="stafetmatematik",
        summary=summary,
        question="Hvad sker der?",
        team=network.team_a,
        grade_levels=GradeLevel.objects.filter(number=4),
        subjects=Subject.objects.filter(name="Dansk") or [Subject.objects.create(name="Dansk")],
        action=action,
    )
    url = f"/admin/pages/add/knowledge/experimentpage/{network.school_a.pk}/"
    return client.post(url, data, **extra)


def experiments_of_school_a(network):
    from knowledge.models import ExperimentPage

    return ExperimentPage.objects.child_of(network.school_a)


def test_submitting_while_the_autosave_is_on_its_way_gives_one_experiment(client, network):
    """The editor autosaves the new page; a click on "send" before the form became the page's
    edit form sends the create form again: still one experiment, the one sent for approval."""
    client.login(username=network.teacher_a.username, password=PASSWORD)
    autosave = new_experiment(
        client, network, "Stafetmatematik", action="save", headers={"Accept": "application/json"}
    )
    assert autosave.json()["success"] is True
    sent = new_experiment(
        client, network, "Stafetmatematik", action="submit", summary="Det endelige resumé."
    )
    assert sent.status_code == 302
    (experiment,) = experiments_of_school_a(network)
    assert experiment.slug == "stafetmatematik"
    assert experiment.get_latest_revision_as_object().summary == "Det endelige resumé."
    assert experiment.current_workflow_state.status == "in_progress"


def test_a_second_try_with_the_same_title_replaces_the_teachers_own_abandoned_draft(
    client, network
):
    """An abandoned form leaves a draft behind (autosave); the next try is that experiment."""
    client.login(username=network.teacher_a.username, password=PASSWORD)
    assert new_experiment(client, network, "Stafetmatematik").status_code == 302  # the draft
    response = new_experiment(client, network, "Stafetmatematik", summary="Andet forsøg.")
    assert response.status_code == 302, response.context["form"].errors
    (draft,) = experiments_of_school_a(network)
    assert draft.slug == "stafetmatematik"
    assert draft.get_latest_revision_as_object().summary == "Andet forsøg."


def test_a_draft_waiting_for_approval_is_never_replaced(client, network):
    client.login(username=network.teacher_a.username, password=PASSWORD)
    assert new_experiment(client, network, "Stafetmatematik", action="submit").status_code == 302
    assert new_experiment(client, network, "Stafetmatematik").status_code == 302
    slugs = experiments_of_school_a(network).values_list("slug", flat=True)
    assert sorted(slugs) == ["stafetmatematik", "stafetmatematik-2"]


def test_a_colleagues_draft_with_the_same_title_leaves_a_free_address_not_a_slug_error(
    client, network
):
    client.login(username=network.teacher_a.username, password=PASSWORD)
    assert new_experiment(client, network, "Stafetmatematik").status_code == 302  # the draft
    client.login(username=network.leader_a.username, password=PASSWORD)
    response = new_experiment(client, network, "Stafetmatematik")
    assert response.status_code == 302, response.context["form"].errors
    slugs = experiments_of_school_a(network).values_list("slug", flat=True)
    assert sorted(slugs) == ["stafetmatematik", "stafetmatematik-2"]


def test_a_published_experiment_keeps_its_address_and_a_clash_is_explained_in_danish(
    client, network
):
    from tests.support.admin_forms import experiment_edit_data

    make_experiment(network.school_a, "Stafetmatematik")
    other = make_experiment(network.school_a, "Stafet i matematik")
    client.login(username=network.leader_a.username, password=PASSWORD)
    data = experiment_edit_data(other, slug="stafetmatematik")
    response = client.post(f"/admin/pages/{other.pk}/edit/", data)
    assert response.status_code == 200
    errors = response.context["form"].errors["slug"]
    assert errors == [
        "Et andet forsøg på skolen har allerede adressen “stafetmatematik”. Vælg en anden "
        "adresse (kort navn) under fanen Promover."
    ]
