"""Every listed experiment's facet values as arrays, per process, so that counting the facets of
a search's matches is array arithmetic with no query per match.

Built from ListedExperiment, the listing facts' row per experiment (its audience, the facet
values of the "net" scope with their labels, its step on the evidence ladder), and kept while
the rows' highest revision is unchanged: one indexed query per use tells. When it has grown, the
rows changed since (a publish changes one or a few) are patched into a new table, so a network
where teachers publish all day does not read every row again in every process. Measured at 10,000
experiments, a broad search (9,309 matches) spent 280 ms asking the database which matches the
visitor may see and 268 ms reading their evidence steps; both are now one lookup each in here.

Privacy is the facts': a reader sees the rows of the audiences ``facts.audiences_of`` gives
them (public, or public and members); for anyone else (a member kept out of some restricted
pages) there is no table answer and the caller counts exactly from the database.

A table read inside a transaction (a test, a request that writes) is built for that moment and
not kept: what it saw may still be rolled back.
"""

import datetime
import gc
import hashlib
import json
import logging
import os
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

import numpy as np
from django.conf import settings
from django.db import connection
from django.db.models import Count, Max, Min, Sum

from knowledge.models import ListedExperiment

from . import facts
from .facets import FACETS, InvalidValue
from .keyset import EPOCH

logger = logging.getLogger(__name__)
_kept = {}
_lock = threading.Lock()


class FacetColumn:
    """One facet over the table: pair i says slot ``slots[i]`` has value ``values[codes[i]]``.

    ``known`` numbers each stored value text (its code) in the order first seen; a value no
    experiment holds any longer keeps its code and counts nothing."""

    def __init__(self, facet, slots, codes, findings, known, labels):
        self.slots = np.asarray(slots, dtype=np.int64)
        self.codes = np.asarray(codes, dtype=np.int64)
        #: The findings each pair stands for (what rests on a kind; else all the experiment's).
        self.findings = np.asarray(findings, dtype=np.int64)
        self.known, self.text_labels = known, labels
        self._starts = None
        self.values, self.labels = [], {}
        for text in known:
            try:
                value = facet.clean(text)
            except InvalidValue:
                value = None  # a value no address can choose is never offered
            self.values.append(value)
            if value is not None and labels.get(text):
                self.labels[value] = labels[text]

    def pairs_of(self, chosen, slot_count):
        """Indices of the pairs of the ``chosen`` slots (ascending): work in proportion to
        those slots, not to the table. Pairs are in slot order, as a table reads and patches
        its rows in slot order."""
        if self._starts is None:  # two threads may both work it out, alike
            per_slot = np.bincount(self.slots, minlength=slot_count)
            self._starts = np.concatenate([[0], np.cumsum(per_slot)])
        begin = self._starts[chosen]
        lengths = self._starts[chosen + 1] - begin
        shift = np.repeat(begin - (np.cumsum(lengths) - lengths), lengths)
        return shift + np.arange(len(shift))

    @classmethod
    def of(cls, facet, pairs, renumbered=None, before=None):
        """The column of pairs ([(slot, text, findings, label)]); with ``before``, the pairs
        are added to that column's, whose slots go through ``renumbered`` (-1: gone)."""
        known = dict(before.known) if before else {}
        labels = dict(before.text_labels) if before else {}
        codes = []
        for _slot, text, _findings, label in pairs:
            codes.append(known.setdefault(text, len(known)))
            if label:
                labels[text] = label
        slots = np.asarray([pair[0] for pair in pairs], dtype=np.int64)
        findings = np.asarray([pair[2] for pair in pairs], dtype=np.int64)
        codes = np.asarray(codes, dtype=np.int64)
        if before is not None:
            moved = renumbered[before.slots]
            kept = moved >= 0
            slots = np.concatenate([moved[kept], slots])
            codes = np.concatenate([before.codes[kept], codes])
            findings = np.concatenate([before.findings[kept], findings])
        return cls(facet, slots, codes, findings, known, labels)


