"""Who may do what, role × page × action, in the manner of Wagtail's own test_page_permissions.

The first table asks Wagtail's permission tester (what the admin shows and checks); the tests
after it go through the real admin views with the Django test client, so a hole in a view that
does its own checking would show too.
"""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data

from knowledge.models import CollectionIndexPage, CollectionPage, ExperimentPage
from schools.models import SchoolPage
from tests.support.admin_forms import experiment_edit_data
from tests.support.network import make_experiment

ROLES = ["admin", "teacher_a", "leader_a", "teacher_b", "leader_b", "curator_a"]
PAGES = [
    "home",
    "municipality_a",
    "school_a",
    "experiment_a",
    "school_b",
    "experiment_b",
    "collections_a",
    "collection_a",
]
ACTIONS = [
    "can_add_subpage",
    "can_edit",
    "can_publish",
    "can_delete",
    "can_unpublish",
    "can_move",
    "can_set_view_restrictions",
]

# Columns in ACTIONS order: add, edit, publish, delete, unpublish, move, restrict.
# 1 = allowed, . = refused.
MATRIX = {
    "admin": {
        "home": "1111111",
        "municipality_a": "1111111",
        "school_a": "1111111",
        "experiment_a": ".111111",  # experiments have no subpages
        "school_b": "1111111",
        "experiment_b": ".111111",
        "collections_a": "1111111",
        "collection_a": ".111111",
    },
    "teacher_a": {
        "home": ".......",
        "municipality_a": ".......",
        "school_a": "1......",  # write experiments here, never the school profile
        "experiment_a": ".1.....",  # edit, but never publish, and not delete a live one
        "school_b": ".......",
        "experiment_b": ".......",
        "collections_a": ".......",
        "collection_a": ".......",
    },
    "leader_a": {
        "home": ".......",
        "municipality_a": ".......",
        "school_a": "111.1.1",  # the profile is theirs; deleting/moving a school is not
        "experiment_a": ".111111",
        "school_b": ".......",
        "experiment_b": ".......",
        "collections_a": ".......",
        "collection_a": ".......",
    },
    "teacher_b": {
        "home": ".......",
        "municipality_a": ".......",
        "school_a": ".......",
        "experiment_a": ".......",
        "school_b": "1......",
        "experiment_b": ".1.....",
        "collections_a": ".......",
        "collection_a": ".......",
    },
    "leader_b": {
        "home": ".......",
        "municipality_a": ".......",
        "school_a": ".......",
        "experiment_a": ".......",
        "school_b": "111.1.1",
        "experiment_b": ".111111",
        "collections_a": ".......",
        "collection_a": ".......",
    },
    "curator_a": {
        "home": ".......",
        "municipality_a": ".......",
        "school_a": ".......",
        "experiment_a": ".......",
        "school_b": ".......",
        "experiment_b": ".......",
        "collections_a": "1......",  # add collections; the folder itself is the admins'
        "collection_a": ".111111",
    },
}

# One test per role and page, comparing the whole row, so a failure shows every wrong cell.
ROWS = [pytest.param(role, page, id=f"{role}-{page}") for role in ROLES for page in PAGES]


@pytest.fixture
def world(network):
    """The network plus a live experiment in each school owned by someone else, and a collection."""
    pages = {
        "home": Page.objects.get(depth=2).specific,
        "municipality_a": network.municipality_a,
        "school_a": network.school_a,
        "school_b": network.school_b,
        "experiment_a": make_experiment(
            network.school_a, "Læsebånd", team=network.team_a, owner=network.admin
        ),
        "experiment_b": make_experiment(
            network.school_b, "Matematikvandring", team=network.team_b, owner=network.admin
        ),
        "collections_a": CollectionIndexPage.objects.child_of(network.municipality_a).get(),
    }
    collection = CollectionPage(title="Læsning i udskolingen", owner=network.admin)
    pages["collections_a"].add_child(instance=collection)
    collection.save_revision().publish()
    pages["collection_a"] = CollectionPage.objects.get(pk=collection.pk)
    return network, pages


@pytest.mark.parametrize(("role", "page_name"), ROWS)
def test_permission_matrix(world, role, page_name):
    network, pages = world
    user = getattr(network, role)
    page = Page.objects.get(pk=pages[page_name].pk)  # as the admin loads it: a plain Page
    tester = page.permissions_for_user(user)
    expected = {action: MATRIX[role][page_name][i] == "1" for i, action in enumerate(ACTIONS)}
    assert {action: getattr(tester, action)() for action in ACTIONS} == expected


# Lock and copy, for the roles and pages where they differ: (lock, copy, delete ignoring bulk).
# A leader manages the school profile (edit, publish) but may neither lock it (no "lock"
# permission) nor copy it (copying a school is restructuring, as deleting and moving are).
LOCK_COPY = {
    "admin": {"school_a": "111", "experiment_a": "111", "collections_a": "111"},
    "teacher_a": {"school_a": "...", "experiment_a": ".1.", "collections_a": "..."},
    "leader_a": {"school_a": "...", "experiment_a": ".11", "collections_a": "..."},
    "curator_a": {"school_a": "...", "experiment_a": "...", "collections_a": "..."},
}


