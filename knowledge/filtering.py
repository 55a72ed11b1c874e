"""Filters shared by the findings page, the experiments list and their exports.

One form reads the filters from the query string (so every filtered list has a shareable URL).
Each filter is a Dimension: it knows how to narrow a listing and how to count the listing per
value with one aggregate query. Counts are "disjunctive": the counts of one dimension reflect
every other active filter but not its own, so a visitor sees what choosing another value gives.

A listing is either of experiments or of findings; the same dimensions serve both, reaching the
experiment through ``page__`` from a finding. Every query starts from
ExperimentPage.objects.visible_to(user), so counts never reveal what the visitor may not read.
"""

from dataclasses import dataclass, field

from django import forms
from django.db.models import Count, IntegerField
from django.db.models.functions import Coalesce, ExtractYear, Substr
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .models import EvidenceKind, ExperimentPage, ExperimentStatus, Finding, GradeLevel

# The tree is fixed by parent_page_types: root > home > municipality > school > experiment, so an
# experiment's municipality and school are the first 3 and 4 steps of its tree path.
MUNICIPALITY_PATH_LENGTH = 3 * Page.steplen
SCHOOL_PATH_LENGTH = 4 * Page.steplen

PAGE_PARAMETER = "side"


class ListingFilterForm(forms.Form):
    """The filters as GET parameters. A bad value becomes a form error; that filter is ignored."""

    kommune = forms.IntegerField(label=_("Municipality"), required=False, min_value=1)
    skole = forms.IntegerField(label=_("School"), required=False, min_value=1)
    fag = forms.SlugField(label=_("Subject"), required=False, allow_unicode=True, max_length=80)
    klassetrin = forms.IntegerField(
        label=_("Grade level"), required=False, min_value=0, max_value=10
    )
    emne = forms.SlugField(label=_("Tag"), required=False, allow_unicode=True, max_length=100)
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", "")] + ExperimentStatus.choices
    )
    aar = forms.IntegerField(label=_("Year"), required=False, min_value=1900, max_value=2200)
    grundlag = forms.ChoiceField(
        label=_("Rests on"), required=False, choices=[("", "")] + EvidenceKind.choices
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data if data is not None else QueryDict(), **kwargs)

    def active_filters(self):
        """{parameter: value} for every filter with a valid, non-empty value."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            name: cleaned[name]
            for name in self.fields
            if name not in self.errors and cleaned.get(name) not in (None, "")
        }

    def error_messages(self):
        """One readable line per rejected filter."""
        self.is_valid()
        return [
            _("%(filter)s: %(error)s (this filter was ignored)")
            % {"filter": self.fields[name].label, "error": " ".join(errors)}
            for name, errors in self.errors.items()
        ]


def year_expression(prefix=""):
    """The experiment's year: its start date, else the date it was first published."""
    return Coalesce(
        ExtractYear(f"{prefix}start_date"),
        ExtractYear(f"{prefix}first_published_at"),
        output_field=IntegerField(),
    )


@dataclass
class FacetValue:
    value: object
    label: str
    count: int
    selected: bool = False
    url: str = ""


@dataclass
class Facet:
    parameter: str
    label: str
    values: list = field(default_factory=list)

    @property
    def selected_values(self):
        return [value for value in self.values if value.selected]


class Dimension:
    """One filter. ``prefix`` is "" for an experiment listing and "page__" for findings."""

    parameter = ""

    def filter(self, queryset, value, prefix, for_findings):
        raise NotImplementedError

    def count(self, queryset, prefix, for_findings):
        """[(value, label, count)] over queryset, in display order: one query."""
        raise NotImplementedError

    @staticmethod
    def counted(queryset, *group_by):
        # distinct: an experiment repeats once per row of a many-valued join it is grouped by.
        return queryset.order_by().values(*group_by).annotate(n=Count("pk", distinct=True))


