"""Every feed and the JSON API run the same number of queries whatever the number of items.

Measured cold (tests.support.queries: the cache is emptied first) with 3 experiments, then with 12, each
with a team, tags, subjects, grades, findings and links to other experiments, so a query per item
(its team, its tags, its school, its links) would show as a larger count.
"""

import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from taggit.models import Tag

from knowledge.models import (
    CollectionIndexPage,
    CollectionItem,
    CollectionPage,
    ExperimentLink,
    ExperimentPage,
    LinkKind,
)
from tests.support.network import make_experiment
from tests.support.queries import cold_queries

pytestmark = pytest.mark.django_db

SMALL, LARGE = 3, 12
ATOM = "{http://www.w3.org/2005/Atom}"
FEED_KINDS = ["network", "school", "tag", "collection"]


def grow(network, count, start=0):
    """Experiments in both schools, each with its team and links to the two made before it."""
    teams = {network.school_a.pk: network.team_a, network.school_b.pk: network.team_b}
    for number in range(start, start + count):
        school = network.school_b if number % 3 == 0 else network.school_a
        experiment = make_experiment(
            school,
            f"Forsøg nummer {number}",
            team=teams[school.pk],
            tags=["læsning", f"emne {number}"],
            subjects=("Dansk", f"Fag {number % 4}"),
            grades=(number % 10, 5),
            findings=[f"Fund {number}.{i}" for i in range(1 + number % 3)],
            members_only=number % 5 == 4,
        )
        earlier = ExperimentPage.objects.exclude(pk=experiment.pk).order_by("-pk")[:2]
        for order, target in enumerate(earlier):
            ExperimentLink.objects.create(
                page=experiment, target=target, kind=LinkKind.ADAPTS, sort_order=order
            )


def collect_everything(network):
    """A collection of every experiment there is (the reader's feed shows the visible ones)."""
    folder = CollectionIndexPage.objects.child_of(network.municipality_a).get()
    collection = CollectionPage.objects.child_of(folder).first()
    if collection is None:
        collection = CollectionPage(title="Alt om læsning")
        folder.add_child(instance=collection)
    collection = CollectionPage.objects.get(pk=collection.pk)
    collection.items = [
        CollectionItem(experiment=experiment, note=f"Nummer {i}")
        for i, experiment in enumerate(ExperimentPage.objects.order_by("pk"))
    ]
    collection.save_revision().publish()
    return collection


def feed_urls(network, collection):
    tag = Tag.objects.get(name="læsning").slug
    paths = {
        "network": "/feeds/forsoeg",
        "school": f"/feeds/skole/{network.school_a.pk}/forsoeg",
        "tag": f"/feeds/emne/{tag}/forsoeg",
        "collection": f"/feeds/samling/{collection.pk}/forsoeg",
    }
    return {
        (kind, feed_format): f"{path}.{feed_format}"
        for kind, path in paths.items()
        for feed_format in ("rss", "atom")
    }


def feed_entries(response):
    """(title, author) of each item, from RSS or Atom as a feed reader parses it."""
    root = ET.fromstring(response.content)
    if root.tag == "rss":
        return [
            (
                item.findtext("title"),
                item.findtext("{http://purl.org/dc/elements/1.1/}creator"),
                len(item.findall("category")),
            )
            for item in root.find("channel").findall("item")
        ]
    return [
        (
            entry.findtext(f"{ATOM}title"),
            entry.findtext(f"{ATOM}author/{ATOM}name"),
            len(entry.findall(f"{ATOM}category")),
        )
        for entry in root.findall(f"{ATOM}entry")
    ]


def visible_count(member, total):
    """How many of grow()'s first `total` experiments the reader may see."""
    return sum(1 for number in range(total) if member or number % 5 != 4)


@pytest.mark.parametrize("member", [False, True], ids=["anonymous", "member"])
def test_every_feed_runs_as_many_queries_for_twelve_items_as_for_three(client, network, member):
    if member:
        client.force_login(network.teacher_b)
    grow(network, SMALL)
    urls = feed_urls(network, collect_everything(network))
    small = {}
    for name, url in urls.items():
        small[name], response = cold_queries(client, url)
        assert feed_entries(response), f"{name}: the feed must list something to count"

    grow(network, LARGE - SMALL, start=SMALL)
    urls = feed_urls(network, collect_everything(network))
    large, responses = {}, {}
    for name, url in urls.items():
        large[name], responses[name] = cold_queries(client, url)
    assert large == small  # compared whole, so a failure names every feed that grew

    for name, response in responses.items():
        entries = feed_entries(response)
        if name[0] in ("network", "tag", "collection"):
            assert len(entries) == visible_count(member, LARGE), name
        # Each item carries its team and school as author, and its tags as categories.
        for title, author, categories in entries:
            assert "Mellemtrinnet" in author and "skolen" in author, (name, title, author)
            assert categories == 2, (name, title)


def test_the_experiments_api_runs_as_many_queries_for_twelve_items_as_for_three(
    client, network, django_assert_num_queries
):
    url = "/api/v2/experiments/"
    grow(network, SMALL)
    small, response = cold_queries(client, url)
    assert len(response.json()["items"]) == visible_count(False, SMALL)

    grow(network, LARGE - SMALL, start=SMALL)
    client.get(url)
    cache.clear()
    with django_assert_num_queries(small):
        response = client.get(url)
    assert response.status_code == 200
    items = response.json()["items"]
    assert len(items) == visible_count(False, LARGE)
    # Every field a query per item could fetch is really there.
    for item in items:
        assert item["team"]["name"].startswith("Mellemtrinnet"), item["title"]
        assert item["school"]["title"].endswith("skolen"), item["title"]
        assert len(item["tags"]) == 2 and len(item["subjects"]) == 2, item["title"]
        assert item["grade_levels"] and item["findings"], item["title"]
    assert sum(len(item["links"]) for item in items) >= LARGE
