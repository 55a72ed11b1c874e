"""Drafts and members-only experiments never reach anonymous visitors; members see members-only ones.

Also the two-way sync between ExperimentPage.members_only and Wagtail's view restrictions
(knowledge/experiments/privacy.py): the field makes a restriction, and a restriction made in Wagtail's privacy
dialog (on the experiment or on a page above it) sets the field.
"""

import pytest
from django.urls import reverse
from taggit.models import Tag
from wagtail.models import Page, PageViewRestriction

from knowledge.models import ExperimentPage
from tests.support.network import home_page, make_experiment

PUBLIC = "Makkerlæsning i 5. klasse"
MEMBERS = "Forældresamtaler med elevens portfolio"
DRAFT = "Udkast: lektier i skolen"


@pytest.fixture
def experiments(network):
    school = network.school_a
    return {
        "public": make_experiment(school, PUBLIC, team=network.team_a, tags=["Læsning"]),
        "members": make_experiment(
            school,
            MEMBERS,
            team=network.team_a,
            members_only=True,
            tags=["Læsning", "Forældresamarbejde"],
        ),
        "draft": make_experiment(
            school, DRAFT, team=network.team_a, live=False, tags=["Læsning", "Lektier"]
        ),
    }


def _tag_url(name):
    return reverse("knowledge:tag_detail", args=[Tag.objects.get(name=name).slug])


def _visible_titles(html):
    return {title for title in (PUBLIC, MEMBERS, DRAFT) if title in html}


def _pages(client, network):
    """The public pages an experiment can be listed on, as text."""
    return {
        "home": client.get(home_page().url),
        "school": client.get(network.school_a.url),
        "tag": client.get(_tag_url("Læsning")),
    }


def test_anonymous_visitors_see_only_public_experiments(client, network, experiments):
    for name, response in _pages(client, network).items():
        assert response.status_code == 200, name
        assert _visible_titles(response.content.decode()) == {PUBLIC}, name


def test_members_see_members_only_experiments_but_never_drafts(client, network, experiments):
    client.force_login(network.teacher_b)  # a member of the network, from another school
    for name, response in _pages(client, network).items():
        assert _visible_titles(response.content.decode()) == {PUBLIC, MEMBERS}, name


def test_anonymous_counts_leave_out_hidden_experiments(client, network, experiments):
    response = client.get(home_page().url)
    assert response.context["numbers"]["experiments"] == 1
    counts = {tag.name: tag.experiment_count for tag in response.context["popular_tags"]}
    assert counts == {"Læsning": 1}  # not Forældresamarbejde (members-only) nor Lektier (draft)

    tag_page = client.get(_tag_url("Læsning"))
    assert tag_page.context["page"].paginator.count == 1
    index = client.get(reverse("knowledge:tag_index"))
    assert {tag.name: tag.experiment_count for tag in index.context["tags"]} == {"Læsning": 1}


def test_member_counts_include_members_only_experiments(client, network, experiments):
    client.force_login(network.teacher_b)
    response = client.get(home_page().url)
    assert response.context["numbers"]["experiments"] == 2
    counts = {tag.name: tag.experiment_count for tag in response.context["popular_tags"]}
    assert counts == {"Læsning": 2, "Forældresamarbejde": 1}


def test_a_tag_carried_only_by_hidden_experiments_is_not_found(client, network, experiments):
    # Not found, exactly like a tag that does not exist: the page must not tell that it does.
    for name in ("Forældresamarbejde", "Lektier"):
        assert client.get(_tag_url(name)).status_code == 404
    assert client.get("/emner/findes-slet-ikke/").status_code == 404


