"""The Whoosh backend applies the site's common filters (live, members_only) inside the index;
what a visitor may see must stay exactly what the ORM would let through."""

import pytest

from knowledge.models import ExperimentPage
from tests.support.network import make_experiment


class Anonymous:
    is_authenticated = False


def visible_matches(query):
    return ExperimentPage.objects.visible_to(Anonymous()).search(query)


@pytest.fixture
def three_kinds(whoosh, network):
    return {
        "public": make_experiment(network.school_a, "Kvantefysik for begyndere"),
        "members": make_experiment(network.school_a, "Kvantefysik i praksis", members_only=True),
        "draft": make_experiment(network.school_b, "Kvantefysik som kladde", live=False),
    }


@pytest.mark.django_db
def test_anonymous_search_sees_neither_drafts_nor_members_only_experiments(three_kinds):
    results = visible_matches("kvantefysik")
    assert results.pks() == [three_kinds["public"].pk]
    assert [page.pk for page in results] == [three_kinds["public"].pk]
    assert results.count() == 1


@pytest.mark.django_db
def test_an_experiment_made_members_only_after_indexing_disappears_for_anonymous_visitors(
    three_kinds,
):
    public = three_kinds["public"]
    assert public.pk in visible_matches("kvantefysik").pks()
    public.members_only = True
    public.save_revision().publish()
    assert public.pk not in visible_matches("kvantefysik").pks()
    assert visible_matches("kvantefysik").count() == 0


@pytest.mark.django_db
def test_a_filter_whoosh_cannot_apply_still_filters_through_the_database(three_kinds):
    queryset = ExperimentPage.objects.visible_to(Anonymous()).filter(
        title__startswith="Kvantefysik for"
    )
    assert queryset.search("kvantefysik").pks() == [three_kinds["public"].pk]
    other = ExperimentPage.objects.visible_to(Anonymous()).filter(title__startswith="Noget andet")
    assert other.search("kvantefysik").pks() == []
