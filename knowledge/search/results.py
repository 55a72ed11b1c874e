"""Run a visitor's search: the matching experiments they may see, in order, with facet counts.

Only the backend-neutral search API is used (``queryset.search``), so the same code runs on
the Whoosh backend, Wagtail's database backends and OpenSearch/Elasticsearch. Extras a
backend may offer (``suggest``, and ``index_unavailable`` on its results, which the Whoosh
backend sets, with a log line, when its index is missing or corrupt) are used when present.
"""

import logging
import re
from dataclasses import dataclass, field

from django.db import DatabaseError
from modelsearch.backends import get_search_backend
from modelsearch.query import And, Fuzzy, Phrase, PlainText

from knowledge.listings import facts
from knowledge.models import ExperimentPage

from .facets import FacetCounter
from .forms import SORT_NEWEST

logger = logging.getLogger("knowledge.search")

#: "Mente du: ..." is offered when a search finds fewer than this many experiments.
FEW_RESULTS = 3
#: Searches of more words than this that find nothing are not retried with near misses.
MAX_FUZZY_WORDS = 6

_HAS_WORD = re.compile(r"\w")


def build_query(text, operator="or"):
    """The modelsearch query tree for what the visitor typed; None if it has no words.

    Best match by default (``operator="or"``): any of the words may match, and the backend ranks
    documents covering more of them first; ``"and"`` asks for every word. Text between double
    quotes is a phrase, always required; an unmatched quote is just ignored. Nothing else is
    special: AND, OR, NOT, brackets, ``title:`` and ``*`` are searched as plain words (if words).
    """
    parts = text.split('"')
    if len(parts) % 2 == 0:  # an unmatched quote: its text is plain words
        parts[-2:] = [parts[-2] + " " + parts[-1]]
    queries = []
    for position, part in enumerate(parts):
        part = part.strip()
        if not _HAS_WORD.search(part):
            continue
        if position % 2 and len(part.split()) > 1:
            queries.append(Phrase(part))
        else:
            queries.append(PlainText(part, operator=operator))
    if not queries:
        return None
    return queries[0] if len(queries) == 1 else And(queries)


@dataclass
class SearchOutcome:
    """Everything the search page shows about one search."""

    query: str
    sort: str
    pks: list = field(default_factory=list)  # the visible matches after facets, in display order
    facets: list = field(default_factory=list)
    unavailable: bool = False  # the backend says its index is missing/being rebuilt
    relaxed: bool = False  # no match has every word: the best have some of them
    fuzzy: bool = False  # nothing matched the words as typed, so words like them were searched
    no_words: bool = False  # the query had no searchable words
    suggestion: str | None = None
    failed: bool = False  # the engine refused the query (logged)

    @property
    def total(self):
        return len(self.pks)


def has_every_word(visible, text, backend_name):
    """Whether some visible experiment matches every word typed (one unscored count)."""
    return visible.search(build_query(text, "and"), backend=backend_name).count() > 0


def fuzzy_query(text, operator="and"):
    """A query for words a letter or two away from the ones typed (quotes are ignored); None if
    the text has no words."""
    words = text.replace('"', " ").strip()
    return Fuzzy(words, operator=operator) if _HAS_WORD.search(words) else None


def matching_pks(visible, query, backend_name="default", notes=None):
    """Primary keys of the visible experiments matching a query (``build_query`` or
    ``fuzzy_query``), best first.

    Returns (pks, unavailable); pks is None when there is no query (the text had no words).
    ``notes`` (a dict), when given, gets ``near_misses``: whether the backend searched words like
    the ones typed because it knows none of them (Whoosh does so in its first search).
    """
    if query is None:
        return None, False
    results = visible.only("pk").search(query, backend=backend_name)
    # A backend that can list the matching keys without loading objects (Whoosh) does so.
    keys = results.pks() if callable(getattr(results, "pks", None)) else (obj.pk for obj in results)
    # dict.fromkeys: first occurrence wins, so a backend listing a document twice cannot
    # double-count it in the results or the facets.
    pks = list(dict.fromkeys(keys))
    if notes is not None:
        notes["near_misses"] = bool(getattr(results, "searched_near_misses", False))
    return pks, bool(getattr(results, "index_unavailable", False))


