import xml.etree.ElementTree as ET

import pytest
from wagtail.models import PageViewRestriction

from knowledge.models import CollectionIndexPage, CollectionItem, CollectionPage
from tests.support.pages import experiment_titles

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def rss_titles(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return [item.findtext("title") for item in channel.findall("item")]


def atom_titles(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    return [
        entry.findtext(f"{ATOM}title")
        for entry in ET.fromstring(response.content).findall(f"{ATOM}entry")
    ]


@pytest.fixture
def collection(findings_network):
    n = findings_network
    folder = CollectionIndexPage.objects.child_of(n.municipality_a).get()
    collection = CollectionPage(title="Læselyst")
    collection.items = [
        CollectionItem(experiment=n.c_reading, note="Kort og godt"),
        CollectionItem(experiment=n.members, note="Kun for medlemmer"),
        CollectionItem(experiment=n.reading, note="Det første"),
        CollectionItem(experiment=n.draft, note="Ikke udgivet"),
    ]
    folder.add_child(instance=collection)
    collection.save_revision().publish()
    return CollectionPage.objects.get(pk=collection.pk)


def test_network_feed_lists_what_the_experiments_list_shows(client, findings_network):
    listed = experiment_titles(client.get("/forsoeg/"))
    assert rss_titles(client.get("/feeds/forsoeg.rss")) == listed
    assert atom_titles(client.get("/feeds/forsoeg.atom")) == listed
    assert "Skjult forsøg om trivsel" not in listed and "Kladde om læsebånd" not in listed


def test_feed_items_carry_link_summary_school_and_tags(client, findings_network):
    channel = ET.fromstring(client.get("/feeds/forsoeg.rss").content).find("channel")
    item = [i for i in channel.findall("item") if i.findtext("title") == "Frilæsning i 4.b"][0]
    assert item.findtext("link").endswith(findings_network.reading.url)
    assert item.findtext("description") == findings_network.reading.summary
    assert {c.text for c in item.findall("category")} == {"læsning", "motivation"}
    assert "Skjoldhøjskolen" in item.findtext("{http://purl.org/dc/elements/1.1/}creator")


def test_members_get_members_only_experiments_in_their_feed(client, findings_network):
    client.force_login(findings_network.teacher_b)
    titles = rss_titles(client.get("/feeds/forsoeg.rss"))
    assert "Skjult forsøg om trivsel" in titles and "Kladde om læsebånd" not in titles


def test_school_feed_matches_the_filtered_list(client, findings_network):
    school = findings_network.school_a
    listed = experiment_titles(client.get(f"/forsoeg/?skole={school.pk}"))
    assert (
        rss_titles(client.get(f"/feeds/skole/{school.pk}/forsoeg.rss"))
        == listed
        == ["Frilæsning i 4.b"]
    )
    assert atom_titles(client.get(f"/feeds/skole/{school.pk}/forsoeg.atom")) == listed
    assert client.get("/feeds/skole/999999/forsoeg.rss").status_code == 404


def test_tag_feed_matches_the_filtered_list(client, findings_network):
    listed = experiment_titles(client.get("/forsoeg/?emne=l%C3%A6sning"))
    assert rss_titles(client.get("/feeds/emne/l%C3%A6sning/forsoeg.rss")) == listed
    assert atom_titles(client.get("/feeds/emne/l%C3%A6sning/forsoeg.atom")) == listed
    # Only a members-only experiment has the tag: for a feed reader it does not exist.
    assert client.get("/feeds/emne/trivsel/forsoeg.rss").status_code == 404
    assert client.get("/feeds/emne/findes-ikke/forsoeg.rss").status_code == 404


def test_collection_feed_lists_only_visible_items_in_the_curators_order(
    client, findings_network, collection
):
    assert rss_titles(client.get(f"/feeds/samling/{collection.pk}/forsoeg.rss")) == [
        "Læsebånd på Ellekær",
        "Frilæsning i 4.b",
    ]
    client.force_login(findings_network.teacher_a)
    assert atom_titles(client.get(f"/feeds/samling/{collection.pk}/forsoeg.atom")) == [
        "Læsebånd på Ellekær",
        "Skjult forsøg om trivsel",
        "Frilæsning i 4.b",
    ]


def test_restricted_or_unpublished_collection_has_no_public_feed(
    client, findings_network, collection
):
    PageViewRestriction.objects.create(page=collection, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(f"/feeds/samling/{collection.pk}/forsoeg.rss").status_code == 404
    client.force_login(findings_network.teacher_a)
    assert client.get(f"/feeds/samling/{collection.pk}/forsoeg.rss").status_code == 200
    collection.unpublish()
    assert client.get(f"/feeds/samling/{collection.pk}/forsoeg.rss").status_code == 404


def test_school_feed_serves_a_network_with_thousands_of_members_only_experiments(
    client, findings_network
):
    """Wagtail's public() makes a condition of every view restriction: past about a thousand
    members-only experiments SQLite refused the school feed's query (a 500)."""
    n = findings_network
    PageViewRestriction.objects.bulk_create(
        PageViewRestriction(page=n.members, restriction_type=PageViewRestriction.LOGIN)
        for _ in range(1200)
    )
    assert rss_titles(client.get(f"/feeds/skole/{n.school_a.pk}/forsoeg.rss")) == [
        "Frilæsning i 4.b"
    ]
    PageViewRestriction.objects.create(page=n.school_a, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(f"/feeds/skole/{n.school_a.pk}/forsoeg.rss").status_code == 404
