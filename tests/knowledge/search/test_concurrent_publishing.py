"""Several processes publish at once: one writer at a time, no update lost, no lock errors."""

import pytest

from knowledge.models import ExperimentPage
from tests.support.network import make_experiment
from tests.support.publisher_process import publish_at_once
from tests.support.search_helpers import result_titles, search

PROCESSES = 4
PER_PROCESS = 5


def word_for(number):
    """A word only one experiment has; the digits vary its start, as stemming trims endings."""
    return "".join("bdfghklmnp"[int(digit)] for digit in f"{number:03d}") + "kolibri"


@pytest.mark.django_db(transaction=True)
def test_concurrent_publishing_loses_no_update(client, network):
    drafts = [
        make_experiment(
            network.school_a if n % 2 else network.school_b,
            f"Forsøg nummer {n}",
            live=False,
            findings=(),
        )
        for n in range(PROCESSES * PER_PROCESS)
    ]
    work = [(d.pk, word_for(n)) for n, d in enumerate(drafts)]
    outcomes = publish_at_once(PROCESSES, work)

    for published, errors, warnings in outcomes:
        assert errors == []
        assert warnings == []
        assert len(published) == PER_PROCESS
    assert ExperimentPage.objects.live().count() == PROCESSES * PER_PROCESS
    for pk, word in work:
        found = [e.pk for e in ExperimentPage.objects.live().search(word)]
        assert found == [pk], word
    assert len(result_titles(search(client, q=word_for(7)))) == 1
