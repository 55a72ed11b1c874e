"""A school's and a tag's experiments are keyset pages (knowledge.listings.keyset), as /fund/
and /forsoeg/ are: walking "Next" lists every experiment once, even when another is published
meanwhile, and a cursor that is not one shows the first page with a message."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

import knowledge.tags.views
from knowledge.models import ExperimentPage
from schools.models import SchoolPage
from tests.support.english import english  # noqa: F401
from tests.support.network import grow, make_experiment

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

CARD = re.compile(r'class="card__title"><a [^>]*>(.*?)</a>')
NEXT = re.compile(r'<a rel="next" href="([^"]*)"')


def walk(client, url, school):
    """Every title on every page from url on, following "Next"; a new experiment is
    published at the school after the first page."""
    titles, address, first = [], url, True
    while address:
        page = client.get(address)
        assert page.status_code == 200
        content = page.content.decode()
        titles += [unescape(t) for t in CARD.findall(content)]
        if first:
            make_experiment(school, "Udgivet imens", tags=["Læsning"])
            first = False
        found = NEXT.search(content)
        address = url.split("?")[0] + unescape(found.group(1)) if found else None
    return titles


def listed(network, listing, school, user):
    """The school's or the tag's address, what it lists to user, and their titles, newest first."""
    visible = ExperimentPage.objects.visible_to(user)
    if listing == "school":
        url, visible = school.url, visible.child_of(school)
    else:
        url, visible = network.tag_url, visible.filter(tags__name="Læsning")
    titles = visible.order_by("-first_published_at", "-pk").values_list("title", flat=True)
    return url, visible, list(titles)


@pytest.fixture
def small_pages(monkeypatch, network):
    monkeypatch.setattr(knowledge.tags.views, "EXPERIMENTS_PER_PAGE", 3)
    monkeypatch.setattr(SchoolPage, "EXPERIMENTS_PER_PAGE", 3)
    grow(network, 10)
    network.tag_url = f"/emner/{Tag.objects.get(name='Læsning').slug}/"
    return network


@pytest.mark.parametrize("listing", ["school", "tag"])
def test_walking_the_pages_lists_each_experiment_once_while_others_publish(
    client, small_pages, listing
):
    school = small_pages.school_a
    url, _visible, expected = listed(small_pages, listing, school, None)
    assert len(expected) > 3  # two pages or more
    titles = walk(client, url, school)
    assert titles == expected  # no repeat, none skipped, the newest seen on the first page only


@pytest.mark.parametrize("bad", ["1714567890", "abc-12", "99999999999999999999999-1"])
def test_a_cursor_that_is_not_one_shows_the_first_page_with_a_message(client, small_pages, bad):
    tag_url = small_pages.tag_url
    first = CARD.findall(client.get(tag_url).content.decode())
    for url in (tag_url, small_pages.school_a.url):
        response = client.get(url, {"efter": bad})
        assert response.status_code == 200
        content = unescape(response.content.decode())
        assert "That page of the list could not be found; here is the first." in content
    assert CARD.findall(client.get(tag_url, {"efter": bad}).content.decode()) == first


@pytest.mark.parametrize("listing", ["school", "tag"])
@pytest.mark.parametrize("reader", ["anonymous", "member"])
def test_a_page_finds_its_experiments_in_the_facet_table_and_reads_them_by_id(
    client, small_pages, listing, reader
):
    """Ordering a school's or a tag's every experiment in SQL to show a page of them grew with
    the network; the facet table names the page's experiments, and what a reader may see
    (members-only for members) is the same."""
    school, user = small_pages.school_a, None
    if reader == "member":
        school = small_pages.school_b  # every grown experiment there is members-only
        user = small_pages.teacher_b
        client.force_login(user)
    url, visible, expected = listed(small_pages, listing, school, user)
    assert (reader == "member") == visible.filter(members_only=True).exists()
    with CaptureQueriesContext(connection) as queries:
        content = client.get(url).content.decode()
    assert len(expected) > 3
    assert [unescape(t) for t in CARD.findall(content)] == expected[:3]
    rows = [
        q["sql"]
        for q in queries.captured_queries
        if 'FROM "knowledge_experimentpage"' in q["sql"] and "LIMIT 4" in q["sql"]
    ]
    assert len(rows) == 1, rows
    assert " LIKE " not in rows[0] and "knowledge_experimenttag" not in rows[0]