class TreeDimension(Dimension):
    """Municipality or school: the experiment's ancestor at a fixed depth, chosen by id."""

    def __init__(self, parameter, path_length):
        self.parameter = parameter
        self.path_length = path_length

    def path(self, prefix):
        return Substr(f"{prefix}path", 1, self.path_length)

    def filter(self, queryset, value, prefix, for_findings):
        ancestor_paths = Page.objects.filter(pk=value, depth=self.path_length // Page.steplen)
        alias = f"{self.parameter}_path"
        return queryset.alias(**{alias: self.path(prefix)}).filter(
            **{f"{alias}__in": ancestor_paths.values("path")}
        )

    def count(self, queryset, prefix, for_findings):
        rows = self.counted(queryset.annotate(ancestor_path=self.path(prefix)), "ancestor_path")
        return {row["ancestor_path"]: row["n"] for row in rows}


class RelatedDimension(Dimension):
    """A many-valued relation of the experiment (subjects, grade levels, tags), chosen by key."""

    def __init__(self, parameter, relation, key, label_field, through_lookup):
        self.parameter = parameter
        self.relation = relation
        self.key = key
        self.label_field = label_field
        self.through_lookup = through_lookup

    def filter(self, queryset, value, prefix, for_findings):
        # A subquery, not a join, so combining filters never repeats a row.
        matching = ExperimentPage.objects.filter(**{self.through_lookup: value}).values("pk")
        return queryset.filter(**{f"{prefix}pk__in": matching})

    def count(self, queryset, prefix, for_findings):
        key = f"{prefix}{self.relation}__{self.key}"
        label = f"{prefix}{self.relation}__{self.label_field}"
        group_by = dict.fromkeys([key, label])  # grade levels are labelled by their key
        rows = self.counted(queryset.filter(**{f"{key}__isnull": False}), *group_by)
        return [(row[key], row[label], row["n"]) for row in rows]


def in_choice_order(choices, counts):
    return [(value, label, counts[value]) for value, label in choices if value in counts]


class StatusDimension(Dimension):
    parameter = "status"

    def filter(self, queryset, value, prefix, for_findings):
        return queryset.filter(**{f"{prefix}status": value})

    def count(self, queryset, prefix, for_findings):
        key = f"{prefix}status"
        counts = {row[key]: row["n"] for row in self.counted(queryset, key)}
        return in_choice_order(ExperimentStatus.choices, counts)


class YearDimension(Dimension):
    parameter = "aar"

    def filter(self, queryset, value, prefix, for_findings):
        return queryset.alias(experiment_year=year_expression(prefix)).filter(experiment_year=value)

    def count(self, queryset, prefix, for_findings):
        rows = self.counted(queryset.annotate(year=year_expression(prefix)), "year")
        return sorted(
            ((row["year"], str(row["year"]), row["n"]) for row in rows if row["year"]),
            reverse=True,
        )


class EvidenceDimension(Dimension):
    """What a finding rests on. An experiment matches when one of its findings does."""

    parameter = "grundlag"

    def filter(self, queryset, value, prefix, for_findings):
        if for_findings:
            return queryset.filter(evidence_kind=value)
        return queryset.filter(pk__in=Finding.objects.filter(evidence_kind=value).values("page_id"))

    def count(self, queryset, prefix, for_findings):
        key = "evidence_kind" if for_findings else "findings__evidence_kind"
        rows = self.counted(queryset.filter(**{f"{key}__isnull": False}), key)
        counts = {row[key]: row["n"] for row in rows}
        return in_choice_order(EvidenceKind.choices, counts)


MUNICIPALITY = TreeDimension("kommune", MUNICIPALITY_PATH_LENGTH)
SCHOOL = TreeDimension("skole", SCHOOL_PATH_LENGTH)
DIMENSIONS = [
    MUNICIPALITY,
    SCHOOL,
    RelatedDimension("fag", "subjects", "slug", "name", "subjects__slug"),
    RelatedDimension("klassetrin", "grade_levels", "number", "number", "grade_levels__number"),
    RelatedDimension("emne", "tags", "slug", "name", "tagged_items__tag__slug"),
    StatusDimension(),
    YearDimension(),
    EvidenceDimension(),
]


class FilteredListing:
    """A filtered list of experiments or findings for one visitor, with its facets.

    ``results`` is the filtered queryset (unordered rows, ordered here for display and export);
    ``facets()`` runs one query per dimension plus one for the municipality and school names.
    """

    def __init__(self, user, params, *, findings):
        self.user = user
        self.params = params
        self.for_findings = findings
        self.prefix = "page__" if findings else ""
        self.form = ListingFilterForm(params)
        self.active = self.form.active_filters()

    # Querysets

    def base_queryset(self):
        visible = ExperimentPage.objects.visible_to(self.user)
        if self.for_findings:
            return Finding.objects.filter(page__in=visible.values("pk"))
        return visible

    def filtered(self, except_parameter=None):
        queryset = self.base_queryset()
        for dimension in DIMENSIONS:
            value = self.active.get(dimension.parameter)
            if value is None or dimension.parameter == except_parameter:
                continue
            queryset = dimension.filter(queryset, value, self.prefix, self.for_findings)
        return queryset

    @property
    def results(self):
        if self.for_findings:
            return self.filtered().order_by(
                "-page__first_published_at", "-page_id", "sort_order", "pk"
            )
        return self.filtered().order_by("-first_published_at", "-pk")

    @property
    def is_filtered(self):
        return bool(self.active)

    # Facets

    def facets(self):
        raw = {
            dimension.parameter: dimension.count(
                self.filtered(except_parameter=dimension.parameter), self.prefix, self.for_findings
            )
            for dimension in DIMENSIONS
        }
        tree_paths = set(raw["kommune"]) | set(raw["skole"])
        ancestors = {
            page["path"]: page
            for page in Page.objects.filter(path__in=tree_paths).values("pk", "path", "title")
        }

        def tree_values(counts):
            values = [
                (ancestors[path]["pk"], ancestors[path]["title"], n)
                for path, n in counts.items()
                if path in ancestors
            ]
            return sorted(values, key=lambda value: value[1].lower())

        raw["kommune"] = tree_values(raw["kommune"])
        raw["skole"] = tree_values(raw["skole"])
        raw["fag"] = sorted(raw["fag"], key=lambda value: value[1].lower())
        raw["klassetrin"] = sorted(
            (number, str(GradeLevel(number=number)), n) for number, _label, n in raw["klassetrin"]
        )
        raw["emne"] = sorted(raw["emne"], key=lambda value: (-value[2], value[1].lower()))
        return [
            Facet(
                parameter=name,
                label=self.form.fields[name].label,
                values=[self.facet_value(name, *value) for value in raw[name]],
            )
            for name in self.form.fields
        ]

    def facet_value(self, parameter, value, label, count):
        selected = str(self.active.get(parameter, "")) == str(value)
        return FacetValue(
            value=value, label=label, count=count, selected=selected,
            url=self.querystring(**{parameter: None if selected else value}),
        )

    def querystring(self, **changes):
        """The current filters with some changed (None removes one); the page number is reset."""
        query = self.params.copy()
        query.pop(PAGE_PARAMETER, None)
        for name, value in changes.items():
            query.pop(name, None)
            if value is not None:
                query[name] = str(value)
        for name in list(query):
            if not query.get(name):
                query.pop(name)
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else "?"

    def unmatched_filters(self, facets):
        """Active filters whose value no visible row has: shown so the visitor can remove them."""
        by_parameter = {facet.parameter: facet for facet in facets}
        return [
            {
                "label": by_parameter[name].label,
                "value": value,
                "url": self.querystring(**{name: None}),
            }
            for name, value in self.active.items()
            if not by_parameter[name].selected_values
        ]