class _Rows:
    """ListedExperiment rows (experiment id, audience, entries, first published), read into
    per-slot arrays and per-facet pairs, slots numbered from ``first_slot``."""

    def __init__(self, rows, first_slot=0):
        # One pass over rows, which may be a stream: a row's entries are let go once its pairs
        # are taken (holding every row's decoded entries at once took over 1 GB at 100,000).
        pks, members_only, published, findings = [], [], [], []
        self.pairs = {facet.parameter: [] for facet in FACETS}
        for slot, (pk, audience, entries, first_published) in enumerate(rows, start=first_slot):
            pks.append(pk)
            members_only.append(audience == facts.MEMBERS)
            published.append(_microseconds(first_published))
            findings.append(0)
            for scope, dimension, value, label, found in entries:
                if scope != facts.NETWORK:
                    continue
                if dimension == "total":
                    findings[-1] = found
                pairs = self.pairs.get(dimension)
                if pairs is not None:
                    pairs.append((slot, value, found, label))
        self.pks = np.asarray(pks, dtype=np.int64)
        self.members_only = np.asarray(members_only, dtype=bool)
        #: First published, in microseconds since 1970 (-1: never): the listings' order.
        self.published = np.asarray(published, dtype=np.int64)
        self.findings = np.asarray(findings, dtype=np.int64)


class FacetTable:
    """The listed experiments (one slot each) and their facet values, at one revision.

    A table is never changed once built: a newer revision makes a new table (``patched``), so
    a request still reading the old one reads it whole."""

    def __init__(self, revision, pks, members_only, published, findings, columns):
        self.revision = revision
        #: How many rows the patch that made this table brought in (0: read whole).
        self.patched_rows = 0
        self.pks, self.members_only, self.published = pks, members_only, published
        self.findings, self.columns = findings, columns
        #: Every facet's counts over what a reader may see, unfiltered: {key: {parameter: counts}}.
        self.unfiltered = {}
        self.slot_of_pk = np.full(int(self.pks.max()) + 1 if len(self.pks) else 0, -1, np.int64)
        self.slot_of_pk[self.pks] = np.arange(len(self.pks))

    @classmethod
    def from_rows(cls, rows, revision):
        read = _Rows(rows)
        columns = {f.parameter: FacetColumn.of(f, read.pairs[f.parameter]) for f in FACETS}
        return cls(revision, read.pks, read.members_only, read.published, read.findings, columns)

    def patched(self, rows, revision):
        """This table with the rows of the experiments in ``rows`` replaced by them (a row with
        no audience: no longer listed): array work over the table, Python work per changed row."""
        changed = self.slots([row[0] for row in rows])
        kept = np.ones(len(self.pks), dtype=bool)
        kept[changed[changed >= 0]] = False
        renumbered = np.where(kept, np.cumsum(kept) - 1, -1)
        listed = [row for row in rows if row[1]]
        read = _Rows(listed, first_slot=int(kept.sum()))
        columns = {
            f.parameter: FacetColumn.of(
                f, read.pairs[f.parameter], renumbered, self.columns[f.parameter]
            )
            for f in FACETS
        }
        table = FacetTable(
            revision,
            np.concatenate([self.pks[kept], read.pks]),
            np.concatenate([self.members_only[kept], read.members_only]),
            np.concatenate([self.published[kept], read.published]),
            np.concatenate([self.findings[kept], read.findings]),
            columns,
        )
        table.patched_rows = len(rows)
        return table

    def visible(self, audiences):
        """Which slots a reader of these audiences may see."""
        if facts.MEMBERS in audiences:
            return np.ones(len(self.pks), dtype=bool)
        return ~self.members_only

    def slots(self, pks):
        """The slot of each of pks (-1: not listed)."""
        pks = np.asarray(pks, dtype=np.int64)
        slots = np.full(len(pks), -1, np.int64)
        inside = (pks >= 0) & (pks < len(self.slot_of_pk))
        slots[inside] = self.slot_of_pk[pks[inside]]
        return slots

    def select(self, audiences, chosen, findings):
        """A Selection of the slots these readers see, narrowed by chosen ({parameter: [values]})."""
        return Selection(self, self.visible(audiences), chosen, findings)


