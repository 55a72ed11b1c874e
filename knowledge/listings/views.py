"""The findings page (/fund/) and the experiments list (/forsoeg/).

Both pages and their exports (knowledge.listings.exports) are built from the same
FilteredListing, so a download holds exactly the rows the page lists across all its pages,
and the same privacy applies. Pages are keyset pages (knowledge.listings.keyset): each costs
the same however deep it is; the unfiltered count and facets come from the listing facts.
"""

import hashlib

from django.shortcuts import render

from knowledge.cache import cached_listing

from .filtering import FilteredListing
from .keyset import AFTER, BEFORE, KeysetPage, page_of, read_cursor
from .rows import experiment_page_rows, experiments_with_places, finding_rows, findings_with_places

FINDINGS_PER_PAGE = 25
EXPERIMENTS_PER_PAGE = 25


def _filters_key(listing):
    """The listing's filters in a short key part (the canonical address, hashed)."""
    return hashlib.sha256(listing.querystring().encode()).hexdigest()[:32]


def _page(listing, name, filters, direction, values, rows_of, per_page, prepare):
    """The requested page, its rows (made by prepare) and count from the listing cache; the
    rows' queryset is made only when the cache has no page (making it reads the facet table)."""
    cursor = listing.ordering.cursor_of_values(values) if values else ""
    page_key = f"{direction or ''}{cursor}"

    def build():
        found, next_cursor, previous_cursor = page_of(
            rows_of(listing, page=True),
            listing.ordering,
            direction,
            values,
            per_page,
            listing.narrow(),
        )
        return prepare(found), next_cursor, previous_cursor

    found, next_cursor, previous_cursor = cached_listing(
        f"{name}-rows", listing.user, [filters, page_key], build
    )
    count = cached_listing(f"{name}-count", listing.user, [filters], listing.count)
    page = KeysetPage(found, count, next_cursor, previous_cursor)
    page.key = page_key
    if page.has_previous():
        page.previous_url = listing.querystring(**{BEFORE: previous_cursor})
    if page.has_next():
        page.next_url = listing.querystring(**{AFTER: next_cursor})
    return page


def _listing_page(request, for_findings, rows_of, per_page, prepare, template):
    listing = FilteredListing(request.user, request.GET, findings=for_findings)
    name = "findings" if for_findings else "experiments"
    filters = _filters_key(listing)
    direction, values, cursor_error = read_cursor(request.GET, listing.ordering)
    page = _page(listing, name, filters, direction, values, rows_of, per_page, prepare)
    facets = cached_listing(f"{name}-facets", listing.user, [filters], listing.facets)
    errors = listing.error_messages() + ([cursor_error] if cursor_error else [])
    context = {
        "listing": listing,
        "facets": facets,
        "unmatched_filters": listing.unmatched_filters(facets),
        "chosen_filters": listing.chosen_filters(facets),
        "filter_errors": errors,
        "page": page,
        "querystring": listing.querystring(),
        "filters_cache_name": f"{name}-filters-html",
        "filters_key": filters,
    }
    return render(request, template, context)


def findings(request):
    return _listing_page(
        request,
        True,
        finding_rows,
        FINDINGS_PER_PAGE,
        findings_with_places,
        "knowledge/listings/findings.html",
    )


def experiments(request):
    return _listing_page(
        request,
        False,
        experiment_page_rows,
        EXPERIMENTS_PER_PAGE,
        experiments_with_places,
        "knowledge/listings/experiments.html",
    )
