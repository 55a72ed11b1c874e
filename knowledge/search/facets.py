"""Facet counts for the search page, over the experiments the search engine matched.

The facets are the listings' own (knowledge.listings.facets: the same parameters, labels,
validation, order and semantics). The search engine returns matching ids, which SQL cannot
join to cheaply, so the page loads which experiment has which value (one query per facet,
whatever the size of the network or the number of facets chosen) and combines the facets in
memory. It works with every search backend.
"""

from knowledge.listings.facets import (
    FACETS,
    TREE_FACETS,
    FacetValue,
    ShownFacet,
    key_tree_values_by_page_id,
)

#: Above this many candidates the ORM scans the visible experiments instead of ``pk__in``
#: (SQLite caps the number of query parameters).
MAX_PK_IN = 5_000
#: At most this many values per facet are shown (the most frequent; chosen ones always are).
MAX_VALUES_SHOWN = 15


class FacetCounter:
    """Counts and filters over a set of candidate experiments (``None``: every visible one)."""

    def __init__(self, visible, candidates, selections, facet_urls=None):
        self.visible = visible
        self.selections = selections
        self.facet_urls = facet_urls
        self.labels = {facet.parameter: {} for facet in FACETS}
        self.members = {facet.parameter: {} for facet in FACETS}  # facet -> value -> set of pks
        self._load(candidates)

    def _load(self, candidates):
        # Few candidates: ask for them by pk. Many (or all): scan the visible ones and keep ours.
        small = candidates is not None and len(candidates) <= MAX_PK_IN
        experiments = self.visible.filter(pk__in=list(candidates)) if small else self.visible
        keep = None if small or candidates is None else set(candidates)
        rows = experiments.order_by().values_list("pk", "first_published_at")
        self.published = {pk: published for pk, published in rows if keep is None or pk in keep}
        self.pks = set(self.published)
        for facet in FACETS:
            members, labels = self.members[facet.parameter], self.labels[facet.parameter]
            for pk, value, label in facet.members(experiments):
                if pk in self.pks:
                    members.setdefault(value, set()).add(pk)
                    if label is not None:
                        labels[value] = label
            self.labels[facet.parameter] = facet.labels(members, labels)
        titles = key_tree_values_by_page_id(self.members)
        for facet in TREE_FACETS:
            self.labels[facet.parameter] = titles

    # -- filtering and counting ----------------------------------------------------------------

    def _allowed(self, parameter):
        chosen = self.selections.get(parameter) or []
        if not chosen:
            return None
        allowed = set()
        for value in chosen:
            allowed |= self.members[parameter].get(value, set())
        return allowed

    def _narrowed(self, skip=None):
        result = set(self.pks)
        for facet in FACETS:
            if facet.parameter == skip:
                continue
            allowed = self._allowed(facet.parameter)
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
        shown = []
        for facet in FACETS:
            base = self._narrowed(skip=facet.parameter)
            chosen = self.selections.get(facet.parameter) or []
            values = []
            for value, members in self.members[facet.parameter].items():
                count = len(members & base)
                if count or value in chosen:
                    values.append(self._value(facet, value, count, value in chosen))
            for value in chosen:
                if value not in self.members[facet.parameter]:
                    # Chosen but matching nothing here: still shown so it can be removed.
                    values.append(self._value(facet, value, 0, True))
            shown.append(ShownFacet(facet.parameter, facet.label, self._shown(facet, values)))
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