@pytest.mark.parametrize(
    ("role", "page_name"),
    [(role, page) for role, row in LOCK_COPY.items() for page in row],
)
def test_lock_and_copy_follow_who_manages_and_who_restructures(world, role, page_name):
    network, pages = world
    tester = Page.objects.get(pk=pages[page_name].pk).permissions_for_user(getattr(network, role))
    found = [tester.can_lock(), tester.can_copy(), tester.can_delete(ignore_bulk=True)]
    assert "".join("1" if allowed else "." for allowed in found) == LOCK_COPY[role][page_name]


def test_an_inactive_administrator_may_neither_manage_nor_restructure_the_school(world):
    network, pages = world
    network.admin.is_active = False
    network.admin.save()
    tester = Page.objects.get(pk=pages["school_a"].pk).permissions_for_user(network.admin)
    assert not any(
        [tester.can_edit(), tester.can_lock(), tester.can_copy(), tester.can_move()]
        + [tester.can_delete(), tester.can_delete(ignore_bulk=True)]
    )


@pytest.mark.parametrize("role", ["teacher_a", "leader_a"])
def test_an_experiment_cannot_be_moved_to_another_school(world, role):
    network, pages = world
    tester = pages["experiment_a"].permissions_for_user(getattr(network, role))
    assert not tester.can_move_to(network.school_b)
    assert not tester.can_copy_to(network.school_b)


def test_a_leader_may_reorder_experiments_but_a_teacher_may_not(world):
    network, pages = world
    assert network.school_a.permissions_for_user(network.leader_a).can_reorder_children()
    assert not network.school_a.permissions_for_user(network.teacher_a).can_reorder_children()


def test_a_leader_cannot_delete_the_school_even_through_a_bulk_action(world):
    network, _pages = world
    tester = network.school_a.permissions_for_user(network.leader_a)
    assert not tester.can_delete(ignore_bulk=True)


# --- The same rules through the real admin views --------------------------------------------


def _client(client, user):
    client.force_login(user)
    return client


