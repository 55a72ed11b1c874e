"""Filtered lists on a laptop and on a phone: filters beside the list or behind a "Filtre" button,
chosen filters as chips, and wide tables that scroll in their own box, never the page."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import page_scrolls_sideways
from tests.support.network import add_findings, build_network, make_experiment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def network():
    network = add_findings(build_network())
    # Long names make the experiments table and the overview matrix wider than a phone.
    for number in range(3):
        make_experiment(
            network.school_c,
            f"Et forsøg med en meget lang titel om læsning nummer {number}",
            tags=["Læsning", "Et emne med et langt navn", f"Endnu et langt emne {number}"],
            subjects=("Dansk", "Natur/teknologi"),
        )
    return network


def test_filters_wait_behind_a_button_on_a_phone_and_stand_open_on_a_laptop(
    live_server, sized_page, network
):
    page = sized_page
    page.goto(live_server.url + "/fund/")
    first_tag = page.locator('[data-facet="emne"] a').first
    button = page.locator("summary", has_text="Filtre")
    first_finding = page.locator("li.finding").first
    if page.width < 600:
        expect(button).to_be_visible()
        expect(first_tag).to_be_hidden()
        box = first_finding.bounding_box()
        assert box["y"] + box["height"] < 900, "the first finding should be on the first screen"
        button.click()
        expect(first_tag).to_be_visible()
    else:
        expect(button).to_be_hidden()
        expect(first_tag).to_be_visible()
    first_tag.click()
    page.wait_for_url("**/fund/?emne=*")
    expect(page.locator("h1")).to_have_text("Fund: læsning")
    expect(page.locator("summary", has_text="Filtre")).to_have_count(1)
    if page.width < 600:
        expect(page.locator("summary")).to_have_text("Filtre (1 valgt)")


def test_a_chip_removes_its_filter(live_server, sized_page, network):
    page = sized_page
    page.goto(f"{live_server.url}/forsoeg/?emne=l%C3%A6sning&kommune={network.municipality_a.pk}")
    expect(page.locator("h1")).to_have_text("Forsøg: Aarhus Kommune, læsning")
    chips = page.locator("a[data-chip]")
    expect(chips).to_have_count(2)
    expect(
        page.get_by_text("To værdier i samme filter giver flere resultater", exact=False)
    ).to_have_count(1)
    page.get_by_role("link", name="Fjern filter: Kommune: Aarhus Kommune").click()
    page.wait_for_url("**/forsoeg/?emne=l%C3%A6sning")
    expect(page.locator("h1")).to_have_text("Forsøg: læsning")
    expect(page.locator("a[data-chip]")).to_have_count(1)
    page.get_by_role("link", name="Fjern filter: Emne: læsning").click()
    expect(page.locator("h1")).to_have_text("Forsøg i hele netværket")
    expect(page.locator("a[data-chip]")).to_have_count(0)


@pytest.mark.parametrize("address", ["experiments list", "municipality overview"])
def test_wide_tables_scroll_in_their_own_box_not_the_page(
    live_server, sized_page, network, address
):
    page = sized_page
    url = {
        "experiments list": "/forsoeg/",
        "municipality overview": f"/kommune-oversigt/{network.municipality_a.pk}/",
    }[address]
    page.goto(live_server.url + url)
    assert not page_scrolls_sideways(page), f"{address} scrolls sideways at {page.width} px"
    if address == "municipality overview":
        page.locator("details.full-matrix summary").click()  # the wide table, one click away
        assert not page_scrolls_sideways(page), f"the open table scrolls the page at {page.width}"
    if page.width < 600:
        box = page.locator(".table-scroll").last
        assert box.evaluate("el => el.scrollWidth > el.clientWidth"), (
            "the table should scroll in its box"
        )
        box.focus()  # a keyboard can reach the box and scroll it
        page.keyboard.press("ArrowRight")
        # Keyboard scrolling may be animated: wait until the box has moved.
        page.wait_for_function("el => el.scrollLeft > 0", arg=box.element_handle())
