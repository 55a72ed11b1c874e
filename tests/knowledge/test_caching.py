"""Cached listings (knowledge.cache) never show stale or private content.

Each test first requests the pages so their listings are in the cache, then changes the content
the way an editor or administrator would, and requests the pages again: the change shows at once.
Anonymous visitors and members get separate cache entries, in either order of visits.
"""

import pytest
from django.urls import reverse
from taggit.models import Tag
from wagtail.models import PageViewRestriction

from knowledge.cache import bump_content_version, content_version
from knowledge.models import ExperimentPage
from tests.support.network import home_page, make_experiment

OLD = "Makkerlæsning i 5. klasse"
NEW = "Matematik i skolegården"


def tag_url(name):
    return reverse("knowledge:tag_detail", args=[Tag.objects.get(name=name).slug])


def listing_pages(network, tag="Læsning"):
    return {
        "home": home_page().url,
        "school": network.school_a.url,
        "tag": tag_url(tag),
        "tag index": reverse("knowledge:tag_index"),
        "school overview": reverse("knowledge:school_overview", args=[network.school_a.pk]),
        "municipality overview": reverse(
            "knowledge:municipality_overview", args=[network.municipality_a.pk]
        ),
    }


def texts(client, urls):
    pages = {}
    for name, url in urls.items():
        response = client.get(url)
        # A tag none of the reader's experiments carries any more is not found (knowledge.tags).
        assert response.status_code == 200 or (name == "tag" and response.status_code == 404), name
        pages[name] = response
    return pages


def card_pages(pages):
    """The pages that list experiment cards by title."""
    return {name: pages[name].content.decode() for name in ("home", "school", "tag")}


def overview_counts(pages):
    return (
        pages["school overview"].context["experiment_count"],
        pages["municipality overview"].context["experiment_count"],
    )


@pytest.fixture
def published(network):
    return make_experiment(network.school_a, OLD, team=network.team_a, tags=["Læsning"])


def test_a_published_experiment_shows_at_once(client, network, published):
    before = texts(client, listing_pages(network))
    assert overview_counts(before) == (1, 1)
    assert before["home"].context["numbers"]["experiments"] == 1

    make_experiment(network.school_a, NEW, team=network.team_a, tags=["Læsning"])

    after = texts(client, listing_pages(network))
    for name, html in card_pages(after).items():
        assert NEW in html, name
    assert after["home"].context["numbers"]["experiments"] == 2
    tag_counts = {t.name: t.experiment_count for t in after["tag index"].context["tags"]}
    assert tag_counts == {"Læsning": 2}
    assert overview_counts(after) == (2, 2)


def test_an_unpublished_experiment_disappears_at_once(client, network, published):
    before = texts(client, listing_pages(network))
    assert all(OLD in html for html in card_pages(before).values())

    ExperimentPage.objects.get(pk=published.pk).unpublish()

    after = texts(client, listing_pages(network))
    for name, html in card_pages(after).items():
        assert OLD not in html, name
    assert after["home"].context["numbers"]["experiments"] == 0
    assert overview_counts(after) == (0, 0)


def test_a_deleted_experiment_disappears_at_once(client, network, published):
    urls = listing_pages(network)
    texts(client, urls)

    ExperimentPage.objects.get(pk=published.pk).delete()

    after = texts(client, urls)
    for name, html in card_pages(after).items():
        assert OLD not in html, name
    assert after["home"].context["numbers"]["experiments"] == 0


def test_an_experiment_made_members_only_leaves_anonymous_listings_at_once(
    client, network, published
):
    urls = listing_pages(network)
    texts(client, urls)

    page = ExperimentPage.objects.get(pk=published.pk)
    page.members_only = True
    page.save_revision().publish()

    anonymous = texts(client, urls)
    for name, html in card_pages(anonymous).items():
        assert OLD not in html, name
    assert anonymous["home"].context["numbers"]["experiments"] == 0
    assert overview_counts(anonymous) == (0, 0)
    client.force_login(network.teacher_b)
    member = texts(client, urls)
    for name, html in card_pages(member).items():
        assert OLD in html, name


def test_a_restriction_set_in_the_privacy_dialog_hides_it_at_once(client, network, published):
    urls = listing_pages(network)
    texts(client, urls)

    PageViewRestriction.objects.create(
        page=published.page_ptr, restriction_type=PageViewRestriction.LOGIN
    )

    assert ExperimentPage.objects.get(pk=published.pk).members_only
    for name, html in card_pages(texts(client, urls)).items():
        assert OLD not in html, name


def test_changed_tags_show_at_once(client, network, published):
    texts(client, listing_pages(network))

    page = ExperimentPage.objects.get(pk=published.pk)
    page.tags.set(["Udeskole"])
    page.save_revision().publish()

    assert OLD not in client.get(tag_url("Læsning")).content.decode()
    assert OLD in client.get(tag_url("Udeskole")).content.decode()
    home = client.get(home_page().url)
    assert [tag.name for tag in home.context["popular_tags"]] == ["Udeskole"]
    index = client.get(reverse("knowledge:tag_index"))
    assert [tag.name for tag in index.context["tags"]] == ["Udeskole"]


