"""Autocomplete in a real browser: the search box offers visible titles as an ARIA listbox."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login
from tests.support.network import PASSWORD, make_experiment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PUBLIC_TITLES = ["Læsebånd hver morgen", "Læsemakkere i 3.a"]
# Completes "Læse" like the public titles do, so only privacy can keep it from a visitor.
MEMBERS_ONLY_TITLE = "Læsekreds for medlemmer"


@pytest.fixture
def experiments(network):
    # The index is this test's own (tests/conftest.py: search_index_per_test).
    make_experiment(network.school_a, "Læsemakkere i 3.a", findings=())
    make_experiment(network.school_b, "Læsebånd hver morgen", findings=())
    make_experiment(network.school_b, MEMBERS_ONLY_TITLE, members_only=True, findings=())
    return network


def suggested_titles(page, live_server, typed):
    page.goto(f"{live_server.url}/soeg/")
    box = page.locator("#search-q")
    box.press_sequentially(typed, delay=30)
    options = page.locator("#search-q-suggestions [role=option]")
    options.first.wait_for()
    return box, options


def test_typing_offers_titles_and_the_keyboard_opens_one(page, live_server, experiments):
    box, options = suggested_titles(page, live_server, "Læse")
    assert box.get_attribute("role") == "combobox"
    assert sorted(options.all_inner_texts()) == PUBLIC_TITLES  # never the members-only title
    assert box.get_attribute("aria-expanded") == "true"
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == "search-q-suggestions-0"
    first_title = options.first.inner_text()
    box.press("Enter")
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == first_title


def test_a_logged_in_member_is_offered_the_members_only_title_and_can_open_it(
    page, live_server, experiments
):
    login(page, live_server, experiments.teacher_a.username, PASSWORD)
    box, options = suggested_titles(page, live_server, "Læse")
    assert sorted(options.all_inner_texts()) == sorted([*PUBLIC_TITLES, MEMBERS_ONLY_TITLE])
    options.filter(has_text=MEMBERS_ONLY_TITLE).click()
    expect(page.locator("h1").first).to_have_text(MEMBERS_ONLY_TITLE)