def near_misses(visible, text, backend_name):
    """The visible experiments with words like every word typed (or, failing that, like any of
    them), for a search that found nothing as typed: "brøkker" still finds "brøker".

    Fuzzy matching is optional in Wagtail's search API (the SQLite backend lacks it): a backend
    without it just rescues nothing.
    """
    words = len(text.split())
    if words > MAX_FUZZY_WORDS:
        return []  # a typo is looked for in short searches; every fuzzy word costs a scan
    operators = ("and", "or") if words > 1 else ("and",)
    for operator in operators:
        try:
            pks, _ = matching_pks(visible, fuzzy_query(text, operator), backend_name)
        except NotImplementedError:
            return []
        if pks:
            return pks
    return []


def suggestion_for(backend, backend_name, visible, text):
    """A corrected query from the backend, offered only if it finds something the user may see.

    The backend's vocabulary spans every indexed page, so every word the suggestion changes must
    itself, as one exact word, be in an experiment the visitor may see: the whole suggestion
    could find something through its other words ("kvantefysik lydbøger"), and a compound
    written only in a draft through its public parts ("morgenlæsningen"). That keeps the
    words of drafts and of experiments behind restrictions private.
    """
    suggest = getattr(backend, "suggest", None)
    if suggest is None or not text:
        return None
    try:
        suggestion = suggest(text, ExperimentPage)
    except Exception:
        logger.exception("Spelling suggestion failed for %r", text)
        return None
    if not suggestion or suggestion.strip().lower() == text.strip().lower():
        return None
    typed = {word.lower() for word in text.split()}
    for word in suggestion.split():
        if word.lower() not in typed and not matching_pks(visible, Phrase(word), backend_name)[0]:
            return None
    pks, _ = matching_pks(visible, build_query(suggestion), backend_name)
    return suggestion if pks else None


def find_experiments(
    user, text, selections=None, sort=None, backend_name="default", facet_urls=None, suggest=True
):
    """Search the experiments user may see; selections maps facet keys to chosen values."""
    outcome = SearchOutcome(query=text, sort=sort or "")
    visible = ExperimentPage.objects.visible_to(user)
    backend = get_search_backend(backend_name)
    matched = None  # None: no query, every visible experiment is a candidate
    if text:
        try:
            notes = {}
            matched, outcome.unavailable = matching_pks(
                visible, build_query(text), backend_name, notes
            )
            outcome.fuzzy = bool(matched) and notes.get("near_misses", False)
            if matched and not outcome.fuzzy and not outcome.unavailable and len(text.split()) > 1:
                outcome.relaxed = not has_every_word(visible, text, backend_name)
            if matched == [] and not outcome.unavailable:
                matched = near_misses(visible, text, backend_name)
                outcome.fuzzy = bool(matched)
        except (DatabaseError, ValueError, TypeError) as exc:
            # An engine choking on a query must give the visitor a page, not a 500.
            logger.warning("Search for %r failed: %s", text, exc)
            outcome.failed = True
            return outcome
        if outcome.unavailable:
            return outcome
        if matched is None:
            outcome.no_words = True
            return outcome
    counter = FacetCounter(
        visible,
        matched,
        selections or {},
        facet_urls=facet_urls,
        backend_name=backend_name,
        audiences=facts.audiences_of(user),
    )
    outcome.facets = counter.facets()
    if sort == SORT_NEWEST or matched is None:
        outcome.pks = counter.newest_first(counter.final_pks())
    else:
        keep = counter.final_pks()
        outcome.pks = [pk for pk in matched if pk in keep]
    if suggest and text and outcome.total < FEW_RESULTS:
        outcome.suggestion = suggestion_for(backend, backend_name, visible, text)
    return outcome
