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
