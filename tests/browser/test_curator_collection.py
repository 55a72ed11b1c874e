"""A municipality's curator builds a collection in the admin, reorders it and publishes it; an
anonymous visitor then reads it in that order and finds it on the municipality page."""

import re

import pytest
from playwright.sync_api import expect

from knowledge.models import CollectionIndexPage, CollectionPage
from tests.browser.conftest import login
from tests.support.network import PASSWORD, build_network, make_experiment, make_school

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

TITLE = "Læselyst på tværs af kommunerne"


def add_item(page, index, experiment_title, note):
    """Add an inline item, pick the experiment through the page chooser's search, write a note."""
    page.locator("#id_items-ADD").click()
    page.locator(f"#id_items-{index}-experiment-chooser [data-chooser-action-choose]").click()
    modal = page.locator(".modal-dialog")
    modal.locator("input[name=q]").fill(experiment_title)
    modal.locator("a.choose-page", has_text=experiment_title).click()
    expect(page.locator(f"#id_items-{index}-experiment-chooser")).to_contain_text(experiment_title)
    page.fill(f"#id_items-{index}-note", note)


def test_curator_builds_reorders_and_publishes_a_collection(live_server, page):
    network = build_network()
    tarup = make_school(network.municipality_b, "Tarup Skole")
    make_experiment(network.school_a, "Læsebånd hver morgen")
    make_experiment(network.school_b, "Makkerlæsning i 5. klasse")
    make_experiment(tarup, "Læsekaravanen")
    folder = CollectionIndexPage.objects.child_of(network.municipality_a).get()

    login(page, live_server, network.curator_a.username, PASSWORD)
    page.goto(f"{live_server.url}/admin/pages/add/knowledge/collectionpage/{folder.pk}/")
    page.fill("#id_title", TITLE)
    add_item(page, 0, "Læsebånd hver morgen", "Et enkelt sted at begynde.")
    add_item(page, 1, "Makkerlæsning i 5. klasse", "Eleverne læser for hinanden.")
    add_item(page, 2, "Læsekaravanen", "Hele skolen læser sammen.")

    # Reorder with the inline panel's buttons: Læsekaravanen to the top, Læsebånd to the bottom.
    move_up = "#inline_child_items-{} [data-inline-panel-child-move-up]"
    move_down = "#inline_child_items-{} [data-inline-panel-child-move-down]"
    page.locator(move_up.format(2)).click()
    page.locator(move_up.format(2)).click()
    page.locator(move_down.format(0)).click()
    expect(
        page.locator("[data-inline-panel-child] [id$=-experiment-chooser] .chooser__title")
    ).to_have_text(["Læsekaravanen", "Makkerlæsning i 5. klasse", "Læsebånd hver morgen"])

    page.locator("footer .w-dropdown__toggle").click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_url(re.compile(r"/admin/pages/\d+/$"))

    collection = CollectionPage.objects.get(title=TITLE)
    assert collection.live
    page.context.clear_cookies()

    page.goto(live_server.url + network.municipality_a.url)
    page.locator(".collection-list").get_by_role("link", name=TITLE).click()
    expect(page.locator("h1")).to_have_text(TITLE)
    expect(page.locator(".collection-item__title")).to_have_text(
        ["Læsekaravanen", "Makkerlæsning i 5. klasse", "Læsebånd hver morgen"]
    )
    expect(page.locator(".collection-item__note p")).to_have_text(
        ["Hele skolen læser sammen.", "Eleverne læser for hinanden.", "Et enkelt sted at begynde."]
    )
    expect(page.locator(".collection__schools")).to_contain_text(
        re.compile("Tarup Skole.*Rosengårdskolen.*Skjoldhøjskolen")
    )