def _denied(response):
    """Wagtail answers a refused admin action with a redirect to the dashboard, or a 403."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")


ADMIN_GET_VIEWS = {
    "edit": lambda page: reverse("wagtailadmin_pages:edit", args=[page.pk]),
    "delete": lambda page: reverse("wagtailadmin_pages:delete", args=[page.pk]),
    "move": lambda page: reverse("wagtailadmin_pages:move", args=[page.pk]),
    "unpublish": lambda page: reverse("wagtailadmin_pages:unpublish", args=[page.pk]),
}


@pytest.mark.parametrize("view", sorted(ADMIN_GET_VIEWS))
@pytest.mark.parametrize("role", ["teacher_a", "leader_a"])
def test_nothing_under_another_school_opens_in_the_admin(client, world, role, view):
    network, pages = world
    client = _client(client, getattr(network, role))
    for page in (pages["experiment_b"], network.school_b):
        assert _denied(client.get(ADMIN_GET_VIEWS[view](page))), (view, page)
    add_url = reverse(
        "wagtailadmin_pages:add", args=["knowledge", "experimentpage", network.school_b.pk]
    )
    assert _denied(client.get(add_url))


def test_anonymous_visitors_are_sent_to_the_login(client, world):
    _network, pages = world
    response = client.get(ADMIN_GET_VIEWS["edit"](pages["experiment_a"]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_own_school_opens_in_the_admin(client, world):
    network, pages = world
    client = _client(client, network.teacher_a)
    assert client.get(ADMIN_GET_VIEWS["edit"](pages["experiment_a"])).status_code == 200
    add_url = reverse(
        "wagtailadmin_pages:add", args=["knowledge", "experimentpage", network.school_a.pk]
    )
    assert client.get(add_url).status_code == 200
    leader = _client(client, network.leader_a)
    assert leader.get(ADMIN_GET_VIEWS["delete"](pages["experiment_a"])).status_code == 200
    assert leader.get(ADMIN_GET_VIEWS["edit"](network.school_a)).status_code == 200


def test_a_teacher_cannot_open_the_school_profile_for_editing(client, world):
    network, _pages = world
    client = _client(client, network.teacher_a)
    assert _denied(client.get(ADMIN_GET_VIEWS["edit"](network.school_a)))


@pytest.mark.parametrize("role", ["teacher_a", "leader_a"])
def test_posting_to_another_schools_experiment_changes_nothing(client, world, role):
    network, pages = world
    target = pages["experiment_b"]
    client = _client(client, getattr(network, role))

    edit_url = ADMIN_GET_VIEWS["edit"](target)
    response = client.post(edit_url, experiment_edit_data(target, "publish", title="Overtaget"))
    # Without "publish" a successful POST only saves a draft, which the live title never shows.
    edited = ExperimentPage.objects.get(pk=target.pk)
    assert not edited.has_unpublished_changes
    assert edited.get_latest_revision_as_object().title == "Matematikvandring"
    assert _denied(response)
    response = client.post(ADMIN_GET_VIEWS["delete"](target))
    assert _denied(response)
    response = client.post(reverse("wagtailadmin_pages:unpublish", args=[target.pk]))
    assert _denied(response)
    move_url = reverse("wagtailadmin_pages:move_confirm", args=[target.pk, network.school_a.pk])
    assert _denied(client.post(move_url))

    target = ExperimentPage.objects.get(pk=target.pk)
    assert target.title == "Matematikvandring"
    assert target.live
    assert target.get_parent().pk == network.school_b.pk
    assert target.get_latest_revision().content["title"] == "Matematikvandring"


@pytest.mark.parametrize("role", ["teacher_a", "leader_a"])
def test_an_experiment_cannot_be_moved_to_another_school_in_the_admin(client, world, role):
    network, pages = world
    experiment = pages["experiment_a"]
    client = _client(client, getattr(network, role))
    move_url = reverse("wagtailadmin_pages:move_confirm", args=[experiment.pk, network.school_b.pk])
    assert _denied(client.post(move_url))
    experiment.refresh_from_db()
    assert experiment.get_parent().pk == network.school_a.pk


def test_a_teacher_cannot_publish_by_posting_the_publish_action(client, world):
    network, _pages = world
    draft = make_experiment(
        network.school_a,
        "Udkast om skrivning",
        team=network.team_a,
        owner=network.teacher_a,
        live=False,
    )
    client = _client(client, network.teacher_a)
    response = client.post(
        ADMIN_GET_VIEWS["edit"](draft),
        experiment_edit_data(draft, "publish", title="Udkast om skrivning, ny"),
    )
    assert response.status_code in (200, 302)
    draft = ExperimentPage.objects.get(pk=draft.pk)
    assert not draft.live
    assert draft.get_latest_revision().content["title"] == "Udkast om skrivning, ny"


def test_a_leader_can_publish_by_posting_the_publish_action(client, world):
    network, _pages = world
    draft = make_experiment(
        network.school_a,
        "Udkast om skrivning",
        team=network.team_a,
        owner=network.teacher_a,
        live=False,
    )
    client = _client(client, network.leader_a)
    response = client.post(ADMIN_GET_VIEWS["edit"](draft), experiment_edit_data(draft, "publish"))
    assert response.status_code == 302
    assert ExperimentPage.objects.get(pk=draft.pk).live


def test_a_teacher_cannot_edit_the_school_profile_by_posting(client, world):
    network, _pages = world
    school = network.school_a
    client = _client(client, network.teacher_a)
    data = nested_form_data(
        {
            "title": "Overtaget skole",
            "slug": school.slug,
            "description": "",
            "street_address": "",
            "postcode": "",
            "city": "",
            "website": "",
            "picture": "",
            "comments": {
                "TOTAL_FORMS": "0",
                "INITIAL_FORMS": "0",
                "MIN_NUM_FORMS": "0",
                "MAX_NUM_FORMS": "1000",
            },
        }
    )
    revisions_before = school.revisions.count()
    response = client.post(ADMIN_GET_VIEWS["edit"](school), data)
    # Without "publish" a successful POST would only save a draft: the live title could never
    # show it, the draft and the page's revisions would.
    school = SchoolPage.objects.get(pk=school.pk)
    assert school.title == "Skjoldhøjskolen"
    assert not school.has_unpublished_changes
    assert school.revisions.count() == revisions_before
    assert school.get_latest_revision_as_object().title == "Skjoldhøjskolen"
    assert _denied(response)


def test_a_curator_cannot_add_an_experiment_or_edit_a_school(client, world):
    network, pages = world
    client = _client(client, network.curator_a)
    add_url = reverse(
        "wagtailadmin_pages:add", args=["knowledge", "experimentpage", network.school_a.pk]
    )
    assert _denied(client.get(add_url))
    assert _denied(client.get(ADMIN_GET_VIEWS["edit"](pages["experiment_a"])))
    assert _denied(client.get(ADMIN_GET_VIEWS["edit"](network.school_a)))
    add_collection = reverse(
        "wagtailadmin_pages:add", args=["knowledge", "collectionpage", pages["collections_a"].pk]
    )
    assert client.get(add_collection).status_code == 200


def test_two_schools_of_the_same_name_share_no_group_and_no_media_library(network):
    """Denmark has many a "Nørreskolen": found by name, two shared one teachers' group, so a
    teacher at one could edit the other's experiments."""
    from wagtail.models import Collection

    from tests.support.network import make_school, make_user

    first = make_school(network.municipality_a, "Nørreskolen")
    second = make_school(network.municipality_b, "Nørreskolen")
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.teachers_group != second.teachers_group
    assert first.leaders_group != second.leaders_group
    assert second.teachers_group.name == f"Nørreskolen ({network.municipality_b.title}): lærere"
    assert Collection.objects.filter(name__startswith="Nørreskolen").count() == 2

    teacher = make_user("laerer_noerreskolen_2", groups=[second.teachers_group])
    experiment = make_experiment(first, "Forsøg på den første Nørreskolen")
    assert not experiment.permissions_for_user(teacher).can_edit()
    assert make_experiment(second, "Vores eget forsøg").permissions_for_user(teacher).can_edit()
