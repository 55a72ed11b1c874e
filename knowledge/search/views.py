"""The search page (/soeg/) and its autocomplete endpoint (/soeg/forslag/)."""

import logging

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from knowledge.conversation.search import comments_matching
from knowledge.listings.facets import FACET_PARAMETERS, read_selections
from knowledge.models import ExperimentPage, Finding, PraksisImage, Subject
from knowledge.places import attach_places

from .forms import SORT_NEWEST, SORT_RELEVANCE, SearchForm, clean_query_text
from .highlight import highlight
from .results import find_experiments

logger = logging.getLogger("knowledge.search")

RESULTS_PER_PAGE = 20
RESULT_PICTURE = "fill-480x270"  # the rendition templates/includes/experiment_card.html shows
SUGGESTIONS_SHOWN = 8
#: Autocomplete looks at the first characters only; a longer prefix adds nothing.
MAX_AUTOCOMPLETE_LENGTH = 60
_KEEP = object()


class Address:
    """The search page's own address for this search, with some parts changed.

    Built from what the page understood (the cleaned words, sort order and facet values), never
    by copying the query string: an address a visitor sends with unknown or huge parameters is
    not repeated in every link on the page.
    """

    def __init__(self, query, sort, selections):
        self.query = query
        self.sort = sort
        self.chosen = selections.chosen

    def with_changes(self, q=_KEEP, sorter=_KEEP, side=None, chosen=None):
        q = self.query if q is _KEEP else q
        sorter = self.sort if sorter is _KEEP else sorter
        chosen = self.chosen if chosen is None else chosen
        pairs = [("q", q)] if q else []
        if sorter and sorter != SORT_RELEVANCE:
            pairs.append(("sorter", sorter))
        pairs += [
            (parameter, str(value))
            for parameter in FACET_PARAMETERS
            for value in chosen.get(parameter, [])
        ]
        if side is not None:
            pairs.append(("side", str(side)))
        encoded = urlencode(pairs)
        return f"?{encoded}" if encoded else "?"

    def toggled(self, parameter, value, selected):
        values = [v for v in self.chosen.get(parameter, []) if v != value]
        if not selected:
            values.append(value)
        return self.with_changes(chosen={**self.chosen, parameter: values})


def _snippet(experiment, query):
    """The summary, question or a finding with the query's words marked (first that matches)."""
    texts = [experiment.summary, experiment.question]
    texts += [finding.statement for finding in experiment.search_findings]
    for text in texts:
        snippet = highlight(text, query)
        if "<mark>" in snippet:
            return snippet
    return highlight(experiment.summary, "")


def _page_objects(pks):
    """The experiments on one results page, in the given order, with a constant number of queries."""
    queryset = (
        ExperimentPage.objects.filter(pk__in=pks)
        .select_related("team")
        .prefetch_related(
            "tags",
            Prefetch("subjects", queryset=Subject.objects.only("id", "name", "slug")),
            # The card's picture and its one rendition, for all the results at once.
            Prefetch("picture", queryset=PraksisImage.objects.prefetch_renditions(RESULT_PICTURE)),
            Prefetch(
                "findings",
                queryset=Finding.objects.only("id", "page_id", "statement"),
                to_attr="search_findings",
            ),
        )
    )
    by_pk = {experiment.pk: experiment for experiment in queryset}
    return attach_places([by_pk[pk] for pk in pks if pk in by_pk])


def search(request):
    form = SearchForm(request.GET)
    form.is_valid()  # every input is usable: cleaning only shortens or defaults
    query = form.query
    sort = form.sort
    selections = read_selections(request.GET)
    address = Address(query, sort, selections)
    notes = list(form.messages()) + selections.errors

    searching = bool(query or selections)
    outcome = None
    page = None
    if searching:
        outcome = find_experiments(
            request.user, query, selections, sort, facet_urls=address.toggled
        )
        paginator = Paginator(outcome.pks, RESULTS_PER_PAGE)
        page = paginator.get_page(request.GET.get("side"))
        if request.GET.get("side") not in (None, "", str(page.number)):
            notes.append(
                _("That results page does not exist; showing page %(number)s.")
                % {"number": page.number}
            )
        page.object_list = _page_objects(list(page.object_list))
        for experiment in page.object_list:
            experiment.snippet = _snippet(experiment, query)

    context = {
        "form": form,
        "query": query,
        "sort": sort,
        "outcome": outcome,
        "page": page,
        "searching": searching,
        # Members also find what was said about the experiments (knowledge.conversation).
        "comment_hits": comments_matching(request.user, query),
        "notes": notes,
        "has_filters": bool(selections),
        "clear_filters_url": address.with_changes(chosen={}),
        "sort_links": [
            (SORT_RELEVANCE, _("Best match"), address.with_changes(sorter=SORT_RELEVANCE)),
            (SORT_NEWEST, _("Newest first"), address.with_changes(sorter=SORT_NEWEST)),
        ],
        "suggestion_url": (
            address.with_changes(q=outcome.suggestion) if outcome and outcome.suggestion else None
        ),
        "previous_url": address.with_changes(side=page.previous_page_number())
        if page and page.has_previous()
        else None,
        "next_url": address.with_changes(side=page.next_page_number())
        if page and page.has_next()
        else None,
    }
    return render(request, "search/search.html", context)


@require_GET
def suggestions(request):
    """Titles of visible experiments completing what the visitor is typing, as JSON, each with
    its school's name (two experiments may share a title): one query for the places."""
    text = clean_query_text(request.GET.get("q", ""))[:MAX_AUTOCOMPLETE_LENGTH].strip()
    items = []
    if len(text) >= 2:
        visible = ExperimentPage.objects.visible_to(request.user)
        try:
            results = attach_places(visible.autocomplete(text)[:SUGGESTIONS_SHOWN])
            items = [
                {
                    "title": experiment.title,
                    "url": experiment.get_url(request),
                    "school": experiment.listing_school.title if experiment.listing_school else "",
                }
                for experiment in results
            ]
        except Exception as exc:  # suggestions are a nicety: never an error for the visitor
            logger.warning("Autocomplete for %r failed: %s", text, exc)
    return JsonResponse({"query": text, "suggestions": items})
