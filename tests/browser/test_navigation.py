"""Finding one's way on the public site, on a laptop and on a phone: the main navigation, the
home page's way into municipalities and schools, and a member who sees that they are logged in."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import login, page_scrolls_sideways
from tests.support.network import PASSWORD, build_network, make_experiment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def network():
    network = build_network()
    make_experiment(network.school_a, "Læsebånd hver morgen", team=network.team_a, tags=["Læsning"])
    return network


def test_main_navigation_reaches_every_part_of_the_site(live_server, sized_page, network):
    page = sized_page
    page.goto(live_server.url + "/")
    nav = page.get_by_role("navigation", name="Hovedmenu")
    assert nav.get_by_role("link").all_inner_texts() == [
        "Forside",
        "Forsøg",
        "Fund",
        "Emner",
        "Søg",
    ]
    for link, path, heading in [
        ("Forsøg", "/forsoeg/", "Forsøg i hele netværket"),
        ("Fund", "/fund/", "Fund i hele netværket"),
        ("Emner", "/emner/", None),
        ("Søg", "/soeg/", None),
    ]:
        nav.get_by_role("link", name=link, exact=True).click()
        page.wait_for_url(live_server.url + path)
        expect(nav.get_by_role("link", name=link, exact=True)).to_have_attribute(
            "aria-current", "page"
        )
        if heading:
            expect(page.locator("h1")).to_have_text(heading)
    nav.get_by_role("link", name="Forside").click()
    page.wait_for_url(live_server.url + "/")
    assert not page_scrolls_sideways(page), f"the home page scrolls sideways at {page.width} px"


def test_home_page_leads_to_each_municipality_and_its_schools(live_server, sized_page, network):
    page = sized_page
    page.goto(live_server.url + "/")
    places = page.locator("section.places")
    expect(places.get_by_role("heading", level=2)).to_have_text("Kommunerne og deres skoler")
    assert places.get_by_role("heading", level=3).all_inner_texts() == [
        "Aarhus Kommune",
        "Odense Kommune",
    ]
    places.get_by_role("link", name="Rosengårdskolen").click()
    page.wait_for_url(live_server.url + network.school_b.url)
    expect(page.locator("h1")).to_have_text("Rosengårdskolen")
    page.go_back()
    places.get_by_role("link", name="Aarhus Kommune").click()
    expect(page.locator("h1")).to_have_text("Aarhus Kommune")


def test_home_page_has_its_own_title_and_every_page_a_favicon(live_server, page, network):
    page.goto(live_server.url + "/")
    assert page.title() == "Praksisnet – praksisforsøg fra danske skoler"
    icon = page.locator("link[rel=icon]").get_attribute("href")
    response = page.request.get(live_server.url + icon)
    assert response.status == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert "<svg" in response.text()
    page.goto(live_server.url + "/fund/")
    assert page.title() == "Fund · Praksisnet"
    assert page.locator("link[rel=icon]").get_attribute("href") == icon


def test_a_logged_in_member_sees_it_on_the_public_site_and_can_log_out(
    live_server, sized_page, network
):
    page = sized_page
    page.goto(live_server.url + "/")
    expect(page.locator("[data-member]")).to_have_count(0)
    expect(page.locator("footer").get_by_role("link", name="Log ind for lærere")).to_be_visible()

    login(page, live_server, network.teacher_a.username, PASSWORD)
    page.goto(live_server.url + network.school_a.url)
    member = page.locator("[data-member]")
    expect(member).to_be_visible()
    expect(member).to_contain_text(f"Logget ind som {network.teacher_a.get_full_name()}")
    expect(page.get_by_text("Log ind for lærere")).to_have_count(0)
    member.get_by_role("link", name="Skriv og redigér forsøg").click()
    page.wait_for_url(live_server.url + "/admin/")

    page.goto(live_server.url + network.school_a.url)
    page.locator("[data-member]").get_by_role("button", name="Log ud").click()
    page.wait_for_url(re.compile(re.escape(live_server.url + network.school_a.url) + "$"))
    expect(page.locator("[data-member]")).to_have_count(0)
    expect(page.locator("footer").get_by_role("link", name="Log ind for lærere")).to_be_visible()
    assert page.request.get(live_server.url + "/admin/").url.startswith(
        live_server.url + "/admin/login/"
    )