class Selection:
    """A filtered list over the table: its count, facet counts and order, as the SQL gives.

    Counts are of experiments, or (``findings``) of their findings: with "rests on" chosen,
    only the findings of the chosen kinds, as the findings page lists them.
    """

    def __init__(self, table, visible, chosen, findings):
        self.table, self.visible, self.findings = table, visible, findings
        self.allowed, self.kinds = {}, None
        for facet in FACETS:
            column, values = table.columns[facet.parameter], chosen.get(facet.parameter)
            if not values:
                continue
            is_wanted = np.array([v in values for v in column.values], dtype=bool)
            wanted = is_wanted[column.codes]  # a lookup per pair: np.isin sorted them all
            allowed = np.zeros(len(table.pks), dtype=bool)
            allowed[column.slots[wanted]] = True
            self.allowed[facet.parameter] = allowed
            if findings and facet.finding_lookup:
                self.kinds = wanted  # the chosen kinds' pairs: the findings the page lists
        if not findings:
            self.weight = np.ones(len(table.pks), dtype=np.int64)
        elif self.kinds is None:
            self.weight = table.findings
        else:
            column = next(table.columns[f.parameter] for f in FACETS if f.finding_lookup)
            self.weight = np.bincount(
                column.slots[self.kinds],
                weights=column.findings[self.kinds],
                minlength=len(table.pks),
            ).astype(np.int64)

    def narrowed(self, skip=None):
        result = self.visible.copy()
        for parameter, allowed in self.allowed.items():
            if parameter != skip:
                result &= allowed
        return result

    def count(self):
        return int(self.weight[self.narrowed()].sum())

    def counts(self):
        """{parameter: {value: (label, count)}}, each facet counted within the other choices."""
        counted, narrowed = {}, {}
        visible = int(self.visible.sum())
        unfiltered = self._unfiltered(visible)
        for facet in FACETS:
            column = self.table.columns[facet.parameter]
            skip = facet.parameter if facet.parameter in self.allowed else None
            if skip not in narrowed:
                narrowed[skip] = self.narrowed(skip=skip)
            inside = narrowed[skip]
            if unfiltered is not None and 2 * int(inside.sum()) > visible:
                # Most of the list: counted as all of it less what the choices leave out.
                left_out = np.flatnonzero(self.visible & ~inside)
                numbers = unfiltered[facet.parameter] - self._counted(facet, column, left_out)
            else:
                numbers = self._counted(facet, column, np.flatnonzero(inside))
            counted[facet.parameter] = {
                value: (column.labels.get(value), int(numbers[code]))
                for code, value in enumerate(column.values)
                if value is not None and numbers[code] > 0
            }
        return counted

    def _weights(self, facet, column, pairs=slice(None)):
        """What each of these pairs of the column counts for: its findings of the chosen kinds
        ("rests on" on a findings list), else its experiment's weight."""
        if self.findings and facet.finding_lookup:
            return column.findings[pairs]
        return self.weight[column.slots[pairs]]

    def _counted(self, facet, column, slots):
        """Per value code, the experiments (or findings) of these slots holding it."""
        pairs = column.pairs_of(slots, len(self.table.pks))
        weights = self._weights(facet, column, pairs)
        return np.bincount(column.codes[pairs], weights=weights, minlength=len(column.values))

    def _unfiltered(self, visible):
        """Every facet counted over all the reader may see (``visible`` slots; kept with the
        table, so once a revision); None when "rests on" is chosen, whose counts weigh only
        its findings."""
        if self.kinds is not None:
            return None
        key = (self.findings, visible)
        counts = self.table.unfiltered.get(key)
        if counts is None:
            counts = {}
            for facet in FACETS:
                # Every pair weighed, 0 where hidden: less work than finding the visible pairs.
                column = self.table.columns[facet.parameter]
                weights = self._weights(facet, column) * self.visible[column.slots]
                counts[facet.parameter] = np.bincount(
                    column.codes, weights=weights, minlength=len(column.values)
                )
            self.table.unfiltered[key] = counts
        return counts

    def narrow(self, key="pk__in", inclusive=False):
        """keyset.page_of's narrow(): rows limited (by ``key``) to the next experiments of
        this selection after the cursor, read from the table, not ordered in SQL."""

        def narrow(rows, reverse, values, number):
            cursor = values[:2] if values is not None else None
            ids = self.ids_beyond(cursor, reverse, number + 1, inclusive=inclusive)
            return rows.filter(**{key: ids})

        return narrow

    def ids_beyond(self, cursor, reverse, number, inclusive=False):
        """The next ``number`` experiment ids of the list (newest first; oldest first when
        reverse) after the cursor ([first published, id]; None: from the start), the cursor's
        own experiment included when inclusive (a findings page may end inside it)."""
        slots = np.flatnonzero(self.narrowed() & (self.weight > 0))
        published, pks = self.table.published[slots], self.table.pks[slots]
        if cursor is not None:
            moment, pk = _microseconds(cursor[0]), int(cursor[1])
            later = (published > moment) | ((published == moment) & (pks > pk))
            earlier = (published < moment) | ((published == moment) & (pks < pk))
            keep = later if reverse else earlier
            if inclusive:
                keep |= pks == pk
            published, pks = published[keep], pks[keep]
        order = np.lexsort((pks, published))  # oldest first
        order = order if reverse else order[::-1]
        return pks[order[:number]].tolist()


