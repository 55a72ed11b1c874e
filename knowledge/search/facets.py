"""Facet counts for the search page, over the experiments the search engine matched.

The facets are the listings' own (knowledge.listings.facets: the same parameters, labels,
validation, order and semantics). For the readers the listing facts serve (anonymous visitors,
members kept out of nothing), which match they may see and which values it has come from the
facet table (knowledge.listings.facet_table): array lookups, no query per match (10,000
experiments: 16 ms median for a broad search, bench/search.py; a synthetic 100,000: 110 ms).
For anyone else the matches are narrowed in the database (``visible_among``, one query) and
their values read from the search index when it can say (the Whoosh backend stores each
experiment's values with its document: ``stored_facet_values``), else from the database (one
query per facet). Either way the counting itself is array arithmetic over the matches.
"""

import datetime
import json

import numpy as np
from django.db import connection
from django.db.models.expressions import RawSQL
from modelsearch.backends import get_search_backend
from wagtail.models import Page

from knowledge.listings.facet_table import current_table
from knowledge.listings.facets import (
    DERIVED_FACETS,
    FACETS,
    STORED_FACETS,
    TREE_FACETS,
    FacetValue,
    InvalidValue,
    ShownFacet,
    TreeFacet,
    YearFacet,
    key_tree_values_by_page_id,
)
from knowledge.models import ExperimentPage
from knowledge.places import listing_year

#: Without SQLite's json_each, primary keys are sent in chunks of this many (query parameters).
PK_CHUNK = 5_000
#: At most this many values per facet are shown (the most frequent; chosen ones always are).
MAX_VALUES_SHOWN = 15


def stored_facet_values(experiment):
    """{facet parameter: [values]} of one experiment, as text, for its search document.

    The same values the facets' SQL finds (a tree facet's ancestor path, the listing year, the
    related objects' values); experiments are re-indexed whenever these change.
    """
    values = {}
    for facet in STORED_FACETS:
        if isinstance(facet, TreeFacet):
            found = [experiment.path[: facet.depth * Page.steplen]]
        elif isinstance(facet, YearFacet):
            found = [listing_year(experiment.start_date, experiment.first_published_at)]
        elif facet.many_valued:
            relation, attribute = facet.lookup.split("__")
            found = [getattr(obj, attribute) for obj in getattr(experiment, relation).all()]
        else:
            found = [getattr(experiment, facet.lookup)]
        values[facet.parameter] = [str(value) for value in found if value is not None]
    return values


def _pk_filters(pks):
    """Querysets filters selecting pks: one parameter on SQLite, chunks elsewhere."""
    pks = [int(pk) for pk in pks]
    if connection.vendor == "sqlite":
        return [{"pk__in": RawSQL("SELECT value FROM json_each(%s)", [json.dumps(pks)])}]
    return [{"pk__in": pks[i : i + PK_CHUNK]} for i in range(0, len(pks), PK_CHUNK)]


def visible_among(visible, pks):
    """The pks (in their order) of experiments the visible queryset lets through."""
    allowed = set()
    for lookup in _pk_filters(pks):
        allowed.update(visible.filter(**lookup).order_by().values_list("pk", flat=True))
    return [pk for pk in pks if pk in allowed]


