"""The evidence ladder: derived from an experiment's data and its "builds on" links, the same
for every reader, shown on the experiment and usable as a filter."""

import html

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from knowledge.experiments.evidence import EvidenceStep, evidence_step_of
from knowledge.models import (
    EvidenceKind,
    ExperimentLink,
    ExperimentPage,
    Finding,
    LinkKind,
    ListedExperiment,
)
from tests.support.english import english  # noqa: F401
from tests.support.network import build_network, make_experiment, make_school

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]


def link(page, target, kind=LinkKind.REPLICATES):
    page = ExperimentPage.objects.get(pk=page.pk)
    page.links.add(ExperimentLink(target=target, kind=kind))
    page.save_revision().publish()
    return ExperimentPage.objects.get(pk=page.pk)


@pytest.fixture
def network():
    n = build_network()
    n.school_c = make_school(n.municipality_a, "Ellekærskolen")
    n.original = make_experiment(n.school_a, "Læsemakkere", pupil_count=22, grades=(4,))
    return n


def test_an_experiment_on_its_own_was_tried_in_one_class(network):
    assert evidence_step_of(network.original) == EvidenceStep.ONE_CLASS


def test_more_pupils_than_a_class_or_several_grades_is_several_classes(network):
    big = make_experiment(network.school_a, "Hele årgangen", pupil_count=56)
    grades = make_experiment(network.school_a, "To årgange", grades=(4, 5))
    assert evidence_step_of(big) == EvidenceStep.SEVERAL_CLASSES
    assert evidence_step_of(grades) == EvidenceStep.SEVERAL_CLASSES


def test_a_repetition_at_the_same_school_is_several_classes(network):
    link(make_experiment(network.school_a, "Læsemakkere i 5.b"), network.original)
    assert evidence_step_of(network.original) == EvidenceStep.SEVERAL_CLASSES


def test_a_replication_at_another_school_lifts_both_experiments(network):
    copy = link(make_experiment(network.school_b, "Læsemakkere i Odense"), network.original)
    assert evidence_step_of(network.original) == EvidenceStep.ANOTHER_SCHOOL
    assert evidence_step_of(copy) == EvidenceStep.ANOTHER_SCHOOL


def test_members_only_drafts_and_other_kinds_of_link_do_not_count(network):
    link(make_experiment(network.school_b, "Hemmelig kopi", members_only=True), network.original)
    link(make_experiment(network.school_c, "Udvidelse"), network.original, LinkKind.EXTENDS)
    draft = make_experiment(network.school_b, "Kladde", live=False)
    ExperimentLink.objects.create(page=draft, target=network.original, kind=LinkKind.REPLICATES)
    assert evidence_step_of(network.original) == EvidenceStep.ONE_CLASS


def test_several_schools_need_measured_results_for_the_top_step(network):
    link(make_experiment(network.school_b, "Kopi i Odense"), network.original)
    copy_c = link(make_experiment(network.school_c, "Kopi i Vanløse"), network.original)
    assert evidence_step_of(network.original) == EvidenceStep.ANOTHER_SCHOOL
    Finding.objects.create(
        page=copy_c, statement="Læsehastigheden steg 12 %.", evidence_kind=EvidenceKind.TEST_RESULTS
    )
    assert evidence_step_of(network.original) == EvidenceStep.SEVERAL_SCHOOLS


def test_the_listed_step_follows_links_and_findings_in_the_same_transaction(network):
    def listed(page):
        return ListedExperiment.objects.get(experiment_id=page.pk).evidence_step

    copy_b = link(make_experiment(network.school_b, "Kopi i Odense"), network.original)
    assert listed(network.original) == listed(copy_b) == EvidenceStep.ANOTHER_SCHOOL
    copy_c = link(make_experiment(network.school_c, "Kopi i Vanløse"), network.original)
    Finding.objects.create(
        page=copy_c, statement="Læsehastigheden steg 12 %.", evidence_kind=EvidenceKind.TEST_RESULTS
    )
    assert listed(network.original) == EvidenceStep.SEVERAL_SCHOOLS
    ExperimentLink.objects.filter(page=copy_c).delete()
    assert listed(network.original) == EvidenceStep.ANOTHER_SCHOOL
    ExperimentPage.objects.get(pk=copy_b.pk).unpublish()
    assert listed(network.original) == EvidenceStep.ONE_CLASS


def test_the_lists_count_the_ladder_from_the_facts_without_reading_links(client, network):
    link(make_experiment(network.school_b, "Kopi i Odense"), network.original)
    make_experiment(network.school_c, "Alene", grades=(2,))
    for url in ("/forsoeg/", "/forsoeg/?fag=dansk", "/fund/?evidens=3"):
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert not [q for q in queries.captured_queries if "experimentlink" in q["sql"]], url
    cache.clear()
    ladder = {f.parameter: f for f in client.get("/forsoeg/").context["facets"]}["evidens"]
    assert {v.value: v.count for v in ladder.values} == {1: 1, 3: 2}


def test_the_experiment_page_shows_its_step_and_links_to_the_explanation(client, network):
    link(make_experiment(network.school_b, "Kopi i Odense"), network.original)
    page = html.unescape(client.get(network.original.url).content.decode())
    assert 'data-evidence-step="3"' in page
    assert "Step 3 of 4:</strong> Replicated at another school" in page
    assert 'href="/evidens/"' in page
    help_page = html.unescape(client.get("/evidens/").content.decode())
    assert "Replicated at several schools with measured results" in help_page
    assert "test results or a survey" in help_page


def test_the_experiments_list_filters_and_counts_by_step(client, network):
    link(make_experiment(network.school_b, "Kopi i Odense"), network.original)
    make_experiment(network.school_c, "Alene", grades=(2,))
    response = client.get("/forsoeg/", {"evidens": "3"})
    page = html.unescape(response.content.decode())
    assert "Læsemakkere" in page and "Kopi i Odense" in page
    assert "Alene" not in page
    findings = html.unescape(client.get("/fund/", {"evidens": "1"}).content.decode())
    assert "Alene" in findings and "Kopi i Odense" not in findings


def test_a_step_that_does_not_exist_is_ignored_with_a_message(client, network):
    page = html.unescape(client.get("/forsoeg/", {"evidens": "9"}).content.decode())
    assert "Evidence ladder: not one of the choices (this filter was ignored)" in page
    assert "Læsemakkere" in page


def test_a_members_only_replication_is_noted_for_members_and_never_shown_to_visitors(
    client, network
):
    """The step stays the public one for every reader (filter, counts and exports agree); a
    member is told of the members-only repetitions they may read, a visitor of none."""
    secret = make_experiment(network.school_b, "Hemmelig kopi", members_only=True)
    link(secret, network.original)
    note = "1 experiment for members only repeats this one"

    anonymous = html.unescape(client.get(network.original.url).content.decode())
    assert 'data-evidence-step="1"' in anonymous
    assert note not in anonymous and "Hemmelig kopi" not in anonymous

    client.force_login(network.teacher_a)
    member = html.unescape(client.get(network.original.url).content.decode())
    assert 'data-evidence-step="1"' in member
    assert note in member

    # Behind a group restriction the teacher does not pass, it is not theirs to hear of.
    restriction = PageViewRestriction.objects.create(
        page=secret, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([network.school_b.leaders_group])
    outsider = html.unescape(client.get(network.original.url).content.decode())
    assert note not in outsider
    client.force_login(network.leader_b)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert note in html.unescape(client.get(network.original.url).content.decode())
