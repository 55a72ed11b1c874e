"""The facets every filtered page offers: one entry per facet, read by all of them.

The findings page (/fund/), the experiments list (/forsoeg/), their exports and the search page
(/soeg/) all read FACETS: the GET parameter, the label, how a value from the address is
validated, the order values are shown in, and where the value lives on an experiment. A new
facet is one entry here.

Semantics, the same on every page: values chosen within one facet are alternatives (OR), facets
narrow each other (AND), and the count beside a value is what the visitor gets by adding it, so
each facet's counts reflect every *other* active facet.

Each facet can (a) narrow a queryset in SQL, (b) count a queryset per value in one SQL query
(the listings), and (c) list (experiment id, value) pairs for a set of experiments in one query
(the search page, which combines facets over the search engine's matches in memory).
"""

import re
from dataclasses import dataclass, field

from django.db.models import Count, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from knowledge.experiments.evidence import EvidenceStep
from knowledge.ids import parse_id
from knowledge.models import EvidenceKind, ExperimentPage, ExperimentStatus, ListedExperiment
from knowledge.places import (
    MUNICIPALITY_DEPTH,
    SCHOOL_DEPTH,
    ancestor_path_expression,
    listing_year_expression,
)

#: At most this many chosen values per facet are honoured; more is an error for that facet.
MAX_CHOSEN = 20

_SLUG = re.compile(r"^[-\w]{1,100}$")
_YEAR = re.compile(r"^\d{4}$")


class InvalidValue(ValueError):
    """A value a facet cannot take; str(error) says why, for the visitor."""


def page_id(text):
    value = parse_id(text)
    if value is None:
        raise InvalidValue(_("not the number of a page"))
    return value


def slug(text):
    if not _SLUG.match(text):
        raise InvalidValue(_("not a valid name in an address"))
    return text


def grade(text):
    if not (text.isascii() and text.isdigit()) or not 0 <= int(text) <= 10:
        raise InvalidValue(_("grade levels go from 0 to 10"))
    return int(text)


def year(text):
    if not _YEAR.match(text) or not 1900 <= int(text) <= 2200:
        raise InvalidValue(_("not a year"))
    return int(text)


def one_of(choices):
    values = {str(value) for value, _label in choices}

    def clean(text):
        if text not in values:
            raise InvalidValue(_("not one of the choices"))
        return text

    return clean


def one_of_numbers(choices):
    values = {value for value, _label in choices}

    def clean(text):
        if not (text.isascii() and text.isdigit()) or int(text) not in values:
            raise InvalidValue(_("not one of the choices"))
        return int(text)

    return clean