class FacetCounter:
    """Counts and filters over a set of candidate experiments (``None``: every visible one).

    ``audiences`` (knowledge.listings.facts.audiences_of the visitor) lets the facet table
    answer who may see which candidate and which values each has, with no query per match;
    without it (a member kept out of some restricted pages) the database and index do.
    """

    def __init__(
        self,
        visible,
        candidates,
        selections,
        facet_urls=None,
        backend_name="default",
        audiences=None,
    ):
        self.visible = visible
        self.selections = selections
        self.facet_urls = facet_urls
        self._published = None
        if audiences:
            self._from_table(current_table(), audiences, candidates)
            return
        if candidates is None:
            candidates = list(visible.order_by().values_list("pk", flat=True))
        else:
            candidates = visible_among(visible, list(dict.fromkeys(candidates)))
        self.pks = np.asarray(candidates, dtype=np.int64)
        found = self._from_index(backend_name, candidates)
        if found is None:
            found = self._from_database(candidates)
        self._settle(*found)

    def _from_table(self, table, audiences, candidates):
        """Candidates, values and labels from the facet table: array lookups only."""
        visible = table.visible(audiences)
        if candidates is None:
            slots = np.flatnonzero(visible)
        else:
            pks = np.asarray(list(dict.fromkeys(candidates)), dtype=np.int64)
            slots = table.slots(pks)
            slots = slots[slots >= 0]
            slots = slots[visible[slots]]
        self.pks = table.pks[slots]
        self._published = dict(zip(self.pks.tolist(), table.published[slots].tolist()))
        position = np.full(len(table.pks), -1, np.int64)
        position[slots] = np.arange(len(slots))
        rows, raw, codes, labels = {}, {}, {}, {}
        for facet in FACETS:
            p, column = facet.parameter, table.columns[facet.parameter]
            found = position[column.slots] if len(column.slots) else np.empty(0, np.int64)
            keep = found >= 0
            rows[p], codes[p] = found[keep], column.codes[keep]
            raw[p], labels[p] = column.values, column.labels
        titles = dict(
            Page.objects.filter(
                pk__in=[v for f in TREE_FACETS for v in raw[f.parameter] if v is not None]
            ).values_list("pk", "title")
        )
        for facet in TREE_FACETS:
            labels[facet.parameter] = titles
        self._settle(rows, raw, codes, labels, from_table=True)

    # -- where the values come from ------------------------------------------------------------

    def _from_index(self, backend_name, pks):
        """(rows, raw values, codes, labels) per facet from the search index, or None."""
        backend = get_search_backend(backend_name)
        read = getattr(backend, "facet_memberships", None)
        memberships = read(ExperimentPage, pks) if read is not None and pks else None
        if memberships is None:
            return None
        rows, raw, codes = {}, {}, {}
        for facet in STORED_FACETS:
            p = facet.parameter
            if isinstance(facet, TreeFacet):
                values = memberships.values.get(p, [])
            else:
                values = [_cleaned(facet, text) for text in memberships.values.get(p, [])]
            rows[p] = memberships.rows.get(p, np.empty(0, np.int64))
            codes[p] = memberships.codes.get(p, np.empty(0, np.int64))
            raw[p] = values
        labels = _labels_from_database(raw)
        found_in_sql = self._from_database(pks, DERIVED_FACETS)
        for part, found in zip((rows, raw, codes, labels), found_in_sql):
            part.update(found)
        return rows, raw, codes, labels

    def _from_database(self, pks, facets=FACETS):
        """The same from the database: one query per facet over the candidates."""
        position = {pk: i for i, pk in enumerate(pks)}
        rows, raw, codes, labels = {}, {}, {}, {}
        for facet in facets:
            p = facet.parameter
            known, facet_rows, facet_codes, labels[p] = {}, [], [], {}
            for lookup in _pk_filters(pks) if pks else []:
                experiments = ExperimentPage.objects.filter(**lookup)
                for pk, value, label in facet.members(experiments):
                    if pk in position:
                        facet_rows.append(position[pk])
                        facet_codes.append(known.setdefault(value, len(known)))
                        if label is not None:
                            labels[p][value] = label
            rows[p] = np.asarray(facet_rows, dtype=np.int64)
            codes[p] = np.asarray(facet_codes, dtype=np.int64)
            raw[p] = list(known)
        return rows, raw, codes, labels

    def _settle(self, rows, raw, codes, labels, from_table=False):
        """Tree paths re-keyed to page ids, pairs made unique, labels named; then arrays only.
        (The facet table keeps municipalities and schools by page id, their titles in labels.)"""
        by_path = {facet.parameter: {} for facet in TREE_FACETS}
        for facet in TREE_FACETS:
            by_path[facet.parameter] = {path: path for path in raw[facet.parameter]}
        titles = labels[TREE_FACETS[0].parameter] if from_table else None
        if not from_table:
            titles = key_tree_values_by_page_id(by_path)
        self.rows, self.codes, self.values, self.code_of, self.labels = {}, {}, {}, {}, {}
        for facet in FACETS:
            p = facet.parameter
            if isinstance(facet, TreeFacet) and not from_table:
                page_ids = {path: pk for pk, path in by_path[p].items()}
                values = [page_ids.get(path) for path in raw[p]]
            else:
                values = raw[p]
            keep = np.array([v is not None for v in values] + [False], dtype=bool)
            facet_rows, facet_codes = rows[p], codes[p]
            selected = keep[facet_codes] if len(facet_codes) else np.empty(0, bool)
            facet_rows, facet_codes = facet_rows[selected], facet_codes[selected]
            # One (experiment, value) pair once, however many findings share that value (the
            # facet table holds each pair once already).
            pairs = facet_rows * (len(values) + 1) + facet_codes
            pairs = pairs if from_table else np.unique(pairs)
            self.rows[p] = pairs // (len(values) + 1)
            self.codes[p] = pairs % (len(values) + 1)
            self.values[p] = values
            self.code_of[p] = {v: code for code, v in enumerate(values) if v is not None}
            present = [v for v in values if v is not None]
            self.labels[p] = (
                titles if isinstance(facet, TreeFacet) else facet.labels(present, labels[p])
            )

    # -- filtering and counting ----------------------------------------------------------------

    def _allowed(self, parameter):
        """Which candidates have one of the chosen values (None: nothing chosen)."""
        chosen = self.selections.get(parameter) or []
        if not chosen:
            return None
        wanted = [self.code_of[parameter][v] for v in chosen if v in self.code_of[parameter]]
        allowed = np.zeros(len(self.pks), dtype=bool)
        if wanted:
            allowed[self.rows[parameter][np.isin(self.codes[parameter], wanted)]] = True
        return allowed

    def _narrowed(self, skip=None):
        result = np.ones(len(self.pks), dtype=bool)
        for facet in FACETS:
            if facet.parameter != skip:
                allowed = self._allowed(facet.parameter)
                if allowed is not None:
                    result &= allowed
        return result

    def final_pks(self):
        """Candidates that pass every chosen facet."""
        return set(self.pks[self._narrowed()].tolist())

    def newest_first(self, pks):
        if self._published is None:
            self._published = {}
            for lookup in _pk_filters(self.pks.tolist()):
                rows = self.visible.filter(**lookup).order_by()
                self._published.update(rows.values_list("pk", "first_published_at"))

        def newest(pk):
            published = self._published.get(pk)
            if isinstance(published, datetime.datetime):
                published = published.timestamp()
            return (published or 0, pk)

        return sorted(pks, key=newest, reverse=True)

    def facets(self):
        shown = []
        for facet in FACETS:
            p = facet.parameter
            base = self._narrowed(skip=p)
            counts = np.bincount(
                self.codes[p][base[self.rows[p]]], minlength=len(self.values[p]) + 1
            )
            chosen = self.selections.get(p) or []
            values = [
                self._value(facet, value, int(counts[code]), value in chosen)
                for code, value in enumerate(self.values[p])
                if value is not None and (counts[code] or value in chosen)
            ]
            for value in chosen:
                if value not in self.code_of[p]:
                    # Chosen but matching nothing here: still shown so it can be removed.
                    values.append(self._value(facet, value, 0, True))
            shown.append(ShownFacet(p, facet.label, self._shown(facet, values)))
        return shown

    def _value(self, facet, value, count, selected):
        label = self.labels[facet.parameter].get(value, str(value))
        url = self.facet_urls(facet.parameter, value, selected) if self.facet_urls else ""
        return FacetValue(value=value, label=label, count=count, selected=selected, url=url)

    @staticmethod
    def _shown(facet, values):
        """The chosen values and the most frequent others, in the facet's own order."""
        frequent = sorted(
            (v for v in values if not v.selected), key=lambda v: (-v.count, str(v.label).lower())
        )[:MAX_VALUES_SHOWN]
        keep = {id(v) for v in frequent} | {id(v) for v in values if v.selected}
        return facet.order([v for v in values if id(v) in keep])


def _cleaned(facet, text):
    """A stored value as the facet's own type (a grade or a year is a number), or None."""
    try:
        return facet.clean(text)
    except InvalidValue:
        return None


def _labels_from_database(raw):
    """{parameter: {value: label}} for facets whose values have names (subjects, tags)."""
    labels = {}
    for facet in FACETS:
        if facet.parameter not in raw:
            continue
        labels[facet.parameter] = {}
        values = [v for v in raw[facet.parameter] if v is not None]
        if not facet.label_lookup or not values:
            continue
        relation, value_field = facet.lookup.split("__")
        label_field = facet.label_lookup.split("__")[1]
        model = ExperimentPage._meta.get_field(relation).related_model
        rows = model.objects.filter(**{f"{value_field}__in": values})
        labels[facet.parameter] = dict(rows.values_list(value_field, label_field))
    return labels
