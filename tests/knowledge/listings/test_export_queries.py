"""Both exports, as CSV and XLSX, run the same number of queries however many rows they hold.

Every experiment here has a teacher team, so the team column is filled on every row and a query
per row for it would show; measured cold (tests.support.queries), with 3 experiments and then with 12.
"""

import csv
import io

import openpyxl
import pytest
from django.conf import settings
from django.utils import translation

from tests.support.network import make_experiment, make_team
from tests.support.queries import cold_queries

pytestmark = pytest.mark.django_db

SMALL, LARGE = 3, 12
EXPORTS = [
    "/fund/eksport.csv",
    "/fund/eksport.xlsx",
    "/forsoeg/eksport.csv",
    "/forsoeg/eksport.xlsx",
]


def grow(network, count, start=0):
    """Experiments in both schools, each with its own team, two findings, tags and subjects."""
    schools = [network.school_a, network.school_b]
    for number in range(start, start + count):
        school = schools[number % 2]
        team = make_team(school, f"Team {number}")
        make_experiment(
            school,
            f"Forsøg nummer {number}",
            team=team,
            tags=["læsning", f"emne {number}"],
            subjects=("Dansk", f"Fag {number}"),
            grades=(number % 10,),
            findings=(f"Fund {number} a", f"Fund {number} b"),
        )


def rows(response):
    """The file's rows as {heading: text}, as a spreadsheet program reads them."""
    assert response.status_code == 200
    if response["Content-Type"].startswith("text/csv"):
        table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    else:
        sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
        table = [
            ["" if value is None else str(value) for value in row]
            for row in sheet.iter_rows(values_only=True)
        ]
    headers, *body = table
    return [dict(zip(headers, row)) for row in body]


def team_heading():
    """The team column's heading in the site's language (exports are made in that language)."""
    with translation.override(settings.LANGUAGE_CODE):
        return translation.gettext("Teacher team")


@pytest.mark.parametrize("member", [False, True], ids=["anonymous", "member"])
def test_exports_with_a_team_on_every_row_run_constant_queries(client, network, member):
    if member:
        client.force_login(network.leader_a)
    grow(network, SMALL)
    small = {url: cold_queries(client, url)[0] for url in EXPORTS}

    grow(network, LARGE - SMALL, start=SMALL)
    large, responses = {}, {}
    for url in EXPORTS:
        large[url], responses[url] = cold_queries(client, url)
    assert large == small  # compared whole, so a failure names every export that grew

    for url, response in responses.items():
        listed = rows(response)
        per_experiment = 2 if url.startswith("/fund/") else 1
        assert len(listed) == LARGE * per_experiment, url
        teams = {row[team_heading()] for row in listed}
        assert teams == {f"Team {number}" for number in range(LARGE)}, url