@dataclass(frozen=True)
class Facet:
    """One facet. ``lookup`` is the path from an experiment to the value (a model field or a
    relation such as "subjects__slug"); ``label_lookup`` the path to its label, when the value
    has a name of its own. ``finding_lookup`` is the path from a finding, when the facet
    describes the finding itself rather than its experiment (what a finding rests on).
    ``ordering`` is "title", "count", "number", "newest" or "choices".
    """

    #: True when the value depends on other experiments too (the evidence ladder rises when
    #: another school replicates): the listing facts keep it (refreshed with the neighbours),
    #: the search index does not (it would have to re-index every neighbour).
    derived = False

    parameter: str
    label: str
    clean: object
    ordering: str
    lookup: str = ""
    label_lookup: str = ""
    choices: tuple = ()
    finding_lookup: str = ""

    @property
    def many_valued(self):
        return "__" in self.lookup

    def value_expression(self, prefix):
        return F(f"{prefix}{self.lookup}")

    def filter(self, queryset, values, prefix="", for_findings=False):
        """queryset narrowed to rows with any of values (an experiment or finding queryset)."""
        if for_findings and self.finding_lookup:
            return queryset.filter(**{f"{self.finding_lookup}__in": values})
        if self.many_valued:
            # A subquery, not a join, so combining facets never repeats a row.
            matching = ExperimentPage.objects.filter(**{f"{self.lookup}__in": values})
            return queryset.filter(**{f"{prefix}pk__in": matching.values("pk")})
        return queryset.alias(**{self._alias: self.value_expression(prefix)}).filter(
            **{f"{self._alias}__in": values}
        )

    @property
    def _alias(self):
        return f"facet_{self.parameter}"

    def counts(self, queryset, prefix="", for_findings=False):
        """{value: (label, number of distinct rows)} over queryset: one query."""
        if for_findings and self.finding_lookup:
            key = self.finding_lookup
            queryset = queryset.filter(**{f"{key}__isnull": False})
        elif self.many_valued:
            key = f"{prefix}{self.lookup}"
            queryset = queryset.filter(**{f"{key}__isnull": False})
        else:
            key = self._alias
            queryset = queryset.annotate(**{key: self.value_expression(prefix)})
        group_by = [key]
        label_key = f"{prefix}{self.label_lookup}" if self.label_lookup else None
        if label_key:
            group_by.append(label_key)
        rows = queryset.order_by().values(*group_by).annotate(n=Count("pk", distinct=True))
        return {
            row[key]: (row[label_key] if label_key else None, row["n"])
            for row in rows
            if row[key] is not None
        }

    def members(self, experiments):
        """[(experiment id, value, label)] for an experiment queryset: one query."""
        columns = ["pk", self.lookup]
        if self.label_lookup:
            columns.append(self.label_lookup)
        if self.many_valued:
            rows = experiments.order_by().values_list(*columns)
        else:
            rows = experiments.annotate(**{self._alias: self.value_expression("")}).order_by()
            rows = rows.values_list("pk", self._alias)
        # An experiment without a value of a many-valued facet comes back once, with None.
        return [
            (row[0], row[1], row[2] if len(row) > 2 else None) for row in rows if row[1] is not None
        ]

    def labels(self, values, found_labels):
        """{value: label} for values, from labels found with them or from the facet itself."""
        if self.choices:
            names = {value: str(label) for value, label in self.choices}
            return {value: names.get(value, value) for value in values}
        if self.parameter == "klassetrin":
            return {value: gettext("grade %(number)s") % {"number": value} for value in values}
        return {value: found_labels.get(value) or str(value) for value in values}

    def order(self, values):
        """Facet values (objects with .value, .label, .count) in this facet's display order."""
        if self.ordering == "number":
            return sorted(values, key=lambda v: v.value)
        if self.ordering == "newest":
            return sorted(values, key=lambda v: v.value, reverse=True)
        if self.ordering == "choices":
            position = {value: index for index, (value, _label) in enumerate(self.choices)}
            return sorted(values, key=lambda v: position.get(v.value, len(position)))
        if self.ordering == "count":
            return sorted(values, key=lambda v: (-v.count, str(v.label).lower()))
        return sorted(values, key=lambda v: str(v.label).lower())


@dataclass(frozen=True)
class TreeFacet(Facet):
    """A municipality or school: the experiment's ancestor at a fixed depth, chosen by page id."""

    depth: int = 0

    def value_expression(self, prefix):
        return ancestor_path_expression(self.depth, prefix)

    @property
    def many_valued(self):
        return False

    def filter(self, queryset, values, prefix="", for_findings=False):
        paths = Page.objects.filter(pk__in=values, depth=self.depth).values("path")
        return queryset.alias(**{self._alias: self.value_expression(prefix)}).filter(
            **{f"{self._alias}__in": paths}
        )


@dataclass(frozen=True)
class YearFacet(Facet):
    """The year of the experiment's listing date (knowledge.places, Copenhagen time)."""

    def value_expression(self, prefix):
        return listing_year_expression(prefix)


@dataclass(frozen=True)
class EvidenceStepFacet(Facet):
    """The step of the evidence ladder (knowledge.experiments.evidence), as the listing facts
    keep it per experiment (ListedExperiment.evidence_step): one indexed number per row."""

    derived = True  # from other experiments' "builds on" links too: not in the search index

    def value_expression(self, prefix):
        step = ListedExperiment.objects.filter(experiment_id=OuterRef(f"{prefix}pk"))
        return Coalesce(Subquery(step.values("evidence_step")[:1]), Value(EvidenceStep.ONE_CLASS))

    def filter(self, queryset, values, prefix="", for_findings=False):
        having = ListedExperiment.objects.filter(evidence_step__in=values)
        return queryset.filter(**{f"{prefix}pk__in": having.values("experiment_id")})


