"""A filtered list of experiments or findings, with its facet counts, counted in SQL.

The findings page, the experiments list and their exports read the filters from the query
string (so every filtered list has a shareable URL) through the one facet vocabulary in
knowledge.listings.facets. A listing is either of experiments or of findings; the same facets
serve both, reaching the experiment through ``page__`` from a finding. Every query starts from
ExperimentPage.objects.visible_to(user), so counts never reveal what the visitor may not read.
"""

from dataclasses import dataclass
from functools import cached_property

from django.http import QueryDict
from django.utils.http import urlencode
from wagtail.models import Page

from knowledge.models import ExperimentPage, Finding

from . import facts
from .facet_table import current_table
from .facets import (
    FACET_OF,
    FACETS,
    TREE_FACETS,
    FacetValue,
    InvalidValue,
    ShownFacet,
    TreeFacet,
    key_tree_values_by_page_id,
    read_selections,
)
from .keyset import Ordering, findings_near
from .visibility import visible_through

#: The order of each listing, newest first, as keyset columns (knowledge.listings.keyset).
EXPERIMENT_ORDERING = Ordering(("first_published_at", True), ("pk", True))
FINDING_ORDERING = Ordering(
    ("page__first_published_at", True), ("page_id", True), ("sort_order", False), ("pk", False)
)


def _typed(facet, counts):
    """Facts keep values as text: give them the type the facet's addresses give them."""
    typed = {}
    for value, (label, n) in counts.items():
        try:
            typed[facet.clean(value)] = (label or None, n)
        except InvalidValue:
            continue  # a value no address can choose (e.g. an overlong tag name) is not offered
    return typed


@dataclass(frozen=True)
class ChosenValue:
    label: str
    remove_url: str


@dataclass(frozen=True)
class ChosenFilter:
    """One active filter: its label and its chosen values (alternatives of each other)."""

    label: str
    values: list


