"""A school leader filters the network's findings and takes them away as a spreadsheet."""

import datetime
import os

import openpyxl
import pytest

from tests.browser.conftest import login
from tests.support.network import PASSWORD, build_network, make_experiment
from tests.support.pages import label

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def test_leader_filters_findings_and_downloads_the_xlsx(live_server, page, downloads_dir):
    network = build_network()
    make_experiment(
        network.school_a,
        "Frilæsning i 4.b",
        tags=["læsning"],
        start_date=datetime.date(2025, 9, 1),
        findings=(
            "Eleverne læste mere, når de selv valgte bøgerne.",
            "Drengene bad om tegneserier.",
        ),
    )
    make_experiment(
        network.school_b,
        "Læsebånd i Odense",
        tags=["læsning"],
        start_date=datetime.date(2026, 1, 5),
        findings=("Læsebåndet gav ro om morgenen.",),
    )
    make_experiment(
        network.school_a,
        "Skjult forsøg",
        tags=["læsning"],
        members_only=True,
        start_date=datetime.date(2025, 10, 1),
        findings=("Kun for medlemmer: trivsel steg.",),
    )
    make_experiment(
        network.school_a,
        "Matematik udenfor",
        tags=["udeskole"],
        subjects=("Matematik",),
        start_date=datetime.date(2025, 11, 1),
        findings=("Målingsopgaver gik bedre udenfor.",),
    )

    login(page, live_server, network.leader_a.username, PASSWORD)
    page.goto(f"{live_server.url}/fund/")
    assert page.locator("p.statement").count() == 5

    page.locator('section[data-facet="emne"] a[data-value="læsning"]').click()
    page.wait_for_url("**/fund/?emne=*")
    page.locator('section[data-facet="skole"] a', has_text="Skjoldhøjskolen").click()
    page.wait_for_url("**skole=*")
    shown = page.locator("p.statement").all_inner_texts()
    assert sorted(shown) == sorted(
        [
            "Eleverne læste mere, når de selv valgte bøgerne.",
            "Drengene bad om tegneserier.",
            "Kun for medlemmer: trivsel steg.",  # a logged-in leader sees members-only findings
        ]
    )
    assert page.locator("p.result-count").inner_text().startswith("3 ")

    with page.expect_download() as download_info:
        page.locator('a[data-export="xlsx"]').click()
    download = download_info.value
    assert download.suggested_filename.endswith(".xlsx")
    path = os.path.join(downloads_dir, download.suggested_filename)
    download.save_as(path)

    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert [row[0] for row in body] == shown
    school = header.index(label("School"))
    assert {row[school] for row in body} == {"Skjoldhøjskolen"}
    tags = header.index(label("Tags"))
    assert all("læsning" in row[tags] for row in body)