FACETS = (
    TreeFacet("kommune", _("Municipality"), page_id, "title", depth=MUNICIPALITY_DEPTH),
    TreeFacet("skole", _("School"), page_id, "title", depth=SCHOOL_DEPTH),
    Facet("fag", _("Subject"), slug, "title", "subjects__slug", "subjects__name"),
    Facet("klassetrin", _("Grade level"), grade, "number", "grade_levels__number"),
    Facet("emne", _("Tag"), slug, "count", "tags__slug", "tags__name"),
    Facet(
        "status",
        _("Status"),
        one_of(ExperimentStatus.choices),
        "choices",
        "status",
        choices=tuple(ExperimentStatus.choices),
    ),
    YearFacet("aar", _("Year"), year, "newest"),
    Facet(
        "grundlag",
        _("Rests on"),
        one_of(EvidenceKind.choices),
        "choices",
        "findings__evidence_kind",
        choices=tuple(EvidenceKind.choices),
        finding_lookup="evidence_kind",
    ),
    EvidenceStepFacet(
        "evidens",
        _("Evidence ladder"),
        one_of_numbers(EvidenceStep.choices),
        "choices",
        choices=tuple(EvidenceStep.choices),
    ),
)
#: Each facet by the parameter its addresses use.
FACET_OF = {facet.parameter: facet for facet in FACETS}
FACET_PARAMETERS = tuple(facet.parameter for facet in FACETS)
TREE_FACETS = tuple(facet for facet in FACETS if isinstance(facet, TreeFacet))
#: What the search index stores per experiment; the rest search counts from the listing facts.
STORED_FACETS = tuple(facet for facet in FACETS if not facet.derived)
DERIVED_FACETS = tuple(facet for facet in FACETS if facet.derived)


def key_tree_values_by_page_id(by_facet):
    """Re-key the municipality and school entries of ``{parameter: {tree path: value}}`` by page
    id (what addresses choose, stable when pages move), in place; returns {page id: title}.

    Tree facets find their values as ancestor paths; one query resolves the paths of both.
    """
    tree = [facet.parameter for facet in TREE_FACETS]
    paths = {path for parameter in tree for path in by_facet[parameter]}
    pages = {
        path: (pk, title)
        for path, pk, title in Page.objects.filter(path__in=list(paths)).values_list(
            "path", "pk", "title"
        )
    }
    for parameter in tree:
        by_facet[parameter] = {
            pages[path][0]: value for path, value in by_facet[parameter].items() if path in pages
        }
    return dict(pages.values())


@dataclass
class FacetValue:
    value: object
    label: str
    count: int
    selected: bool = False
    url: str = ""


@dataclass
class ShownFacet:
    """A facet as a page shows it: its values with counts and links."""

    parameter: str
    label: str
    values: list = field(default_factory=list)

    @property
    def selected_values(self):
        return [value for value in self.values if value.selected]


@dataclass
class Selections:
    """The facet values chosen in a query string, cleaned; errors say what was ignored."""

    chosen: dict = field(default_factory=dict)  # parameter -> [cleaned values], in given order
    errors: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.chosen)

    def get(self, parameter):
        return self.chosen.get(parameter, [])

    def as_query(self):
        """[(parameter, value)] in FACETS order: the canonical query string of the selection."""
        return [
            (facet.parameter, str(value))
            for facet in FACETS
            for value in self.chosen.get(facet.parameter, [])
        ]


def read_selections(querydict):
    """The chosen facet values from GET parameters. A value a facet cannot take is left out,
    with one message per facet saying so; unknown parameters are not part of a selection."""
    selections = Selections()
    for facet in FACETS:
        chosen, problems = [], []
        for text in querydict.getlist(facet.parameter):
            text = text.strip()[:200]
            if not text:
                continue
            try:
                value = facet.clean(text)
            except InvalidValue as error:
                problems.append(str(error))
                continue
            if value in chosen:
                continue
            if len(chosen) >= MAX_CHOSEN:
                problems.append(gettext("at most %(number)s values") % {"number": MAX_CHOSEN})
                break
            chosen.append(value)
        if chosen:
            selections.chosen[facet.parameter] = chosen
        if problems:
            selections.errors.append(
                gettext("%(filter)s: %(error)s (this filter was ignored)")
                % {"filter": facet.label, "error": "; ".join(dict.fromkeys(problems))}
            )
    return selections
