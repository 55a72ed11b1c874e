"""Collections: what readers see, and what a municipality's curators may (and may not) do."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from knowledge.models import CollectionIndexPage, CollectionItem, CollectionPage
from tests.support.network import PASSWORD, make_experiment, make_school
from tests.support.queries import cold_queries

pytestmark = pytest.mark.django_db


def folder_of(municipality):
    return CollectionIndexPage.objects.child_of(municipality).get()


def make_collection(municipality, title, entries, live=True):
    """A collection of (experiment, note) entries, in that order."""
    collection = CollectionPage(title=title, intro=f"<p>Om {title}.</p>", live=False)
    collection.items = [
        CollectionItem(experiment=experiment, note=note, sort_order=index)
        for index, (experiment, note) in enumerate(entries)
    ]
    folder_of(municipality).add_child(instance=collection)
    revision = collection.save_revision()
    if live:
        revision.publish()
    return CollectionPage.objects.get(pk=collection.pk)


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def item_titles(soup):
    return [h.get_text(strip=True) for h in soup.select(".collection-item__title")]


@pytest.fixture
def experiments(network):
    school_c = make_school(network.municipality_b, "Tarup Skole")
    return {
        "a": make_experiment(network.school_a, "Læsebånd"),
        "b": make_experiment(network.school_b, "Makkerlæsning"),
        "c": make_experiment(school_c, "Læsekaravane"),
        "secret": make_experiment(school_c, "Hemmelig læsning", members_only=True),
        "draft": make_experiment(network.school_a, "Kladde om læsning", live=False),
    }


def test_collection_shows_experiments_in_order_with_notes_and_schools(client, network, experiments):
    collection = make_collection(
        network.municipality_a,
        "Læselyst",
        [
            (experiments["c"], "Viser, hvordan man kommer i gang."),
            (experiments["a"], "Vores egen skole."),
            (experiments["b"], ""),
        ],
    )
    soup = soup_of(client.get(collection.url))
    assert item_titles(soup) == ["Læsekaravane", "Læsebånd", "Makkerlæsning"]
    notes = [n.get_text(" ", strip=True) for n in soup.select(".collection-item__note")]
    assert notes == [
        "Why it is here Viser, hvordan man kommer i gang.",
        "Why it is here Vores egen skole.",
    ]
    schools = soup.select_one(".collection__schools").get_text(" ", strip=True)
    assert schools == "Schools that contributed: Tarup Skole , Skjoldhøjskolen , Rosengårdskolen"


def test_collection_says_where_it_is_from_who_keeps_it_when_and_how_to_follow_it(
    client, network, experiments
):
    collection = make_collection(network.municipality_a, "Læselyst", [(experiments["a"], "")])
    CollectionPage.objects.filter(pk=collection.pk).update(
        owner=network.curator_a,
        last_published_at=datetime.datetime(2026, 3, 4, 23, 30, tzinfo=datetime.UTC),
    )
    soup = soup_of(client.get(collection.url))
    crumbs = [a.get_text(strip=True) for a in soup.select("nav.breadcrumbs a")]
    assert crumbs == ["Home", "Aarhus Kommune", "Samlinger"]  # the folder page's own title
    assert soup.select_one("nav.breadcrumbs [aria-current=page]").get_text() == "Læselyst"
    byline = soup.select_one(".collection__byline").get_text(" ", strip=True)
    # The curator by name, never by login; the date in Copenhagen (already the 5th there).
    assert byline.startswith("A collection from Aarhus Kommune · curated by Kurator_a · updated")
    assert "updated 5. March 2026" in byline and "kurator_a" not in byline
    feed = f"/feeds/samling/{collection.pk}/forsoeg.rss"
    assert soup.select_one(".collection__byline a.feed-link")["href"] == feed
    assert feed in [link["href"] for link in soup.select('link[rel=alternate][type$="rss+xml"]')]
    assert client.get(feed).status_code == 200


def test_collection_hides_what_the_reader_may_not_see(client, network, experiments):
    collection = make_collection(
        network.municipality_a,
        "Læselyst",
        [
            (experiments["secret"], "Kun for medlemmer."),
            (experiments["a"], ""),
            (experiments["draft"], "Kladde."),
        ],
    )
    soup = soup_of(client.get(collection.url))
    assert item_titles(soup) == ["Læsebånd"]
    html = soup.decode()
    assert "Hemmelig" not in html and "Kun for medlemmer" not in html and "Tarup" not in html
    assert "Kladde" not in html

    client.login(username=network.teacher_b.username, password=PASSWORD)
    assert item_titles(soup_of(client.get(collection.url))) == ["Hemmelig læsning", "Læsebånd"]


def test_municipality_page_lists_its_published_collections(client, network, experiments):
    make_collection(
        network.municipality_a, "Læselyst", [(experiments["a"], ""), (experiments["secret"], "")]
    )
    make_collection(network.municipality_a, "Ikke færdig", [(experiments["a"], "")], live=False)
    make_collection(network.municipality_b, "Odenses samling", [(experiments["b"], "")])
    soup = soup_of(client.get(network.municipality_a.url))
    listed = [c.get_text(" ", strip=True) for c in soup.select(".collection-list .card")]
    assert listed == ["Læselyst 1 experiment"]  # the members-only item is not counted


def test_home_page_lists_collections_of_every_municipality(client, network, experiments):
    make_collection(network.municipality_a, "Læselyst", [(experiments["a"], "")])
    make_collection(
        network.municipality_b, "Odenses samling", [(experiments["b"], ""), (experiments["c"], "")]
    )
    soup = soup_of(client.get("/"))
    listed = [c.get_text(" ", strip=True) for c in soup.select(".collection-list .card")]
    assert listed == [
        "Odenses samling Odense Kommune · 2 experiments",
        "Læselyst Aarhus Kommune · 1 experiment",
    ]


def test_collection_index_lists_the_folder(client, network, experiments):
    make_collection(network.municipality_a, "Læselyst", [(experiments["a"], "")])
    soup = soup_of(client.get(folder_of(network.municipality_a).url))
    assert [a.get_text() for a in soup.select(".collection-list a")] == ["Læselyst"]


def count_queries(client, url):
    return cold_queries(client, url)[0]


def test_collection_page_and_listings_keep_a_constant_number_of_queries(client, network):
    collection = make_collection(
        network.municipality_a,
        "Læselyst",
        [(make_experiment(network.school_a, "Forsøg 0"), "note")],
    )
    urls = [collection.url, network.municipality_a.url, "/"]
    small = [count_queries(client, url) for url in urls]
    entries = [
        (make_experiment(make_school(network.municipality_b, f"Skole {n}"), f"Forsøg {n}"), "n")
        for n in range(1, 7)
    ]
    page = CollectionPage.objects.get(pk=collection.pk)
    page.items = [
        CollectionItem(experiment=e, note=note, sort_order=i) for i, (e, note) in enumerate(entries)
    ]
    page.save_revision().publish()
    for n in range(3):
        make_collection(network.municipality_a, f"Samling {n}", entries[:2])
        make_collection(network.municipality_b, f"Odense {n}", entries[2:])
    assert [count_queries(client, url) for url in urls] == small


# --- Curators ---------------------------------------------------------------------------------


@pytest.fixture
def curator(client, network):
    client.login(username=network.curator_a.username, password=PASSWORD)
    return client


def collection_form(title, entries, slug=None, action="action-publish"):
    """The admin form for a collection with entries [(experiment, note)], ORDER as given."""
    return nested_form_data(
        {
            "title": title,
            "slug": slug or title.lower().replace(" ", "-"),
            "intro": rich_text("<p>Til skolernes ledere.</p>"),
            "items": inline_formset(
                [
                    {"experiment": experiment.pk, "note": note, "ORDER": index + 1}
                    for index, (experiment, note) in enumerate(entries)
                ]
            ),
            action: "1",
        }
    )


def test_curator_creates_and_publishes_a_collection_directly(curator, network, experiments):
    folder = folder_of(network.municipality_a)
    add_url = f"/admin/pages/add/knowledge/collectionpage/{folder.pk}/"
    assert curator.get(add_url).status_code == 200
    response = curator.post(
        add_url,
        collection_form("Læselyst", [(experiments["b"], "Fra Odense."), (experiments["a"], "")]),
    )
    assert response.status_code == 302
    collection = CollectionPage.objects.child_of(folder).get(title="Læselyst")
    assert collection.live  # curators publish without a moderation step
    assert [i.experiment.title for i in collection.items.order_by("sort_order")] == [
        "Makkerlæsning",
        "Læsebånd",
    ]


def test_curator_reorders_and_edits_a_collection(curator, network, experiments):
    collection = make_collection(
        network.municipality_a,
        "Læselyst",
        [
            (experiments["a"], "første"),
            (experiments["b"], "anden"),
            (experiments["c"], "tredje"),
        ],
    )
    items = list(collection.items.order_by("sort_order"))
    data = collection_form("Læselyst", [], slug=collection.slug)
    # As the admin posts it: the forms stay in their places; moving "tredje" to the top changes
    # the ORDER values.
    data.update(
        nested_form_data(
            {
                "items": inline_formset(
                    [
                        {
                            "id": items[0].pk,
                            "experiment": experiments["a"].pk,
                            "note": "første, rettet",
                            "ORDER": 2,
                        },
                        {
                            "id": items[1].pk,
                            "experiment": experiments["b"].pk,
                            "note": "anden",
                            "ORDER": 3,
                        },
                        {
                            "id": items[2].pk,
                            "experiment": experiments["c"].pk,
                            "note": "tredje",
                            "ORDER": 1,
                        },
                    ],
                    initial=3,
                )
            }
        )
    )
    response = curator.post(f"/admin/pages/{collection.pk}/edit/", data)
    assert response.status_code == 302
    soup = soup_of(curator.get(collection.url))
    assert item_titles(soup) == ["Læsekaravane", "Læsebånd", "Makkerlæsning"]
    assert "første, rettet" in soup.get_text()


def test_curator_gets_clear_messages_for_bad_items(curator, network, experiments):
    folder = folder_of(network.municipality_a)
    response = curator.post(
        f"/admin/pages/add/knowledge/collectionpage/{folder.pk}/",
        collection_form(
            "Dobbelt", [(experiments["a"], ""), (experiments["a"], ""), (experiments["draft"], "")]
        ),
    )
    assert response.status_code == 200
    text = BeautifulSoup(response.content, "html.parser").get_text(" ", strip=True)
    assert "This experiment is already in the collection." in text
    # A curator edits collections, not experiments: a draft's title is not theirs to read.
    assert "That experiment is not published. Choose a published experiment." in text
    assert not CollectionPage.objects.filter(title="Dobbelt").exists()


@pytest.mark.parametrize("target", ["experiment", "school", "municipality", "other_folder"])
def test_curator_cannot_reach_edit_views_outside_the_folder(curator, network, experiments, target):
    page = {
        "experiment": experiments["a"],
        "school": network.school_a,
        "municipality": network.municipality_a,
        "other_folder": folder_of(network.municipality_b),
    }[target]
    response = curator.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert not response["Location"].endswith(f"/pages/{page.pk}/edit/")
    title_before = page.title
    curator.post(f"/admin/pages/{page.pk}/edit/", {"title": "Overtaget", "slug": page.slug})
    page.refresh_from_db()
    assert page.title == title_before


def test_curator_cannot_add_experiments_or_collections_elsewhere(curator, network):
    school_add = f"/admin/pages/add/knowledge/experimentpage/{network.school_a.pk}/"
    assert curator.get(school_add).status_code in (302, 403)
    other = f"/admin/pages/add/knowledge/collectionpage/{folder_of(network.municipality_b).pk}/"
    assert curator.get(other).status_code in (302, 403)


def test_curator_can_browse_and_search_experiments_in_the_page_chooser(
    curator, network, experiments
):
    response = curator.get(
        "/admin/choose-page/search/",
        {
            "q": "Makkerlæsning",
            "page_type": "knowledge.experimentpage",
        },
    )
    assert response.status_code == 200
    results = BeautifulSoup(response.content, "html.parser")
    assert "Makkerlæsning" in [a.get_text(strip=True) for a in results.select("a.choose-page")]
    response = curator.get(
        f"/admin/choose-page/{network.school_b.pk}/",
        {
            "page_type": "knowledge.experimentpage",
        },
    )
    assert response.status_code == 200
    soup = BeautifulSoup(json.loads(response.content)["html"], "html.parser")
    choosable = [a.get_text(strip=True) for a in soup.select("a.choose-page")]
    assert "Makkerlæsning" in choosable