def test_a_renamed_team_shows_at_once(client, network, published):
    texts(client, listing_pages(network))

    network.team_a.name = "Indskolingen A"
    network.team_a.save()

    after = card_pages(texts(client, listing_pages(network)))
    assert "Indskolingen A" in after["home"]
    assert "Indskolingen A" in after["tag"]


def test_a_draft_never_reaches_the_cached_listings(client, network, published):
    page = ExperimentPage.objects.get(pk=published.pk)
    page.title = "Kladde med ny titel"
    page.save_revision()  # a draft of a live page: the live version stays what listings show
    make_experiment(network.school_a, NEW, team=network.team_a, tags=["Læsning"], live=False)

    for _ in range(2):  # built from the database, then served from the cache
        for name, html in card_pages(texts(client, listing_pages(network))).items():
            assert OLD in html, name
            assert "Kladde med ny titel" not in html, name
            assert NEW not in html, name


def test_the_findings_and_experiments_lists_show_a_new_experiment_at_once(
    client, network, published
):
    urls = {
        "findings": reverse("knowledge:findings"),
        "experiments": reverse("knowledge:experiments"),
    }
    texts(client, urls)

    make_experiment(
        network.school_a,
        NEW,
        team=network.team_a,
        tags=["Læsning"],
        findings=["Eleverne regnede mere udenfor."],
    )

    after = texts(client, urls)
    assert "Eleverne regnede mere udenfor." in after["findings"].content.decode()
    assert NEW in after["experiments"].content.decode()


@pytest.mark.parametrize("member_first", [True, False], ids=["member-first", "anonymous-first"])
def test_anonymous_visitors_never_get_a_members_cached_listing(
    client, network, published, member_first
):
    make_experiment(network.school_a, NEW, team=network.team_a, tags=["Læsning"], members_only=True)
    urls = listing_pages(network)

    def as_member():
        client.force_login(network.teacher_b)
        pages = texts(client, urls)
        client.logout()
        return pages

    if member_first:
        member, anonymous = as_member(), texts(client, urls)
    else:
        anonymous, member = texts(client, urls), as_member()

    for name, html in card_pages(anonymous).items():
        assert NEW not in html, name
        assert OLD in html, name
    for name, html in card_pages(member).items():
        assert NEW in html, name
    assert anonymous["home"].context["numbers"]["experiments"] == 1
    assert member["home"].context["numbers"]["experiments"] == 2
    assert overview_counts(anonymous) == (1, 1)
    assert overview_counts(member) == (2, 2)


def test_the_version_changes_again_when_the_change_is_committed(
    db, django_capture_on_commit_callbacks
):
    """A request between the first bump and the commit could only cache old content: drop it."""
    with django_capture_on_commit_callbacks(execute=True):
        bump_content_version()
        during_transaction = content_version()
    assert content_version() != during_transaction


@pytest.mark.django_db
def test_an_experiment_page_shows_a_new_publication_at_once_and_never_a_preview(network, client):
    experiment = make_experiment(network.school_a, OLD, summary="Første udgave af forsøget.")
    assert "Første udgave af forsøget." in client.get(experiment.url).content.decode()

    # A draft is saved (and previewed by its author): readers keep the published text.
    draft = ExperimentPage.objects.get(pk=experiment.pk)
    draft.summary = "Kladde: endnu ikke udgivet."
    revision = draft.save_revision()
    preview = draft.make_preview_request()
    preview.render()
    assert "Kladde: endnu ikke udgivet." in preview.content.decode()
    page = client.get(experiment.url).content.decode()
    assert "Første udgave af forsøget." in page and "Kladde" not in page

    revision.publish()
    page = client.get(experiment.url).content.decode()
    assert "Kladde: endnu ikke udgivet." in page
    assert "Første udgave af forsøget." not in page


def queries_for(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries), response.content.decode()


def test_a_publish_at_one_school_leaves_other_schools_and_untouched_tags_cached(
    client, network, published
):
    make_experiment(network.school_b, "Udeskole i Odense", team=network.team_b, tags=["Udeskole"])
    elsewhere = {
        "school b": network.school_b.url,
        "tag of school b": tag_url("Udeskole"),
        "school b overview": reverse("knowledge:school_overview", args=[network.school_b.pk]),
    }
    municipality_b = reverse("knowledge:municipality_overview", args=[network.municipality_b.pk])
    for url in [*elsewhere.values(), municipality_b, network.school_a.url]:
        client.get(url)
    warm = {name: queries_for(client, url)[0] for name, url in elsewhere.items()}
    warm_municipality = queries_for(client, municipality_b)[0]

    make_experiment(network.school_a, NEW, team=network.team_a, tags=["Læsning"])

    for name, url in elsewhere.items():
        assert queries_for(client, url)[0] == warm[name], f"{name} went cold"
    # Its schools' counts stay cached; the network's most used tags are one query to renew.
    assert queries_for(client, municipality_b)[0] == warm_municipality + 1
    assert NEW in queries_for(client, network.school_a.url)[1]
    assert NEW in queries_for(client, tag_url("Læsning"))[1]
    assert (
        queries_for(client, reverse("knowledge:school_overview", args=[network.school_a.pk]))[
            1
        ].count(NEW)
        == 0
    )  # the overview counts, it lists no titles
    overview = client.get(reverse("knowledge:school_overview", args=[network.school_a.pk]))
    assert overview.context["experiment_count"] == 2
