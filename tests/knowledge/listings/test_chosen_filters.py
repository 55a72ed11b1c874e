"""A filtered list says what it is filtered by: in its heading, and as chips at the top that each
remove one value; one line says how filters combine."""

import pytest
from django.urls import reverse

from tests.support.pages import chips, heading, html, selected_values, statements

pytestmark = pytest.mark.django_db

HINT = (
    "To værdier i samme filter giver flere resultater (den ene eller den anden er nok); "
    "forskellige filtre indsnævrer hinanden."
)


def test_an_unfiltered_list_keeps_its_network_wide_heading_and_shows_no_chips(
    client, findings_network
):
    for url, title in [
        ("/fund/", "Fund i hele netværket"),
        ("/forsoeg/", "Forsøg i hele netværket"),
    ]:
        response = client.get(url)
        assert heading(response) == title
        assert chips(response) == []
        assert HINT in html(response)


def test_the_heading_and_title_name_the_chosen_values(client, findings_network):
    municipality = findings_network.municipality_a
    response = client.get(
        f"/forsoeg/?klassetrin=4&klassetrin=3&fag=dansk&kommune={municipality.pk}"
    )
    # Filters in the vocabulary's order (municipality, subject, grade), alternatives joined by "or".
    named = "Aarhus Kommune, Dansk, 4. klasse eller 3. klasse"
    assert heading(response) == f"Forsøg: {named}"
    assert f"<title>Forsøg: {named} · Praksisnet</title>" in html(response)
    assert heading(client.get("/fund/?grundlag=interviews")) == "Fund: Interviews"


def test_each_chip_removes_only_its_own_value(client, findings_network):
    municipality = findings_network.municipality_a
    response = client.get(f"/fund/?emne=l%C3%A6sning&emne=udeskole&kommune={municipality.pk}")
    shown = chips(response)
    assert [text for text, _url in shown] == [
        "Fjern filter: Kommune: Aarhus Kommune",
        "Fjern filter: Emne: læsning",
        "Fjern filter: Emne: udeskole",
    ]
    by_text = dict(shown)
    after = client.get(reverse("knowledge:findings") + by_text["Fjern filter: Emne: læsning"])
    assert [text for text, _url in chips(after)] == [
        "Fjern filter: Kommune: Aarhus Kommune",
        "Fjern filter: Emne: udeskole",
    ]
    assert heading(after) == "Fund: Aarhus Kommune, udeskole"
    # Nothing in Aarhus has "udeskole": the notice names the municipality, not its page id.
    assert "<li>Kommune: Aarhus Kommune — <a" in html(after)
    after = client.get(
        reverse("knowledge:findings") + by_text["Fjern filter: Kommune: Aarhus Kommune"]
    )
    assert heading(after) == "Fund: læsning eller udeskole"
    assert "Færre elever gik i stå ved målingsopgaver." in statements(after)  # Odense is back


def test_a_value_nothing_visible_has_still_gets_a_chip_that_removes_it(client, findings_network):
    # "trivsel" is only on a members-only experiment: an anonymous visitor has no row with it.
    response = client.get("/fund/?emne=trivsel&fag=dansk&status=planned")
    assert statements(response) == []
    shown = dict(chips(response))
    # A value a facet still shows keeps its name; one nothing visible has is as the address wrote it.
    assert set(shown) == {
        "Fjern filter: Emne: trivsel",
        "Fjern filter: Fag: dansk",
        "Fjern filter: Status: Planlagt",
    }
    after = client.get("/fund/" + shown["Fjern filter: Emne: trivsel"])
    assert selected_values(after) == {"fag": "dansk", "status": "planned"}
    assert statements(after)


def test_the_filters_sit_behind_a_filters_button_that_counts_the_chosen_values(
    client, findings_network
):
    page = html(client.get("/forsoeg/?emne=l%C3%A6sning&emne=udeskole"))
    assert '<details class="filters__toggle">' in page
    assert (
        '<summary class="filters__summary button">Filtre <span class="filters__count">(2 valgt)'
        "</span></summary>"
    ) in page
    assert '<summary class="filters__summary button">Filtre</summary>' in html(
        client.get("/forsoeg/")
    )


def test_the_experiments_table_scrolls_in_a_box_of_its_own(client, findings_network):
    page = html(client.get("/forsoeg/"))
    box = page.index(
        '<div class="table-scroll" role="region" tabindex="0" aria-labelledby="experiments-caption">'
    )
    assert box < page.index('<table class="experiments">') < page.index("</div>", box + 10)
