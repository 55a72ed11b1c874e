"""The facet table (knowledge.listings.facet_table): the search page counts its facets over the
matches, and the filtered lists their facets and rows, from per-experiment arrays: counts equal
to a recount in SQL over what the reader may see, without asking the database per match or
counting rows."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from knowledge.listings import facet_table, facts
from knowledge.listings.facets import FACETS, key_tree_values_by_page_id
from knowledge.listings.filtering import FilteredListing
from knowledge.models import ExperimentPage, ListedExperiment
from knowledge.search.facets import FacetCounter
from tests.support.network import grow, make_experiment

pytestmark = pytest.mark.django_db

ANONYMOUS = type("Anonymous", (), {"is_authenticated": False})()


def counted(user, candidates=None):
    """{parameter: {value: count}} as the search page counts them for user."""
    visible = ExperimentPage.objects.visible_to(user)
    counter = FacetCounter(visible, candidates, {}, audiences=facts.audiences_of(user))
    return {f.parameter: {v.value: v.count for v in f.values} for f in counter.facets()}


def recounted(user):
    """The same, counted in SQL over visible_to(user) (the most frequent values shown)."""
    visible = ExperimentPage.objects.visible_to(user)
    shown = counted(user)
    every = {f.parameter: {v: n for v, (_label, n) in f.counts(visible).items()} for f in FACETS}
    key_tree_values_by_page_id(every)  # municipalities and schools by page id, as shown
    recount = {}
    for facet in FACETS:
        counts = every[facet.parameter]
        recount[facet.parameter] = {v: counts.get(v, 0) for v in shown[facet.parameter]}
        assert set(counts) >= set(shown[facet.parameter])
        assert len(shown[facet.parameter]) == min(15, len(counts)), facet.parameter
    return recount


@pytest.mark.parametrize("reader", ["anonymous", "member", "admin"])
def test_every_count_equals_a_recount_over_what_the_reader_may_see(network, reader):
    grow(network, 9)  # every third members-only
    user = {"anonymous": ANONYMOUS, "member": network.teacher_a, "admin": network.admin}[reader]
    assert counted(user) == recounted(user)
    total = sum(counted(user)["status"].values())
    assert total == ExperimentPage.objects.visible_to(user).count()


def test_members_only_matches_are_never_counted_for_anonymous_visitors(network):
    grow(network, 6)
    members_only = list(
        ExperimentPage.objects.filter(members_only=True).values_list("pk", flat=True)
    )
    assert members_only
    assert counted(ANONYMOUS, members_only)["status"] == {}
    assert sum(counted(network.teacher_a, members_only)["status"].values()) == len(members_only)


def test_a_member_kept_out_of_a_restricted_school_is_counted_exactly(network):
    grow(network, 6)
    restriction = PageViewRestriction.objects.create(
        page=network.school_b, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([network.school_b.teachers_group])
    assert facts.audiences_of(network.teacher_a) is None  # no table answer: exact from SQL
    pks = list(ExperimentPage.objects.values_list("pk", flat=True))
    visible = ExperimentPage.objects.visible_to(network.teacher_a)
    assert sum(counted(network.teacher_a, pks)["status"].values()) == visible.count()


def test_counting_the_matches_asks_the_database_nothing_per_match(network):
    def queries_of_counting(size):
        grow(network, size, start=ExperimentPage.objects.count())
        matches = list(ExperimentPage.objects.order_by("-pk").values_list("pk", flat=True))
        with CaptureQueriesContext(connection) as queries:
            counted(ANONYMOUS, matches)
        sql = " ".join(q["sql"] for q in queries.captured_queries)
        assert str(matches[0]) not in sql and "json_each" not in sql
        return len(queries.captured_queries)

    assert queries_of_counting(3) == queries_of_counting(9)


FILTERED = [
    ("/fund/", "emne=l%C3%A6sning&klassetrin=5"),
    ("/fund/", "fag=dansk&grundlag=observations"),
    ("/forsoeg/", "fag=dansk&klassetrin=5"),
    ("/forsoeg/", "emne=l%C3%A6sning&grundlag=observations&evidens=1"),
]


@pytest.mark.parametrize("reader", ["anonymous", "member"])
def test_a_filtered_list_counts_what_sql_counts_without_counting_rows(client, network, reader):
    grow(network, 9)
    user = ANONYMOUS if reader == "anonymous" else network.teacher_a
    if reader == "member":
        client.force_login(user)
    for path, query in FILTERED:
        listing = FilteredListing(user, QueryDict(query), findings=path == "/fund/")
        shown = {f.parameter: {v.value: v.count for v in f.values} for f in listing.facets()}
        every = {
            f.parameter: {
                v: n
                for v, (_label, n) in f.counts(
                    listing.filtered(except_parameter=f.parameter),
                    listing.prefix,
                    listing.for_findings,
                ).items()
            }
            for f in FACETS
        }
        key_tree_values_by_page_id(every)
        assert shown == every, query
        assert listing.count() == listing.results.count() > 0, query
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{path}?{query}")
        assert response.status_code == 200
        # Neither the list's count nor a facet's is counted over its rows (the page's own rows
        # counting their findings is bounded by the page).
        counting = [
            q["sql"]
            for q in queries.captured_queries
            if "COUNT(DISTINCT" in q["sql"].upper() or "COUNT(*)" in q["sql"].upper()
        ]
        assert not counting, (query, counting)


def pair_by_pair(selection):
    """Selection.counts() worked out the plain way: every pair of every column weighed."""
    counted = {}
    for facet in FACETS:
        column = selection.table.columns[facet.parameter]
        inside = selection.narrowed(skip=facet.parameter)[column.slots]
        numbers = {}
        for pair in inside.nonzero()[0]:
            if selection.findings and facet.finding_lookup:
                weight = column.findings[pair]
            else:
                weight = selection.weight[column.slots[pair]]
            value = column.values[column.codes[pair]]
            numbers[value] = numbers.get(value, 0) + int(weight)
        counted[facet.parameter] = {
            v: (column.labels.get(v), n) for v, n in numbers.items() if v is not None and n
        }
    return counted


@pytest.mark.parametrize("findings", [False, True])
def test_a_choice_most_of_the_list_meets_is_counted_as_exactly_as_a_narrow_one(network, findings):
    grow(network, 12)  # the public ones all at one school
    for number in range(3):
        make_experiment(network.school_b, f"Ved den anden skole {number}", tags=["Læsning"])
    table = facet_table.current_table()
    column, public = table.columns["skole"], ~table.members_only
    held = [column.values[code] for code, slot in zip(column.codes, column.slots) if public[slot]]
    common = max(set(held), key=held.count)  # most of the public list, not all of it
    rare = min(set(held), key=held.count)
    for chosen in ({"skole": [common]}, {"skole": [rare]}, {"skole": [common], "aar": [2026]}):
        selection = table.select([facts.PUBLIC], chosen, findings)
        assert selection.counts() == pair_by_pair(selection), chosen
    # Both ways of counting were taken: from what a choice keeps and from what it leaves out.
    broad = table.select([facts.PUBLIC], {"skole": [common]}, findings)
    narrow = table.select([facts.PUBLIC], {"skole": [rare]}, findings)
    assert broad.visible.sum() > broad.narrowed().sum() > broad.visible.sum() / 2
    assert 0 < narrow.narrowed().sum() < narrow.visible.sum() / 2


def same_answers(table, fresh):
    """What every reader is told from table equals what a table read anew tells them."""
    assert sorted(table.pks.tolist()) == sorted(fresh.pks.tolist())
    for audiences in ([facts.PUBLIC], [facts.PUBLIC, facts.MEMBERS]):
        for chosen in ({}, {"fag": ["dansk"]}, {"emne": ["læsning"], "klassetrin": [5]}):
            for findings in (False, True):
                ours = table.select(audiences, chosen, findings)
                theirs = fresh.select(audiences, chosen, findings)
                assert ours.counts() == theirs.counts(), (audiences, chosen, findings)
                assert ours.count() == theirs.count(), (audiences, chosen, findings)
                assert ours.ids_beyond(None, False, 50) == theirs.ids_beyond(None, False, 50)


@pytest.mark.django_db(transaction=True)
def test_a_kept_table_takes_in_each_change_without_reading_every_row(network, monkeypatch):
    """Outside a transaction the table is kept, as in a serving process; a publish, an
    unpublish, a move to members-only or new tags elsewhere (another process, or this one)
    are patched in from the changed rows alone."""
    grow(network, 24)
    kept = facet_table.current_table()
    assert facet_table.current_table() is kept  # unchanged: kept, not read again
    experiments = list(ExperimentPage.objects.live().order_by("pk"))
    experiments[0].unpublish()
    moved = experiments[1]
    moved.members_only = True
    moved.save_revision().publish()
    retagged = ExperimentPage.objects.get(pk=experiments[2].pk)
    retagged.tags.add("Helt nyt emne")
    retagged.save_revision().publish()
    added = make_experiment(network.school_a, "Et nyt forsøg", tags=["Læsning"], grades=(5,))

    read_anew = []
    monkeypatch.setattr(facet_table, "_load", lambda revision: read_anew.append(revision))
    patched = facet_table.current_table()
    assert not read_anew, "four changed rows were read by reading the whole table"
    monkeypatch.undo()
    assert patched is not kept and patched.revision > kept.revision
    assert patched.slots([experiments[0].pk, added.pk]).tolist()[0] == -1
    assert patched.slots([added.pk]).tolist()[0] >= 0
    same_answers(patched, facet_table._load(patched.revision))
    tags = patched.columns["emne"]
    assert "helt-nyt-emne" in tags.values
    assert facet_table.current_table() is patched


@pytest.mark.django_db(transaction=True)
def test_a_kept_table_is_read_anew_after_the_facts_are_rebuilt(network):
    """A rebuild rewrites every row and leaves no trace of a removed one: the table is read
    again, not patched."""
    grow(network, 6)
    kept = facet_table.current_table()
    gone = ExperimentPage.objects.live().order_by("pk").first()
    ExperimentPage.objects.filter(pk=gone.pk).update(live=False)  # behind the facts' back
    facts.rebuild()
    table = facet_table.current_table()
    assert table is not kept
    assert table.slots([gone.pk]).tolist() == [-1]
    same_answers(table, facet_table._load(table.revision))


@pytest.mark.django_db(transaction=True)
def test_a_starting_process_reads_the_snapshot_and_patches_it_to_now(network, monkeypatch):
    grow(network, 12)
    facet_table._kept.clear()  # a process that starts: nothing kept, no snapshot yet
    facet_table.current_table()
    path = facet_table._snapshot_path(connection.settings_dict["NAME"])
    assert path.exists()
    added = make_experiment(network.school_a, "Efter øjebliksbilledet", tags=["Læsning"])

    facet_table._kept.clear()  # the next process
    monkeypatch.setattr(facet_table, "_load", lambda revision: pytest.fail("read every row"))
    table = facet_table.current_table()
    monkeypatch.undo()
    assert table.slots([added.pk]).tolist()[0] >= 0
    same_answers(table, facet_table._load(table.revision))


@pytest.mark.django_db(transaction=True)
def test_a_broken_or_foreign_snapshot_is_never_an_answer(network):
    grow(network, 6)
    facet_table._kept.clear()
    facet_table.current_table()
    path = facet_table._snapshot_path(connection.settings_dict["NAME"])
    path.write_bytes(b"not a snapshot")
    facet_table._kept.clear()
    table = facet_table.current_table()  # read from the database, and the snapshot written anew
    same_answers(table, facet_table._load(table.revision))
    snapshot = facet_table.read_snapshot(path)
    assert snapshot is not None

    # The database no longer holds what the snapshot lists (put back from a backup, say): an
    # experiment the snapshot has is gone without a trace in the revisions.
    gone = int(snapshot.pks[0])
    ListedExperiment.objects.filter(experiment_id=gone).delete()
    facet_table._kept.clear()
    table = facet_table.current_table()
    assert table.slots([gone]).tolist() == [-1]
    same_answers(table, facet_table._load(table.revision))