def _microseconds(moment):
    if moment is None:
        return -1
    return (moment - EPOCH) // datetime.timedelta(microseconds=1)


#: Fewer changed rows than this share of the table are patched in; more, and it is read anew.
PATCH_SHARE = 0.25
_COLUMNS = ("experiment_id", "audience", "entries", "first_published_at")


def _highest_revision():
    return ListedExperiment.objects.aggregate(highest=Max("revision"))["highest"] or 0


def _lowest_revision():
    # Asked apart from the highest: SQLite reads one end of the index for MAX() or MIN()
    # alone, and the whole table for both in one query (11 ms at 100,000).
    return ListedExperiment.objects.aggregate(lowest=Min("revision"))["lowest"] or 0


@contextmanager
def _collector_paused():
    """Reading every row's entries makes millions of small lists at once, and Python's cyclic
    garbage collector, started again and again as they pile up, scanned them all each time:
    at 100,000 experiments it took 10 s of the 13 s the read took. The lists are garbage once
    the arrays are built, and none of them refers back to itself."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load(revision):
    rows = ListedExperiment.objects.exclude(audience="").order_by("experiment_id")
    with _collector_paused():
        return FacetTable.from_rows(rows.values_list(*_COLUMNS).iterator(chunk_size=2000), revision)


def _renewed(kept, highest):
    """The kept table brought to the database's revision: patched with the rows changed since
    it was read, or read anew when most changed or it cannot tell (every row rewritten by a
    rebuild, whose removed rows leave no trace; a database put back to an older state)."""
    if highest < kept.revision:
        return _load(highest)
    changed = list(
        ListedExperiment.objects.filter(revision__gt=kept.revision)
        .order_by("experiment_id")
        .values_list(*_COLUMNS, "revision")[: int(PATCH_SHARE * len(kept.pks)) + 1]
    )
    if len(changed) > PATCH_SHARE * len(kept.pks) or _lowest_revision() > kept.revision:
        return _load(highest)  # (asked after the rows: a rebuild may commit meanwhile)
    # Rows committed after the revision was asked are read too: the table is then as new as
    # the newest of them (writers commit in the order of their revisions, facts.next_revision).
    revision = max([highest] + [row[-1] for row in changed])
    return kept.patched([row[:-1] for row in changed], revision)


#: A patch of this many rows or more is worth a new snapshot for the processes that start next.
SNAPSHOT_AFTER_ROWS = 1000


def current_table():
    """The facet table as the database holds it now (one query when it is already kept).

    A process's first table comes from the snapshot the last full read left on this machine's
    disk (checked against the database, then patched to now), not from every row: at 100,000
    experiments reading the rows took 3 to 6 s, the snapshot about 0.1 s."""
    highest = _highest_revision()
    if connection.in_atomic_block:
        return _load(highest)
    key = connection.settings_dict["NAME"]
    kept = _kept.get(key)
    if kept is not None and kept.revision == highest:
        return kept
    path = _snapshot_path(key)
    if kept is None:
        kept = read_snapshot(path)
        if kept is not None and not _snapshot_holds(kept, highest):
            kept = None
    if kept is None:
        table = _load(highest)
    elif kept.revision == highest:
        table = kept
    else:
        table = _renewed(kept, highest)
    if table is not kept and (not table.patched_rows or table.patched_rows >= SNAPSHOT_AFTER_ROWS):
        write_snapshot(table, path)
    with _lock:
        _kept[key] = table
    return table


def _snapshot_holds(snapshot, highest):
    """Whether the database's rows up to the snapshot's revision are the snapshot's rows (a
    database put back from a backup, or another database under the same name, is not)."""
    if snapshot.revision > highest:
        return False
    changed = ListedExperiment.objects.filter(revision__gt=snapshot.revision)
    unchanged = snapshot.pks[~np.isin(snapshot.pks, list(changed.values_list("pk", flat=True)))]
    stored = (
        ListedExperiment.objects.exclude(audience="")
        .filter(revision__lte=snapshot.revision)
        .aggregate(rows=Count("pk"), ids=Sum("experiment_id"))
    )
    return stored["rows"] == len(unchanged) and (stored["ids"] or 0) == int(unchanged.sum())


# -- the snapshot on disk -----------------------------------------------------------------------


def _snapshot_path(database_name):
    """One file per database on this machine's data folder (the name hashed: a test database
    and the site's never share one)."""
    digest = hashlib.sha256(str(database_name).encode()).hexdigest()[:16]
    return Path(settings.FACET_TABLE_DIR) / f"{digest}.npz"


