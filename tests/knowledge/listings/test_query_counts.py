"""Listing pages use the same number of queries whatever the size of the network.

Each page is requested once to warm Django's and Wagtail's caches, then measured on a small
network; the network grows (more experiments, tags, findings, links) and the page must use
exactly as many queries again. Listings are measured cold (the cache emptied first, so every
cached listing is built from the database) and warm (served from the cache).
"""

import pytest
from django.core.cache import cache
from django.urls import reverse
from taggit.models import Tag

from knowledge.models import ExperimentLink, ExperimentPage, Finding
from tests.support.network import grow, home_page, make_experiment, make_team
from tests.support.queries import cold_and_warm_queries

SMALL, LARGE = 3, 25


def listing_urls(network):
    return {
        "home": home_page().url,
        "school": network.school_a.url,
        "tag": reverse("knowledge:tag_detail", args=[Tag.objects.get(name="Læsning").slug]),
        "tag index": reverse("knowledge:tag_index"),
    }


@pytest.mark.parametrize("member", [False, True], ids=["anonymous", "member"])
def test_listing_pages_use_constant_queries(client, network, django_assert_num_queries, member):
    if member:
        client.force_login(network.teacher_b)
    grow(network, SMALL)
    urls = listing_urls(network)
    small = {name: cold_and_warm_queries(client, url) for name, url in urls.items()}

    grow(network, LARGE - SMALL, start=SMALL)
    make_team(network.school_a, "Indskolingen A")
    for name, url in listing_urls(network).items():
        cold, warm = small[name]
        assert warm < cold, f"{name}: the cache should spare queries ({warm} warm, {cold} cold)"
        client.get(url)
        cache.clear()
        with django_assert_num_queries(cold):
            response = client.get(url)
        assert response.status_code == 200, name
        with django_assert_num_queries(warm):
            response = client.get(url)
        assert response.status_code == 200, name


def _enrich(experiment, network, findings, links, tags):
    page = ExperimentPage.objects.get(pk=experiment.pk)
    page.findings = [Finding(statement=f"Fund {i}") for i in range(findings)]
    targets = list(ExperimentPage.objects.live().exclude(pk=page.pk)[:links])
    page.links = [ExperimentLink(target=target, kind="adapts") for target in targets]
    page.tags.set([f"Mærke {i}" for i in range(tags)])
    page.save_revision().publish()
    return ExperimentPage.objects.get(pk=page.pk)


@pytest.mark.parametrize("member", [False, True], ids=["anonymous", "member"])
def test_the_experiment_page_uses_constant_queries(
    client, network, django_assert_num_queries, member
):
    if member:
        client.force_login(network.teacher_b)
    grow(network, SMALL)
    experiment = make_experiment(network.school_a, "Makkerlæsning", team=network.team_a)
    experiment = _enrich(experiment, network, findings=2, links=1, tags=2)
    small = cold_and_warm_queries(client, experiment.url)

    grow(network, LARGE - SMALL, start=SMALL)
    experiment = _enrich(experiment, network, findings=12, links=6, tags=10)
    assert cold_and_warm_queries(client, experiment.url) == small
    response = client.get(experiment.url)
    html = response.content.decode()
    assert "Fund 11" in html
    assert "Mærke 9" in html
