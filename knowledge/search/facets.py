"""Facet counts for the search page: municipality, school, subject, grade, tag, status, year.

Facets combine: values chosen within one facet are alternatives (OR), facets narrow each other
(AND). The count shown beside a value is how many experiments the visitor would get by adding
it, so each facet's counts reflect every *other* active facet.

All counting happens on four ORM queries over the matched experiments (their tree paths,
subjects, grades and tags) plus one for municipality and school names, whatever the size of
the network or the number of facets chosen, and works with every search backend.
"""

import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy as _
from wagtail.models import Page

# The same value types as the findings filters, so templates read both alike.
from knowledge.filtering import Facet, FacetValue
from knowledge.models import ExperimentPage, ExperimentTag, ExperimentStatus

#: Above this many candidates the ORM scans the visible experiments instead of ``pk__in``
#: (SQLite caps the number of query parameters).
MAX_PK_IN = 5_000
#: At most this many values per facet are shown (chosen ones always are).
MAX_VALUES_SHOWN = 15
#: At most this many chosen values per facet are honoured.
MAX_CHOSEN = 20

_ID = re.compile(r"^\d{1,12}$")
_SLUG = re.compile(r"^[-\w]{1,100}$")
_YEAR = re.compile(r"^\d{4}$")


def _valid_id(value):
    return bool(_ID.match(value))


def _valid_slug(value):
    return bool(_SLUG.match(value))


def _valid_status(value):
    return value in ExperimentStatus.values


def _valid_year(value):
    return bool(_YEAR.match(value))


@dataclass(frozen=True)
class FacetSpec:
    key: str  # the GET parameter
    label: str
    is_valid: object
    ordering: str  # "count", "number", "year" or "choices"


FACETS = [
    FacetSpec("kommune", _("Municipality"), _valid_id, "count"),
    FacetSpec("skole", _("School"), _valid_id, "count"),
    FacetSpec("fag", _("Subject"), _valid_slug, "count"),
    FacetSpec("klassetrin", _("Grade level"), _valid_id, "number"),
    FacetSpec("emne", _("Tag"), _valid_slug, "count"),
    FacetSpec("status", _("Status"), _valid_status, "choices"),
    FacetSpec("aar", _("Year"), _valid_year, "year"),
]
FACET_KEYS = [spec.key for spec in FACETS]


def read_selections(querydict):
    """The chosen facet values from GET parameters, and whether any value had to be ignored."""
    selections, ignored = {}, False
    for spec in FACETS:
        chosen = []
        for value in querydict.getlist(spec.key):
            value = value.strip()
            if not value:
                continue
            if spec.is_valid(value) and value not in chosen and len(chosen) < MAX_CHOSEN:
                chosen.append(value)
            else:
                ignored = True
        if chosen:
            selections[spec.key] = chosen
    return selections, ignored


