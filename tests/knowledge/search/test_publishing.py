"""What an experiment's publish changes is searchable at once, its tags included."""

import pytest

from knowledge.models import ExperimentPage
from tests.support.network import make_experiment

pytestmark = pytest.mark.django_db


def test_a_tag_added_when_republishing_is_searchable_at_once(network):
    page = make_experiment(network.school_a, "Frilæsning i 4.b", tags=["læsning"])
    page = ExperimentPage.objects.get(pk=page.pk)
    page.tags.add("kolibriprojekt")
    page.save_revision().publish()
    found = ExperimentPage.objects.live().search("kolibriprojekt")
    assert [p.pk for p in found] == [page.pk]