def test_a_members_only_experiment_sends_anonymous_visitors_to_the_login(client, experiments):
    response = client.get(experiments["members"].url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailcore_login"))
    assert MEMBERS not in response.content.decode()


def test_a_member_reads_a_members_only_experiment(client, network, experiments):
    client.force_login(network.teacher_b)
    response = client.get(experiments["members"].url)
    assert response.status_code == 200
    assert MEMBERS in response.content.decode()


def test_a_draft_is_not_served(client, network, experiments):
    draft = experiments["draft"]
    assert client.get(network.school_a.url + draft.slug + "/").status_code == 404


# --- The sync, both ways ------------------------------------------------------------------


def _login_restrictions(page):
    return PageViewRestriction.objects.filter(page=page, restriction_type=PageViewRestriction.LOGIN)


def _members_only(page):
    return ExperimentPage.objects.get(pk=page.pk).members_only


def test_publishing_as_members_only_adds_the_restriction_and_public_removes_it(experiments):
    page = experiments["public"]
    assert not _login_restrictions(page).exists()

    page.members_only = True
    page.save_revision().publish()
    assert _login_restrictions(page).count() == 1
    assert _members_only(page)

    page = ExperimentPage.objects.get(pk=page.pk)
    page.members_only = False
    page.save_revision().publish()
    assert not _login_restrictions(page).exists()
    assert not _members_only(page)


def test_a_restriction_set_in_the_privacy_dialog_sets_the_field_and_survives_the_next_publish(
    experiments,
):
    page = experiments["public"]
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    assert _members_only(page)
    # The editor now shows the experiment as members-only, so publishing again keeps it so.
    draft = ExperimentPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert draft.members_only
    draft.title = "Makkerlæsning i 5. klasse, rettet"
    draft.save_revision().publish()
    assert _members_only(page)
    assert _login_restrictions(page).exists()

    PageViewRestriction.objects.filter(pk__in=_login_restrictions(page)).delete()
    del restriction
    assert not _members_only(page)
    assert not ExperimentPage.objects.get(pk=page.pk).get_latest_revision_as_object().members_only


def test_a_restriction_on_the_school_covers_its_experiments(client, network, experiments):
    restriction = PageViewRestriction.objects.create(
        page=network.school_a, restriction_type=PageViewRestriction.LOGIN
    )
    assert _members_only(experiments["public"])
    assert PUBLIC not in client.get(home_page().url).content.decode()

    restriction.delete()
    assert not _members_only(experiments["public"])
    assert _members_only(experiments["members"])  # its own choice stays
    assert PUBLIC in client.get(home_page().url).content.decode()


def test_publishing_again_under_a_restricted_school_keeps_it_members_only(network, experiments):
    page = ExperimentPage.objects.get(pk=experiments["public"].pk)
    page.title = "Makkerlæsning i 5. klasse, rettet"
    page.save_revision()  # a pending draft, written while the experiment was public
    restriction = PageViewRestriction.objects.create(
        page=network.school_a, restriction_type=PageViewRestriction.LOGIN
    )
    draft = ExperimentPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    # The draft keeps the experiment's own choice (public): only the school's restriction
    # can make the published page members-only.
    assert not draft.members_only
    draft.get_latest_revision().publish()
    assert ExperimentPage.objects.get(pk=page.pk).title == "Makkerlæsning i 5. klasse, rettet"
    assert _members_only(page)
    assert not _login_restrictions(page).exists()  # covered by the school, not by a copy of its own
    assert not ExperimentPage.objects.visible_to(None).filter(pk=page.pk).exists()

    restriction.delete()
    assert not _members_only(page)


def test_moving_an_experiment_under_a_restricted_school_restricts_it(client, network, experiments):
    PageViewRestriction.objects.create(
        page=network.school_b, restriction_type=PageViewRestriction.LOGIN
    )
    page = ExperimentPage.objects.get(pk=experiments["public"].pk)
    page.move(network.school_b, pos="last-child")
    assert _members_only(page)
    assert PUBLIC not in client.get(home_page().url).content.decode()
    page = ExperimentPage.objects.get(pk=page.pk)
    page.move(network.school_a, pos="last-child")
    assert not _members_only(page)


def test_a_restriction_set_while_a_draft_is_pending_is_kept_when_the_draft_is_published(
    experiments,
):
    page = ExperimentPage.objects.get(pk=experiments["public"].pk)
    page.title = "Makkerlæsning i 5. klasse, under omskrivning"
    page.save_revision()  # unpublished changes: the editor now shows this revision
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    draft = ExperimentPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert draft.members_only
    draft.get_latest_revision().publish()
    assert _members_only(page)
    assert _login_restrictions(page).exists()


def test_another_pages_login_restriction_is_not_written_into_an_experiments_draft(
    network, experiments
):
    # The members-only experiment has a login restriction of its own; the public one gets a
    # group restriction while a draft is pending: its draft must stay "public" (its own choice).
    page = experiments["public"]
    ExperimentPage.objects.get(pk=page.pk).save_revision()
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([network.school_a.leaders_group])
    draft = ExperimentPage.objects.get(pk=page.pk).get_latest_revision_as_object()
    assert draft.members_only is False


def test_public_pages_are_found_however_many_experiments_are_members_only(
    client, network, experiments
):
    """Wagtail's public() made a condition of every view restriction, one per members-only
    experiment: past about a thousand SQLite refused the query, and a teacher's form for a new
    experiment (its privacy status asks whether the school is public) was a 500."""
    PageViewRestriction.objects.bulk_create(
        PageViewRestriction(page=experiments["members"], restriction_type=PageViewRestriction.LOGIN)
        for _ in range(1200)
    )
    PageViewRestriction.objects.create(
        page=network.school_b, restriction_type=PageViewRestriction.LOGIN
    )
    restricted = [r.page.path for r in PageViewRestriction.objects.select_related("page")]
    every_page = Page.objects.values_list("pk", "path")
    private = {pk for pk, path in every_page if any(path.startswith(p) for p in restricted)}
    assert {experiments["members"].pk, network.school_b.pk} <= private
    assert (
        set(Page.objects.public().values_list("pk", flat=True))
        == {pk for pk, _ in every_page} - private
    )
    assert set(Page.objects.not_public().values_list("pk", flat=True)) == private

    client.force_login(network.teacher_a)
    add = f"/admin/pages/add/knowledge/experimentpage/{network.school_a.pk}/"
    assert client.get(add).status_code == 200
