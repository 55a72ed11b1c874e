"""load_demo_network: a realistic, valid, safe-to-rerun demo network.

The network is built once for the module inside a transaction that is rolled back at the end,
and indexed into a search index of the module's own, so no demo document outlives the module.
"""

import copy
import re
from io import StringIO

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from taggit.models import Tag
from wagtail.models import Page

from knowledge.demo import vocabulary
from knowledge.models import (
    CollectionItem,
    CollectionPage,
    ExperimentLink,
    ExperimentPage,
    Finding,
    HomePage,
    PraksisImage,
)
from schools.models import MunicipalityPage, SchoolPage, TeacherTeam

EXPERIMENTS = 30


def load(*args):
    out = StringIO()
    call_command("load_demo_network", *args, stdout=out, verbosity=0)
    return out.getvalue()


def printed_accounts(output):
    """{role: (username, password)} from the command's closing lines."""
    return {
        role: (username, password)
        for role, username, password in re.findall(r"^\s+(\w+): (\S+) / (\S+)$", output, re.M)
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    backends = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)
    backends["default"]["PATH"] = tmp_path_factory.mktemp("demo") / "search_index"
    with override_settings(WAGTAILSEARCH_BACKENDS=backends), django_db_blocker.unblock():
        with transaction.atomic():
            yield load("--experiments", str(EXPERIMENTS), "--seed", "7")
            transaction.set_rollback(True)


@pytest.fixture
def search_index_per_test():
    """Replaces the conftest's fresh index: these tests search the demo network's index."""


@pytest.fixture
def built(demo, db):
    return demo


def test_builds_the_promised_network(built):
    assert MunicipalityPage.objects.count() >= 3
    assert SchoolPage.objects.count() >= 17
    assert TeacherTeam.objects.count() >= 40
    assert ExperimentPage.objects.count() == EXPERIMENTS
    assert Finding.objects.filter(page__in=ExperimentPage.objects.all()).exists()
    assert ExperimentPage.objects.filter(live=False).exists(), "a few drafts"
    assert ExperimentPage.objects.filter(members_only=True).exists(), "a few members-only"
    for municipality in MunicipalityPage.objects.all():
        collections = CollectionPage.objects.descendant_of(municipality).live()
        assert collections.count() == 2
        assert CollectionItem.objects.filter(page__in=collections).exclude(note="").exists()
    assert PraksisImage.objects.count() > 0
    assert not PraksisImage.objects.filter(description="").exists()


def test_every_school_page_has_groups_from_the_signals(built):
    for school in SchoolPage.objects.all():
        assert school.teachers_group.name == f"{school.title}: lærere"
        assert school.leaders_group.name == f"{school.title}: ledere"


def test_links_point_to_experiments_at_other_schools(built):
    # A larger network (rolled back with the test): with 30 experiments a link is not certain.
    load("--reset", "--experiments", "200", "--seed", "3", "--no-index")
    links = list(ExperimentLink.objects.select_related("page", "target"))
    assert links
    assert {link.kind for link in links} >= {"adapts", "replicates"}
    for link in links:
        assert link.page.get_parent().pk != link.target.get_parent().pk


def test_text_is_danish_and_never_lorem_ipsum(built):
    texts = []
    for page in ExperimentPage.objects.all():
        texts += [
            page.title,
            page.summary,
            page.question,
            page.background,
            page.observations,
            page.next_steps,
            page.reflection,
            str(page.what_we_did.raw_data),
        ]
    texts += list(Finding.objects.values_list("statement", flat=True))
    texts += list(SchoolPage.objects.values_list("description", flat=True))
    text = " ".join(texts).lower()
    assert "lorem" not in text and "ipsum" not in text
    assert " og " in text and re.search("[æøå]", text)
    # Varied: the 30 summaries are not one sentence repeated.
    assert ExperimentPage.objects.values("summary").distinct().count() >= 10


def test_tags_are_case_consistent(built):
    names = list(Tag.objects.values_list("name", flat=True))
    assert len({n.lower() for n in names}) == len(names)
    used = set(
        Tag.objects.filter(knowledge_experimenttag_items__isnull=False).values_list(
            "name", flat=True
        )
    )
    known = set(vocabulary.COMMON_TAGS) | set(vocabulary.RARE_TAGS)
    for theme in vocabulary.THEMES:
        known |= set(theme["tags"]) | set(theme["extra_tags"])
    assert used and used <= known


