"""A field declared in knowledge.experiments.fields reaches the page, both exports, the API and
the demo network: shown here with the number of pupils involved."""

import csv
import io

import pytest

from knowledge.experiments.fields import API_FIELDS, EXPERIMENT_FIELDS, demo_values
from knowledge.models import ExperimentPage
from tests.support.network import make_experiment

pytestmark = pytest.mark.django_db


@pytest.fixture
def counted(network):
    return make_experiment(network.school_a, "Læsemakkere i 4.a", pupil_count=46)


def test_the_page_says_how_many_pupils_took_part(client, counted):
    page = client.get(counted.url).content.decode()
    assert "Antal elever" in page and "46 elever" in page


def test_both_exports_have_a_column_for_it(client, counted):
    for url in ("/forsoeg/eksport.csv",):
        rows = list(
            csv.reader(io.StringIO(client.get(url).content.decode("utf-8-sig")), delimiter=";")
        )
        column = rows[0].index("Antal elever")
        assert rows[1][column] == "46"


def test_the_api_serves_it(client, counted):
    item = client.get("/api/v2/experiments/").json()["items"][0]
    assert item["pupil_count"] == 46
    assert client.get(f"/api/v2/experiments/{counted.pk}/").json()["pupil_count"] == 46


def test_the_declaration_is_what_the_exports_and_api_read():
    assert "pupil_count" in API_FIELDS
    assert [f.name for f in EXPERIMENT_FIELDS].count("pupil_count") == 1


def test_the_demo_network_gets_values_from_the_declaration():
    import random

    values = [demo_values(random.Random(seed))["pupil_count"] for seed in range(40)]
    assert any(value is None for value in values)
    assert all(value is None or 8 <= value <= 90 for value in values)


def test_a_mistyped_year_is_refused_with_a_message(network, counted):
    import datetime

    from django.core.exceptions import ValidationError

    page = ExperimentPage.objects.get(pk=counted.pk)
    page.start_date = datetime.date(1, 1, 1)
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "start_date" in error.value.message_dict