def write_snapshot(table, path):
    """Write the table where read_snapshot finds it: a new file put in place whole, so a
    process starting meanwhile reads the old snapshot or the new, never half of one. A failure
    to write (a full or read-only disk) costs the next process a full read, nothing more."""
    arrays = {
        "revision": np.asarray([table.revision], dtype=np.int64),
        "pks": table.pks,
        "members_only": table.members_only,
        "published": table.published,
        "findings": table.findings,
    }
    texts = {}
    for parameter, column in table.columns.items():
        arrays[f"{parameter}.slots"] = column.slots
        arrays[f"{parameter}.codes"] = column.codes
        arrays[f"{parameter}.findings"] = column.findings
        texts[parameter] = {"known": list(column.known), "labels": column.text_labels}
    arrays["texts"] = np.frombuffer(json.dumps(texts).encode(), dtype=np.uint8)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".npz", delete=False) as file:
            np.savez(file, **arrays)
        os.replace(file.name, path)
    except OSError:
        logger.warning("The facet table's snapshot could not be written to %s", path, exc_info=True)


def read_snapshot(path):
    """The table a snapshot holds, or None when there is none or it cannot be read whole (it
    is then read from the database, and written again)."""
    try:
        with np.load(path, allow_pickle=False) as stored:
            texts = json.loads(bytes(stored["texts"]).decode())
            columns = {}
            for facet in FACETS:
                p = facet.parameter
                known = {text: code for code, text in enumerate(texts[p]["known"])}
                columns[p] = FacetColumn(
                    facet,
                    stored[f"{p}.slots"],
                    stored[f"{p}.codes"],
                    stored[f"{p}.findings"],
                    known,
                    texts[p]["labels"],
                )
            return FacetTable(
                int(stored["revision"][0]),
                stored["pks"],
                stored["members_only"],
                stored["published"],
                stored["findings"],
                columns,
            )
    except FileNotFoundError:
        return None
    except Exception:  # a broken or foreign file is never an answer
        logger.warning("The facet table's snapshot %s could not be read", path, exc_info=True)
        return None
