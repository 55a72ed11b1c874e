"""Autocomplete in a real browser: the search box offers visible titles as an ARIA listbox."""

import pytest

from tests.browser.conftest import browser, page  # noqa: F401 - the Playwright fixtures
from tests.network import make_experiment

# serialized_rollback: the data migrations' rows (home page, site, grade levels) come back
# after another transactional test flushed them.
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_typing_offers_titles_and_the_keyboard_opens_one(page, live_server, network):  # noqa: F811
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


def test_without_javascript_the_form_still_searches(browser, live_server, network):  # noqa: F811
    make_experiment(network.school_a, "Læsemakkere i 3.a", findings=())
    context = browser.new_context(java_script_enabled=False)
    try:
        plain = context.new_page()
        plain.goto(f"{live_server.url}/soeg/")
        plain.fill("#search-q", "læsemakkere")
        plain.click(".search-form button[type=submit]")
        plain.wait_for_load_state()
        assert plain.locator(".result h3").all_inner_texts() == ["Læsemakkere i 3.a"]
        assert "q=l%C3%A6semakkere" in plain.url
    finally:
        context.close()
