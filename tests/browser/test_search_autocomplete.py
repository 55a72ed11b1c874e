"""Autocomplete in a real browser, on a laptop and on a phone: the search box offers visible
titles, each with its school, as a styled ARIA listbox under the box with a visible selection."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login, page_scrolls_sideways
from tests.browser.test_accessibility import axe_violations, describe, serious
from tests.support.network import PASSWORD, make_experiment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_typing_offers_titles_with_schools_and_the_keyboard_opens_one(
    sized_page, live_server, network
):
    page = sized_page
    # The index is this test's own (tests/conftest.py: search_index_per_test).
    make_experiment(network.school_a, "Læsebånd hver morgen", findings=())
    make_experiment(network.school_b, "Læsebånd hver morgen", findings=())
    make_experiment(network.school_b, "Læsning for medlemmer", members_only=True, findings=())
    page.goto(f"{live_server.url}/soeg/")
    box = page.locator("#search-q")
    assert box.get_attribute("role") == "combobox"
    box.press_sequentially("Læse", delay=30)
    options = page.locator("#search-q-suggestions [role=option]")
    options.first.wait_for()
    shown = sorted(
        (
            option.locator(".search-suggestions__title").inner_text(),
            option.locator(".search-suggestions__school").inner_text(),
        )
        for option in options.all()
    )
    assert shown == [
        ("Læsebånd hver morgen", "Rosengårdskolen"),
        ("Læsebånd hver morgen", "Skjoldhøjskolen"),
    ]
    assert box.get_attribute("aria-expanded") == "true"

    # A list under the box, not a bullet list beside it, inside the window.
    field, listbox = box.bounding_box(), page.locator("#search-q-suggestions").bounding_box()
    assert listbox["y"] >= field["y"] + field["height"] - 1
    assert abs(listbox["x"] - field["x"]) < 2
    assert listbox["x"] + listbox["width"] <= page.width
    assert options.first.evaluate("el => getComputedStyle(el).listStyleType") == "none"
    assert not page_scrolls_sideways(page)

    def background(index):
        return options.nth(index).evaluate("el => getComputedStyle(el).backgroundColor")

    unselected = background(0)
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == "search-q-suggestions-0"
    assert options.nth(0).get_attribute("aria-selected") == "true"
    assert background(0) != unselected, "the highlighted option must look highlighted"
    assert background(1) == unselected
    violations = serious(axe_violations(page))
    assert not violations, describe(violations)

    chosen_school = options.first.locator(".search-suggestions__school").inner_text()
    box.press("Enter")
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == "Læsebånd hver morgen"
    assert chosen_school in page.locator(".breadcrumbs").inner_text()


def test_the_mouse_highlights_the_option_under_it(page, live_server, network):
    make_experiment(network.school_a, "Læsemakkere i 3.a", findings=())
    make_experiment(network.school_b, "Læsebånd hver morgen", findings=())
    page.goto(f"{live_server.url}/soeg/")
    page.locator("#search-q").press_sequentially("Læse", delay=30)
    options = page.locator("#search-q-suggestions [role=option]")
    options.nth(1).wait_for()
    options.nth(1).hover()
    assert options.nth(1).get_attribute("aria-selected") == "true"
    assert options.nth(0).get_attribute("aria-selected") == "false"
    title = options.nth(1).locator(".search-suggestions__title").inner_text()
    options.nth(1).click()
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == title


# Completes "Læse" like the public titles do, so only privacy can keep it from a visitor.
MEMBERS_ONLY_TITLE = "Læsekreds for medlemmer"


def offered_titles(page, live_server):
    page.goto(f"{live_server.url}/soeg/")
    page.locator("#search-q").press_sequentially("Læse", delay=30)
    options = page.locator("#search-q-suggestions [role=option]")
    options.first.wait_for()
    return options, sorted(
        o.locator(".search-suggestions__title").inner_text() for o in options.all()
    )


def test_only_a_logged_in_member_is_offered_the_members_only_title(page, live_server, network):
    make_experiment(network.school_a, "Læsemakkere i 3.a", findings=())
    make_experiment(network.school_b, MEMBERS_ONLY_TITLE, members_only=True, findings=())
    _options, titles = offered_titles(page, live_server)
    assert titles == ["Læsemakkere i 3.a"]
    login(page, live_server, network.teacher_a.username, PASSWORD)
    options, titles = offered_titles(page, live_server)
    assert titles == sorted(["Læsemakkere i 3.a", MEMBERS_ONLY_TITLE])
    options.filter(has_text=MEMBERS_ONLY_TITLE).click()
    expect(page.locator("h1").first).to_have_text(MEMBERS_ONLY_TITLE)
