"""The search page (/soeg/) and its autocomplete endpoint (/soeg/forslag/)."""

import logging

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from knowledge.listings import attach_schools
from knowledge.models import ExperimentPage, Finding

from .facets import FACET_KEYS, read_selections
from .forms import SORT_NEWEST, SORT_RELEVANCE, SearchForm, clean_query_text
from .highlight import highlight
from .results import find_experiments

logger = logging.getLogger("knowledge.search")

RESULTS_PER_PAGE = 20
SUGGESTIONS_SHOWN = 8
#: Autocomplete looks at the first characters only; a longer prefix adds nothing.
MAX_AUTOCOMPLETE_LENGTH = 60


def _url_with(querydict, **changes):
    """This page's query string with some parameters changed (None removes them)."""
    params = querydict.copy()
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params.setlist(key, value if isinstance(value, list) else [value])
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


def _facet_url_maker(querydict):
    def toggle(key, value, selected):
        chosen = [v for v in querydict.getlist(key) if v != value]
        if not selected:
            chosen.append(value)
        return _url_with(querydict, **{key: chosen or None, "side": None})

    return toggle


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
            Prefetch("findings", queryset=Finding.objects.only("id", "page_id", "statement"),
                     to_attr="search_findings"),
        )
    )
    by_pk = {experiment.pk: experiment for experiment in queryset}
    return attach_schools([by_pk[pk] for pk in pks if pk in by_pk])


def search(request):
    form = SearchForm(request.GET)
    form.is_valid()  # every input is usable: cleaning only shortens or defaults
    query = form.query
    sort = form.sort
    selections, ignored_filters = read_selections(request.GET)
    notes = list(form.messages())
    if ignored_filters:
        notes.append(_("Some filters in the address were not recognised and have been ignored."))

    searching = bool(query or selections)
    outcome = None
    page = None
    if searching:
        outcome = find_experiments(
            request.user, query, selections, sort, facet_urls=_facet_url_maker(request.GET)
        )
        paginator = Paginator(outcome.pks, RESULTS_PER_PAGE)
        page = paginator.get_page(request.GET.get("side"))
        if request.GET.get("side") not in (None, "", str(page.number)):
            notes.append(_("That results page does not exist; showing page %(number)s.")
                         % {"number": page.number})
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
        "notes": notes,
        "has_filters": bool(selections),
        "clear_filters_url": _url_with(request.GET, side=None, **dict.fromkeys(FACET_KEYS)),
        "sort_links": [
            (SORT_RELEVANCE, _("Best match"), _url_with(request.GET, sorter=SORT_RELEVANCE, side=None)),
            (SORT_NEWEST, _("Newest first"), _url_with(request.GET, sorter=SORT_NEWEST, side=None)),
        ],
        "suggestion_url": (
            _url_with(request.GET, q=outcome.suggestion, side=None)
            if outcome and outcome.suggestion else None
        ),
        "previous_url": _url_with(request.GET, side=str(page.previous_page_number()))
        if page and page.has_previous() else None,
        "next_url": _url_with(request.GET, side=str(page.next_page_number()))
        if page and page.has_next() else None,
    }
    return render(request, "search/search.html", context)


@require_GET
def suggestions(request):
    """Titles of visible experiments completing what the visitor is typing, as JSON."""
    text = clean_query_text(request.GET.get("q", ""))[:MAX_AUTOCOMPLETE_LENGTH].strip()
    items = []
    if len(text) >= 2:
        visible = ExperimentPage.objects.visible_to(request.user)
        try:
            results = visible.autocomplete(text)[:SUGGESTIONS_SHOWN]
            items = [
                {"title": experiment.title, "url": experiment.get_url(request)} for experiment in results
            ]
        except Exception as exc:  # suggestions are a nicety: never an error for the visitor
            logger.warning("Autocomplete for %r failed: %s", text, exc)
    return JsonResponse({"query": text, "suggestions": items})
