"""The home page's way into the network: every municipality with its schools, each a link."""

import re

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from knowledge.listings.queries import municipalities_with_schools
from tests.support.network import home_page, make_municipality, make_school
from tests.support.queries import cold_and_warm_queries

pytestmark = pytest.mark.django_db

PLACE = re.compile(r'<li class="places__municipality"><h3><a href="([^"]+)">([^<]+)</a></h3>')
SCHOOL = re.compile(r'<ul class="places__schools">(.*?)</ul>', re.S)


def test_every_public_municipality_and_school_is_listed_by_title_with_its_address(network):
    ellekaer = make_school(network.municipality_a, "Ellekærskolen")
    assert municipalities_with_schools() == [
        (
            "Aarhus Kommune",
            network.municipality_a.url,
            [
                ("Ellekærskolen", ellekaer.url),
                ("Skjoldhøjskolen", network.school_a.url),
            ],
        ),
        ("Odense Kommune", network.municipality_b.url, [("Rosengårdskolen", network.school_b.url)]),
    ]


def test_a_restricted_or_unpublished_place_is_not_listed(network):
    hidden = make_school(network.municipality_a, "Lukket skole")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    draft = make_municipality("Kladdekommune")
    draft.unpublish()
    cache.clear()
    titles = [(m, [s for s, _url in schools]) for m, _url, schools in municipalities_with_schools()]
    assert titles == [
        ("Aarhus Kommune", ["Skjoldhøjskolen"]),
        ("Odense Kommune", ["Rosengårdskolen"]),
    ]


def test_the_home_page_links_each_municipality_and_school(client, network):
    page = client.get(home_page().url).content.decode()
    assert PLACE.findall(page) == [
        (network.municipality_a.url, "Aarhus Kommune"),
        (network.municipality_b.url, "Odense Kommune"),
    ]
    assert f'<a href="{network.school_b.url}">Rosengårdskolen</a>' in SCHOOL.findall(page)[1]


def test_more_places_cost_the_home_page_no_more_queries(client, network):
    small = cold_and_warm_queries(client, home_page().url)
    for number in range(4):
        municipality = make_municipality(f"Kommune {number}")
        for school in range(3):
            make_school(municipality, f"Skole {number}.{school}")
    assert cold_and_warm_queries(client, home_page().url) == small
