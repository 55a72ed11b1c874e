"""An experiment's place and date are the same on every page: the listing date is in Copenhagen
time, so one published just after midnight on 1 January belongs to the new year everywhere."""

import csv
import datetime
import io

import pytest
from django.utils import timezone

from knowledge.cache import bump_content_version
from knowledge.models import ExperimentPage
from knowledge.places import attach_places, listing_date, listing_year
from tests.support.network import make_experiment

pytestmark = pytest.mark.django_db

# 00:30 on 1 January 2026 in Copenhagen is still 2025 in UTC.
NEW_YEAR = datetime.datetime(2025, 12, 31, 23, 30, tzinfo=datetime.UTC)


@pytest.fixture
def new_year_experiment(network):
    experiment = make_experiment(
        network.school_a, "Nytårsforsøg", start_date=None, findings=("Fund fra nytåret.",)
    )
    ExperimentPage.objects.filter(pk=experiment.pk).update(first_published_at=NEW_YEAR)
    # A publish keeps the listing facts; this update goes behind its back: recount them.
    bump_content_version()
    return ExperimentPage.objects.get(pk=experiment.pk)


def test_the_listing_date_is_the_copenhagen_day_of_first_publication(new_year_experiment):
    with timezone.override(datetime.UTC):  # whatever time zone is active
        assert listing_date(None, NEW_YEAR) == datetime.date(2026, 1, 1)
        assert listing_year(None, NEW_YEAR) == 2026
    assert listing_date(datetime.date(2024, 5, 1), NEW_YEAR) == datetime.date(2024, 5, 1)


def test_every_page_puts_a_new_year_experiment_in_the_new_year(client, new_year_experiment):
    for url in ("/fund/?aar=2026", "/forsoeg/?aar=2026", "/soeg/?aar=2026"):
        assert "Nytårsforsøg" in client.get(url).content.decode(), url
    for url in ("/fund/?aar=2025", "/forsoeg/?aar=2025", "/soeg/?aar=2025"):
        assert "Nytårsforsøg" not in client.get(url).content.decode(), url
    rows = list(
        csv.reader(
            io.StringIO(client.get("/fund/eksport.csv").content.decode("utf-8-sig")), delimiter=";"
        )
    )
    date_column = [index for index, header in enumerate(rows[0]) if header == "Dato"][0]
    assert rows[1][date_column] == "2026-01-01"


def test_the_school_overview_counts_it_in_the_spring_term_of_the_new_year(
    client, network, new_year_experiment
):
    page = client.get(f"/skole-oversigt/{network.school_a.pk}/").content.decode()
    assert "Forår 2026" in page and "Efterår 2025" not in page


def test_places_come_from_the_tree_for_all_rows_in_one_query(network, django_assert_num_queries):
    experiments = [make_experiment(network.school_a, "A"), make_experiment(network.school_b, "B")]
    with django_assert_num_queries(1):
        attach_places(experiments)
    assert [e.listing_school.pk for e in experiments] == [network.school_a.pk, network.school_b.pk]
    assert [e.listing_municipality.pk for e in experiments] == [
        network.municipality_a.pk,
        network.municipality_b.pk,
    ]