def test_public_pages_render(built, client):
    experiment = ExperimentPage.objects.live().filter(members_only=False).first()
    school = experiment.get_parent()
    tag = experiment.tags.first()
    collection = CollectionPage.objects.live().first()
    pages = [
        "/",
        school.get_parent().url,
        school.url,
        experiment.url,
        collection.url,
        reverse("knowledge:tag_detail", args=[tag.slug]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
    assert experiment.title in client.get(school.url).content.decode()


def test_experiments_with_pictures_in_what_we_did_render(built, client):
    with_picture = [
        e
        for e in ExperimentPage.objects.live().filter(members_only=False)
        if any(block.block_type == "picture" for block in e.what_we_did)
    ]
    assert with_picture, "seed 7 gives some experiments a picture block"
    response = client.get(with_picture[0].url)
    assert response.status_code == 200
    assert b"<img" in response.content


def test_drafts_and_members_only_stay_hidden_from_anonymous_visitors(built, client):
    draft = ExperimentPage.objects.filter(live=False).first()
    members_only = ExperimentPage.objects.filter(members_only=True).first()
    assert client.get(draft.url).status_code == 404
    response = client.get(members_only.url)
    assert response.status_code == 302 and "login" in response["Location"]
    school_page = client.get(members_only.get_parent().url).content.decode()
    assert members_only.url not in school_page


def test_one_account_per_role_with_the_right_groups(built, client):
    accounts = printed_accounts(built)
    assert set(accounts) == {"administrator", "leader", "teacher", "curator"}
    User = get_user_model()
    admin = User.objects.get(username=accounts["administrator"][0])
    assert admin.is_superuser
    leader = User.objects.get(username=accounts["leader"][0])
    teacher = User.objects.get(username=accounts["teacher"][0])
    curator = User.objects.get(username=accounts["curator"][0])
    school = SchoolPage.objects.get(leaders_group__in=leader.groups.all())
    assert list(teacher.groups.all()) == [school.teachers_group]
    assert TeacherTeam.objects.filter(school=school, members=teacher).exists()
    assert MunicipalityPage.objects.filter(curators_group__in=curator.groups.all()).exists()
    for username, password in accounts.values():
        assert client.login(username=username, password=password), username


def test_bulk_built_pages_form_a_valid_tree(built):
    assert all(not problems for problems in Page.find_problems())
    for school in SchoolPage.objects.all():
        assert school.numchild == school.get_children().count()
    experiment = ExperimentPage.objects.live().first()
    assert experiment.get_parent().specific_class is SchoolPage
    assert experiment.url_path == f"{experiment.get_parent().url_path}{experiment.slug}/"
    # Wagtail can still add a page after the bulk-written ones.
    school = experiment.get_parent()
    school.add_child(instance=Page(title="Efter demoen", slug="efter-demoen"))
    assert all(not problems for problems in Page.find_problems())


def test_the_administrator_can_edit_a_bulk_built_experiment(built):
    username, password = printed_accounts(built)["administrator"]
    client = Client()
    assert client.login(username=username, password=password)
    experiment = ExperimentPage.objects.live().first()
    response = client.get(reverse("wagtailadmin_pages:edit", args=[experiment.pk]))
    assert response.status_code == 200
    assert experiment.title.encode() in response.content
    response = client.get(reverse("wagtailadmin_explore", args=[experiment.get_parent().pk]))
    assert response.status_code == 200


def test_running_twice_changes_nothing(built):
    before = (Page.objects.count(), get_user_model().objects.count(), Tag.objects.count())
    output = load("--experiments", "5")
    assert "already exists" in output
    assert (Page.objects.count(), get_user_model().objects.count(), Tag.objects.count()) == before


def test_reset_deletes_and_rebuilds(built):
    groups_before = set(SchoolPage.objects.values_list("teachers_group__name", flat=True))
    old_accounts = printed_accounts(built)
    output = load("--reset", "--experiments", "12", "--seed", "8", "--no-index")
    assert ExperimentPage.objects.count() == 12
    assert HomePage.objects.get().get_children().count() == MunicipalityPage.objects.count()
    assert SchoolPage.objects.count() == 17
    assert set(SchoolPage.objects.values_list("teachers_group__name", flat=True)) == groups_before
    new_accounts = printed_accounts(output)
    assert set(new_accounts) == set(old_accounts)
    demo_users = get_user_model().objects.filter(username__startswith="demo-")
    assert demo_users.exclude(username__startswith="demo-kollega-").count() == 4
    assert demo_users.filter(username__startswith="demo-kollega-").exists()
    assert all(not problems for problems in Page.find_problems())


def test_a_negative_number_of_experiments_is_refused(built):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="0 or more"):
        load("--reset", "--experiments", "-1")
    assert ExperimentPage.objects.count() == EXPERIMENTS


def test_bulk_built_experiments_are_searchable(built):
    # Bulk inserts send no signals: only the index rebuild at the end makes them findable.
    experiment = ExperimentPage.objects.live().filter(members_only=False).first()
    results = ExperimentPage.objects.live().search(experiment.title)
    assert experiment.pk in [result.pk for result in results]


def test_network_numbers_ignore_experiment_restrictions_but_not_a_restricted_school(built):
    from wagtail.models import PageViewRestriction

    from knowledge.listings.queries import network_numbers

    anonymous = type("Anonymous", (), {"is_authenticated": False})()
    assert PageViewRestriction.objects.filter(page__in=ExperimentPage.objects.all()).exists()
    assert network_numbers(anonymous)["schools"] == SchoolPage.objects.count()
    PageViewRestriction.objects.create(
        page=SchoolPage.objects.first(), restriction_type=PageViewRestriction.LOGIN
    )
    assert network_numbers(anonymous)["schools"] == SchoolPage.objects.count() - 1
    assert network_numbers(anonymous)["municipalities"] == MunicipalityPage.objects.count()
    municipality = SchoolPage.objects.first().get_parent()
    response = Client().get(municipality.url)
    assert SchoolPage.objects.first().title not in response.content.decode()
    assert SchoolPage.objects.child_of(municipality)[1].title in response.content.decode()


def test_wagtail_computes_the_same_addresses_and_tree_as_the_bulk_writer(built):
    for experiment in ExperimentPage.objects.all():
        parent = experiment.get_parent()
        assert experiment.set_url_path(parent) == experiment.url_path
        assert experiment.depth == parent.depth + 1 and experiment.path.startswith(parent.path)
    # Published the normal way, a bulk-built experiment keeps its place, address and tags.
    experiment = ExperimentPage.objects.live().filter(members_only=False).last()
    before = (experiment.path, experiment.url_path, sorted(experiment.tags.names()))
    experiment.save_revision().publish()
    experiment = ExperimentPage.objects.get(pk=experiment.pk)
    assert (experiment.path, experiment.url_path, sorted(experiment.tags.names())) == before
    assert all(not problems for problems in Page.find_problems())


def test_the_search_index_knows_each_bulk_built_experiments_facets(built, monkeypatch):
    from django.contrib.auth.models import AnonymousUser
    from modelsearch.backends import get_search_backend

    from knowledge.listings.facets import Selections
    from knowledge.search.results import find_experiments

    def counts():
        outcome = find_experiments(AnonymousUser(), "eleverne", Selections(), suggest=False)
        return outcome.total, {
            f.parameter: [(v.value, v.count) for v in f.values] for f in outcome.facets
        }

    from_index = counts()
    monkeypatch.setattr(
        type(get_search_backend("default")), "facet_memberships", lambda self, model, pks: None
    )
    assert from_index[0] > 0 and from_index == counts()


def test_the_experiments_list_counts_every_visible_bulk_built_experiment(built, client):
    from django.contrib.auth.models import AnonymousUser

    response = client.get("/forsoeg/")
    assert response.status_code == 200
    shown = re.search(r'class="result-count">(\d+) ', response.content.decode())
    assert int(shown.group(1)) == ExperimentPage.objects.visible_to(AnonymousUser()).count()