class FilteredListing:
    """A filtered list of experiments or findings for one visitor, with its facets.

    ``results`` is the filtered queryset, ordered for display and export. Unfiltered, the count
    and facets come from the listing facts; filtered, from the facet table (array arithmetic,
    and the next page's experiments by their keys); for a reader neither serves, ``facets()``
    runs one query per facet plus one for the municipality and school names.
    """

    def __init__(self, user, params, *, findings):
        self.user = user
        self.for_findings = findings
        self.prefix = "page__" if findings else ""
        self.selections = read_selections(params if params is not None else QueryDict())
        self.active = self.selections.chosen

    # Querysets

    def base_queryset(self):
        if not self.for_findings:
            return ExperimentPage.objects.visible_to(self.user)
        return Finding.objects.filter(visible_through(self.user, "page"))

    def filtered(self, except_parameter=None, finding_level_only=False):
        """The visible rows with the chosen filters; finding_level_only leaves out the filters
        of the experiment (a page whose experiments come from the facet table by their ids
        holds those filters already, and SQLite drove a page of 25 from a subquery of every
        experiment with the tag: 114 ms at 100,000)."""
        queryset = self.base_queryset()
        for facet in FACETS:
            values = self.active.get(facet.parameter)
            if not values or facet.parameter == except_parameter:
                continue
            if finding_level_only and not (self.for_findings and facet.finding_lookup):
                continue
            queryset = facet.filter(queryset, values, self.prefix, self.for_findings)
        return queryset

    @property
    def ordering(self):
        return FINDING_ORDERING if self.for_findings else EXPERIMENT_ORDERING

    @property
    def results(self):
        return self.filtered().order_by(*self.ordering.order_by())

    @property
    def page_results(self):
        """What a page of the listing reads its rows from, with ``narrow()``: the results, or,
        when the facet table names the page's experiments, the visible rows (with the
        filters on findings) that ``narrow()`` then limits to those experiments."""
        if self._selection is None:
            return self.results
        return self.filtered(finding_level_only=True).order_by(*self.ordering.order_by())

    @property
    def _audiences(self):
        """The facts' audiences when they answer exactly: unfiltered, for a reader they serve."""
        return None if self.active else facts.audiences_of(self.user)

    @property
    def _measure(self):
        return "findings" if self.for_findings else "experiments"

    @cached_property
    def _selection(self):
        """The filtered list over the facet table, for a reader the facts serve (else None)."""
        audiences = facts.audiences_of(self.user)
        if not self.active or not audiences:
            return None
        return current_table().select(audiences, self.active, self.for_findings)

    def count(self):
        """How many rows the listing has: from the facts when it is unfiltered, from the facet
        table when filtered, counted in SQL for a reader neither serves."""
        if self._audiences:
            return facts.total(facts.NETWORK, self._audiences, self._measure)
        if self._selection is not None:
            return self._selection.count()
        return self.results.order_by().count()

    def narrow(self):
        """keyset.page_of's narrow(): the experiments the next rows can belong to, from the
        facet table when filtered (the findings' from their experiments otherwise)."""
        selection = self._selection
        if selection is None:
            if not self.for_findings:
                return None
            return findings_near(ExperimentPage.objects.visible_to(self.user), EXPERIMENT_ORDERING)
        key = "page_id__in" if self.for_findings else "pk__in"
        return selection.narrow(key, inclusive=self.for_findings)

    @property
    def is_filtered(self):
        return bool(self.active)

    @property
    def chosen_count(self):
        """How many filter values are chosen, over all facets."""
        return sum(len(values) for values in self.active.values())

    def error_messages(self):
        return self.selections.errors

    # Facets

    def facets(self):
        if self._audiences:
            counted, titles = self._counted_from_facts()
        elif self._selection is not None:
            counted = self._selection.counts()
            titles = self._tree_titles(counted)
        else:
            counted = {
                facet.parameter: facet.counts(
                    self.filtered(except_parameter=facet.parameter), self.prefix, self.for_findings
                )
                for facet in FACETS
            }
            titles = key_tree_values_by_page_id(counted)
        shown = []
        for facet in FACETS:
            counts = counted[facet.parameter]
            found = {value: label or titles.get(value) for value, (label, _n) in counts.items()}
            labels = facet.labels(counts, found)
            values = [
                self.facet_value(facet, value, labels[value], n)
                for value, (_label, n) in counts.items()
            ]
            shown.append(ShownFacet(facet.parameter, facet.label, facet.order(values)))
        return shown

    def _counted_from_facts(self):
        """Every facet's counts over the whole listing, from the facts: two queries."""
        found = facts.counted(
            [facts.NETWORK], [facet.parameter for facet in FACETS], self._audiences, self._measure
        )
        counted = {
            facet.parameter: _typed(facet, found.get((facts.NETWORK, facet.parameter), {}))
            for facet in FACETS
        }
        return counted, self._tree_titles(counted)

    @staticmethod
    def _tree_titles(counted):
        """{page id: title} of the municipalities and schools counted (one query); a place no
        longer there is left out of counted."""
        tree_ids = [pk for facet in TREE_FACETS for pk in counted[facet.parameter]]
        titles = dict(Page.objects.filter(pk__in=tree_ids).values_list("pk", "title"))
        for facet in TREE_FACETS:
            counted[facet.parameter] = {
                pk: value for pk, value in counted[facet.parameter].items() if pk in titles
            }
        return titles

    def facet_value(self, facet, value, label, count):
        selected = value in self.active.get(facet.parameter, [])
        return FacetValue(
            value=value,
            label=label,
            count=count,
            selected=selected,
            url=self.toggled(facet.parameter, value),
        )

    def toggled(self, parameter, value):
        """The listing's address with one value added to or removed from a facet."""
        chosen = dict(self.active)
        values = list(chosen.get(parameter, []))
        values = [v for v in values if v != value] if value in values else [*values, value]
        chosen[parameter] = values
        return self._address(chosen)

    def querystring(self, **changes):
        """The current filters, with the page number given in changes; unknown parameters and
        values a facet cannot take are never repeated (a visitor may send any address)."""
        return self._address(self.active, **changes)

    def without(self, parameter):
        return self._address({**self.active, parameter: []})

    @staticmethod
    def _address(chosen, **changes):
        pairs = [
            (facet.parameter, str(value))
            for facet in FACETS
            for value in chosen.get(facet.parameter, [])
        ]
        pairs += [(name, str(value)) for name, value in changes.items() if value is not None]
        encoded = urlencode(pairs)
        return f"?{encoded}" if encoded else "?"

    def chosen_filters(self, facets):
        """The active filters as the page names them, in FACETS order: [ChosenFilter], each
        value with the address that removes it. A value no visible row has (so no facet shows
        it) keeps the text of the address as its label."""
        labels = {
            (facet.parameter, value.value): value.label
            for facet in facets
            for value in facet.values
        }
        missing = [
            (parameter, value)
            for parameter, values in self.active.items()
            for value in values
            if (parameter, value) not in labels
        ]
        labels.update(self._labels_of_unshown(missing))
        chosen = []
        for facet in facets:
            values = [
                ChosenValue(labels[(facet.parameter, value)], self.toggled(facet.parameter, value))
                for value in self.active.get(facet.parameter, [])
            ]
            if values:
                chosen.append(ChosenFilter(facet.label, values))
        return chosen

    @staticmethod
    def _labels_of_unshown(missing):
        """Labels for chosen values no facet shows: statuses and grades from the facet itself,
        municipalities and schools from their public title (one query, only when needed);
        a tag or subject as the address spells it, so a name the visitor may not see (a tag
        used only on members-only experiments) is never revealed."""
        from .queries import public_pages

        tree_ids = [
            value for parameter, value in missing if isinstance(FACET_OF[parameter], TreeFacet)
        ]
        titles = (
            dict(
                public_pages(Page.objects.live().filter(pk__in=tree_ids)).values_list("pk", "title")
            )
            if tree_ids
            else {}
        )
        labels = {}
        for parameter, value in missing:
            facet = FACET_OF[parameter]
            if isinstance(facet, TreeFacet):
                labels[(parameter, value)] = titles.get(value, str(value))
            else:
                labels[(parameter, value)] = facet.labels([value], {})[value]
        return labels

    def unmatched_filters(self, facets):
        """Active filter values no visible row has: shown so the visitor can remove them."""
        by_parameter = {facet.parameter: facet for facet in facets}
        shown_selected = {
            (facet.parameter, value.value) for facet in facets for value in facet.selected_values
        }
        missing = [
            (name, value)
            for name, values in self.active.items()
            for value in values
            if (name, value) not in shown_selected
        ]
        labels = self._labels_of_unshown(missing)
        return [
            {
                "label": by_parameter[name].label,
                "value": labels[(name, value)],
                "url": self.toggled(name, value),
            }
            for name, value in missing
        ]
