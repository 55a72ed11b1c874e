"""A chosen experiment in the editor is named by title, school and year."""

import pytest

from knowledge.models import ExperimentLink
from tests.support.network import make_experiment

pytestmark = pytest.mark.django_db


def test_a_chosen_experiment_shows_its_school_and_year_not_only_its_title(client, network):
    elsewhere = make_experiment(network.school_b, "Stafetmatematik")
    page = make_experiment(network.school_a, "Stafetmatematik")
    page.links = [ExperimentLink(target=elsewhere, kind="adapts")]
    page.save_revision().publish()
    client.force_login(network.leader_a)
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Stafetmatematik (Rosengårdskolen, 2026)" in html
