"""Pages that used to look unfinished, on a laptop and on a phone: a collection with its byline,
the municipality overview (what matters first, the full table one click away), search results
as cards, and the teacher's dashboard. Each is axe-checked and never scrolls sideways; a
screenshot of each goes to $PRAKSISNET_SCREENSHOTS (default /tmp/praksisnet-screenshots)."""

import io
import os
from pathlib import Path

import pytest
from django.core.files.images import ImageFile
from PIL import Image
from playwright.sync_api import expect

from knowledge.models import CollectionIndexPage, CollectionItem, CollectionPage, PraksisImage
from tests.browser.conftest import page_scrolls_sideways
from tests.browser.test_accessibility import axe_violations, describe, serious
from tests.support.network import PASSWORD, add_findings, build_network, make_experiment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(os.environ.get("PRAKSISNET_SCREENSHOTS", "/tmp/praksisnet-screenshots"))


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{page.width}.png"), full_page=True)


def picture(title, colour):
    buffer = io.BytesIO()
    Image.new("RGB", (960, 600), colour).save(buffer, "PNG")
    return PraksisImage.objects.create(
        title=title, description=title, file=ImageFile(buffer, name="billede.png")
    )


@pytest.fixture
def network():
    network = add_findings(build_network())
    network.team_a.members.add(network.teacher_a)
    network.team_a.save()
    network.pictured = make_experiment(
        network.school_a,
        "Læsemakkere i 3.a",
        team=network.team_a,
        tags=["læsning", "læsemakkere"],
        subjects=("Dansk",),
        summary="Eleverne læste i makkerpar tre gange om ugen i seks uger.",
        picture=picture("Læsemakkere", "#2f77ad"),
    )
    folder = CollectionIndexPage.objects.child_of(network.municipality_a).get()
    collection = CollectionPage(title="Kom godt i gang med læsning", owner=network.curator_a)
    collection.items = [
        CollectionItem(experiment=network.reading, note="Enkel at gå i gang med.", sort_order=0),
        CollectionItem(experiment=network.pictured, note="Læg mærke til målingen.", sort_order=1),
    ]
    folder.add_child(instance=collection)
    collection.save_revision().publish()
    network.collection = CollectionPage.objects.get(pk=collection.pk)
    return network


def assert_finished(page, name, context=None):
    assert not page_scrolls_sideways(page), f"{name} scrolls sideways at {page.width} px"
    violations = serious(axe_violations(page) if context is None else axe_in(page, context))
    assert violations == [], describe(violations)
    screenshot(page, name)


def axe_in(page, selector):
    axe_violations(page)  # loads axe-core
    result = page.evaluate(
        "async (s) => await axe.run({include: [s]}, {resultTypes: ['violations']})", selector
    )
    return result["violations"]


def test_a_collection_says_whose_it_is_and_how_to_follow_it(live_server, sized_page, network):
    page = sized_page
    page.goto(live_server.url + network.collection.url)
    crumbs = page.locator("nav.breadcrumbs a")
    expect(crumbs).to_have_text(["Forside", "Aarhus Kommune", "Samlinger"])
    byline = page.locator(".collection__byline")
    expect(byline).to_contain_text("En samling fra Aarhus Kommune · samlet af Kurator_a")
    byline.get_by_role("link", name="Følg samlingen (RSS-feed)").click()
    page.wait_for_url(f"**/feeds/samling/{network.collection.pk}/forsoeg.rss")
    page.goto(live_server.url + network.collection.url)
    assert_finished(page, "collection")


def test_the_municipality_overview_shows_what_matters_first(live_server, sized_page, network):
    page = sized_page
    page.goto(f"{live_server.url}/kommune-oversigt/{network.municipality_a.pk}/")
    select, button = page.locator("#id_tema"), page.locator(".theme-form button")
    assert abs(select.bounding_box()["height"] - button.bounding_box()["height"]) <= 4
    expect(page.locator(".shared-themes li").first).to_contain_text("læsning")
    heat = page.locator("table.heatmap")
    expect(heat).to_be_visible()
    full = page.locator("details.full-matrix table.theme-matrix")
    expect(full).to_be_hidden()
    # The shared theme comes before the heat map, the heat map before the full table.
    order = [
        page.locator(selector).bounding_box()["y"]
        for selector in (".shared-themes", "table.heatmap", "details.full-matrix")
    ]
    assert order == sorted(order)
    assert_finished(page, "municipality-overview")
    page.locator("details.full-matrix summary").click()
    expect(full).to_be_visible()
    assert not page_scrolls_sideways(page)
    cell = heat.locator("td a").first
    number = cell.inner_text()
    cell.click()
    page.wait_for_url("**/forsoeg/?skole=*")
    expect(page.locator("table.experiments tr.experiment")).to_have_count(int(number))


def test_search_results_are_cards_with_picture_subject_tags_and_school(
    live_server, sized_page, network
):
    page = sized_page
    page.goto(f"{live_server.url}/soeg/?q=l%C3%A6sning")
    card = page.locator("li.result article.card", has_text="Læsemakkere i 3.a")
    expect(card.locator("img.card__picture")).to_be_visible()
    expect(card.locator(".card__meta")).to_contain_text("Skjoldhøjskolen")
    expect(card.locator(".subject")).to_have_text(["Dansk"])
    expect(card.locator(".tags a")).to_have_count(2)
    cards = page.locator("li.result article.card")
    assert cards.count() >= 2
    if page.width < 600:  # one card per row on a phone
        first, second = cards.nth(0).bounding_box(), cards.nth(1).bounding_box()
        assert second["y"] > first["y"] + first["height"] - 1
    assert_finished(page, "search-results")


def test_the_teacher_dashboard_shows_their_experiments_and_where_to_start(
    live_server, sized_page, network
):
    page = sized_page
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("input[name=username]", network.teacher_a.username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live_server.url}/admin/")
    panel = page.locator("#my-experiments-section")
    expect(panel.get_by_role("heading", name="Mine forsøg")).to_be_visible()
    expect(panel.locator("tbody tr", has_text="Frilæsning i 4.b")).to_contain_text("Udgivet")
    assert "gravatar" not in page.content().lower()
    assert_finished(page, "teacher-dashboard", context="#my-experiments-section")
    panel.get_by_role("link", name="Opret nyt forsøg").click()
    page.wait_for_url(f"**/admin/pages/add/knowledge/experimentpage/{network.school_a.pk}/")
    expect(page.locator("input[name=title]")).to_be_visible()
    page.goto(f"{live_server.url}/admin/")
    page.locator("#my-experiments-section").get_by_role(
        "link", name="Hvordan skriver jeg et godt forsøg?"
    ).click()
    expect(page.locator(".help-page h2").first).to_have_text("Sådan skriver du et forsøg")