class FacetCounter:
    """Counts and filters over a set of candidate experiments (``None``: every visible one)."""

    def __init__(self, visible, candidates, selections, facet_urls=None):
        self.visible = visible
        self.selections = selections
        self.facet_urls = facet_urls
        self.labels = {spec.key: {} for spec in FACETS}
        self.members = {spec.key: {} for spec in FACETS}  # facet -> value -> set of pks
        self.published = {}
        self._load(candidates)

    # -- loading -----------------------------------------------------------------------------

    def _add(self, key, value, pk, label=None):
        self.members[key].setdefault(value, set()).add(pk)
        if label is not None:
            self.labels[key][value] = label

    def _load(self, candidates):
        # Few candidates: ask for them by pk. Many (or all): scan the visible ones and keep ours.
        small = candidates is not None and len(candidates) <= MAX_PK_IN
        visible = self.visible.filter(pk__in=list(candidates)) if small else self.visible
        keep = None if small or candidates is None else set(candidates)
        steplen = ExperimentPage.steplen
        ancestor_paths = {}
        rows = visible.values_list("pk", "path", "depth", "status", "start_date", "first_published_at")
        pks = set()
        status_labels = dict(ExperimentStatus.choices)
        for pk, path, depth, status, start_date, published in rows:
            if keep is not None and pk not in keep:
                continue
            pks.add(pk)
            self.published[pk] = published
            school_path = path[: (depth - 1) * steplen]
            municipality_path = path[: (depth - 2) * steplen]
            ancestor_paths[school_path] = ancestor_paths[municipality_path] = None
            self._add("skole", school_path, pk)
            self._add("kommune", municipality_path, pk)
            self._add("status", status, pk)
            date = start_date or (published and timezone.localtime(published).date())
            if date:
                self._add("aar", str(date.year), pk, str(date.year))
        # Labels per distinct value, not per row: a lazy translation costs a gettext each time.
        self.labels["status"] = {status: str(status_labels.get(status, status)) for status in self.members["status"]}
        self.pks = pks
        self._resolve_ancestors(ancestor_paths)

        # Subject, grade and tag memberships: one query each, restricted like the rows above.
        visible_pks = list(pks) if small else None
        through = ExperimentPage.subjects.through.objects
        subjects = self._restrict(through, "experimentpage_id", visible_pks, visible)
        for pk, slug, name in subjects.values_list("experimentpage_id", "subject__slug", "subject__name"):
            if pk in pks:
                self._add("fag", slug, pk, name)
        grades = self._restrict(ExperimentPage.grade_levels.through.objects, "experimentpage_id",
                                visible_pks, visible)
        for pk, number in grades.values_list("experimentpage_id", "gradelevel__number"):
            if pk in pks:
                self._add("klassetrin", str(number), pk)
        self.labels["klassetrin"] = {
            number: gettext("grade %(number)s") % {"number": number} for number in self.members["klassetrin"]
        }
        tags = self._restrict(ExperimentTag.objects, "content_object_id", visible_pks, visible)
        for pk, slug, name in tags.values_list("content_object_id", "tag__slug", "tag__name"):
            if pk in pks:
                self._add("emne", slug, pk, name)

    @staticmethod
    def _restrict(manager, column, pks, visible):
        if pks is not None:
            return manager.filter(**{f"{column}__in": pks})
        return manager.filter(**{f"{column}__in": visible.values("pk")})

    def _resolve_ancestors(self, paths):
        """Re-key municipality and school sets by page id (stable in URLs), with titles."""
        by_path = {
            path: (str(pk), title)
            for path, pk, title in Page.objects.filter(path__in=list(paths)).values_list("path", "pk", "title")
        }
        for key in ("kommune", "skole"):
            rekeyed = {}
            for path, members in self.members[key].items():
                if path not in by_path:
                    continue
                page_id, title = by_path[path]
                rekeyed[page_id] = members
                self.labels[key][page_id] = title
            self.members[key] = rekeyed

    # -- filtering and counting ----------------------------------------------------------------

    def _allowed(self, key):
        chosen = self.selections.get(key)
        if not chosen:
            return None
        allowed = set()
        for value in chosen:
            allowed |= self.members[key].get(value, set())
        return allowed

    def _narrowed(self, skip=None):
        result = set(self.pks)
        for spec in FACETS:
            if spec.key == skip:
                continue
            allowed = self._allowed(spec.key)
            if allowed is not None:
                result &= allowed
        return result

    def final_pks(self):
        """Candidates that pass every chosen facet."""
        return self._narrowed()

    def newest_first(self, pks):
        def newest(pk):
            published = self.published.get(pk)
            return (published.timestamp() if published else 0, pk)

        return sorted(pks, key=newest, reverse=True)

    def facets(self):
        facets = []
        for spec in FACETS:
            base = self._narrowed(skip=spec.key)
            chosen = self.selections.get(spec.key, [])
            values = []
            for value, members in self.members[spec.key].items():
                count = len(members & base)
                if count or value in chosen:
                    values.append(self._value(spec, value, count, value in chosen))
            for value in chosen:
                if value not in self.members[spec.key]:
                    # Chosen but matching nothing here: still shown so it can be removed.
                    values.append(self._value(spec, value, 0, True))
            facets.append(Facet(spec.key, spec.label, self._ordered(spec, values)))
        return facets

    def _value(self, spec, value, count, selected):
        label = self.labels[spec.key].get(value, value)
        url = self.facet_urls(spec.key, value, selected) if self.facet_urls else ""
        return FacetValue(value=value, label=label, count=count, selected=selected, url=url)

    def _ordered(self, spec, values):
        if spec.ordering == "number":
            values.sort(key=lambda v: int(v.value))
        elif spec.ordering == "year":
            values.sort(key=lambda v: v.value, reverse=True)
        elif spec.ordering == "choices":
            order = {value: i for i, value in enumerate(ExperimentStatus.values)}
            values.sort(key=lambda v: order.get(v.value, len(order)))
        else:
            values.sort(key=lambda v: (-v.count, str(v.label).lower()))
        unselected = [v for v in values if not v.selected][:MAX_VALUES_SHOWN]
        shown = {id(v) for v in unselected} | {id(v) for v in values if v.selected}
        return [v for v in values if id(v) in shown]
