"""Autocomplete in a real browser: the search box offers visible titles as an ARIA listbox."""

import pytest

from tests.support.network import make_experiment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_typing_offers_titles_and_the_keyboard_opens_one(page, live_server, network):
    # The index is this test's own (tests/conftest.py: search_index_per_test).
    make_experiment(network.school_a, "Læsemakkere i 3.a", findings=())
    make_experiment(network.school_b, "Læsebånd hver morgen", findings=())
    make_experiment(network.school_b, "Læsning for medlemmer", members_only=True, findings=())
    page.goto(f"{live_server.url}/soeg/")
    box = page.locator("#search-q")
    assert box.get_attribute("role") == "combobox"
    box.press_sequentially("Læse", delay=30)
    options = page.locator("#search-q-suggestions [role=option]")
    options.first.wait_for()
    assert sorted(options.all_inner_texts()) == ["Læsebånd hver morgen", "Læsemakkere i 3.a"]
    assert box.get_attribute("aria-expanded") == "true"
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == "search-q-suggestions-0"
    first_title = options.first.inner_text()
    box.press("Enter")
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == first_title
