"""The index follows the pages: publishing, unpublishing, deleting, moving, drafts, privacy."""

import pytest
from whoosh import index as whoosh_index

from knowledge.models import ExperimentPage
from tests.support.network import PASSWORD, make_experiment
from tests.support.search_helpers import result_titles, search

pytestmark = pytest.mark.django_db


def indexed_pks(index_path):
    """pks of every document in the live Whoosh index (read straight from disk)."""
    ix = whoosh_index.open_dir(str(index_path / "wagtailcore_page"))
    with ix.searcher() as searcher:
        return {fields["pk"] for fields in searcher.all_stored_fields()}


def test_publishing_a_draft_makes_it_findable(client, network):
    draft = make_experiment(network.school_a, "Solsikker i klassen", live=False)
    assert result_titles(search(client, q="solsikker")) == []
    draft.get_latest_revision().publish()
    assert result_titles(search(client, q="solsikker")) == ["Solsikker i klassen"]


def test_draft_changes_are_not_searchable_until_published(client, network):
    experiment = make_experiment(
        network.school_a, "Vandmeloner og brøker", summary="Frugt og brøker."
    )
    experiment.title = "Ananas og brøker"
    revision = experiment.save_revision()
    assert result_titles(search(client, q="ananas")) == []
    assert result_titles(search(client, q="vandmeloner")) == ["Vandmeloner og brøker"]
    revision.publish()
    assert result_titles(search(client, q="ananas")) == ["Ananas og brøker"]
    assert result_titles(search(client, q="vandmeloner")) == []


def test_unpublishing_removes_it_from_the_results(client, network):
    experiment = make_experiment(network.school_a, "Stjernekiggeri om aftenen")
    assert result_titles(search(client, q="stjernekiggeri")) == ["Stjernekiggeri om aftenen"]
    experiment.unpublish()
    assert result_titles(search(client, q="stjernekiggeri")) == []


def test_deleting_removes_it_from_the_index(client, network, whoosh):
    experiment = make_experiment(network.school_a, "Regnorme i skolehaven")
    pk = str(experiment.pk)
    assert pk in indexed_pks(whoosh)
    experiment.delete()
    assert pk not in indexed_pks(whoosh)
    assert result_titles(search(client, q="regnorme")) == []


def test_moving_an_experiment_keeps_it_findable_under_its_new_school(client, network):
    experiment = make_experiment(network.school_a, "Kompost og kredsløb")
    experiment.move(network.school_b, pos="last-child")
    response = search(client, q="kompost")
    assert result_titles(response) == ["Kompost og kredsløb"]
    assert "Rosengårdskolen" in response.content.decode()
    schools = {
        str(v.label)
        for f in response.context["outcome"].facets
        if f.parameter == "skole"
        for v in f.values
    }
    assert schools == {"Rosengårdskolen"}


def test_members_only_experiments_are_found_by_members_only(client, network):
    experiment = make_experiment(network.school_a, "Fortrolige elevsamtaler", members_only=True)
    assert result_titles(search(client, q="elevsamtaler")) == []
    client.login(username=network.teacher_b.username, password=PASSWORD)
    assert result_titles(search(client, q="elevsamtaler")) == ["Fortrolige elevsamtaler"]
    client.logout()
    experiment.members_only = False
    experiment.save_revision().publish()
    assert ExperimentPage.objects.get(pk=experiment.pk).members_only is False
    assert result_titles(search(client, q="elevsamtaler")) == ["Fortrolige elevsamtaler"]
