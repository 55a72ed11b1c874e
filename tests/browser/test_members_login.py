"""A members-only experiment sends an anonymous reader to the members' login, which looks like
the rest of the site, says why it is asked, and returns the reader to the experiment."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import page_scrolls_sideways
from tests.support.network import PASSWORD, build_network, make_experiment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def members_only():
    network = build_network()
    network.experiment = make_experiment(
        network.school_a, "Trivselssamtaler i 6.a", members_only=True, team=network.team_a
    )
    return network


def test_the_members_login_is_in_the_site_design_and_leads_back(
    live_server, sized_page, members_only
):
    page = sized_page
    page.goto(live_server.url + members_only.experiment.url)
    page.wait_for_url(re.compile(r"/_util/login/\?next="))
    assert page.title() == "Log ind for medlemmer · Praksisnet"
    expect(page.locator("h1")).to_have_text("Log ind for medlemmer")
    expect(
        page.get_by_text("Dette forsøg er kun delt med netværkets medlemmer.", exact=False)
    ).to_be_visible()
    # The site's own header, navigation, stylesheet and footer, not a bare form.
    expect(page.get_by_role("navigation", name="Hovedmenu")).to_be_visible()
    expect(page.locator("footer.site-footer")).to_be_visible()
    assert page.locator(".login").evaluate("el => getComputedStyle(el).borderTopWidth") == "6px"
    assert not page_scrolls_sideways(page)

    page.get_by_label("Brugernavn").fill(members_only.teacher_b.username)
    page.get_by_label("Kodeord").fill("forkert")
    page.get_by_role("button", name="Log ind").click()
    expect(page.locator(".form-error")).to_be_visible()
    expect(page.locator("h1")).to_have_text("Log ind for medlemmer")

    page.get_by_label("Kodeord").fill(PASSWORD)
    page.get_by_role("button", name="Log ind").click()
    page.wait_for_url(live_server.url + members_only.experiment.url)
    expect(page.locator("h1")).to_have_text("Trivselssamtaler i 6.a")
    expect(page.locator("[data-member]")).to_be_visible()
