"""The findings page (/fund/) and the experiments list (/forsoeg/).

Both pages and their exports (knowledge.listings.exports) are built from the same
FilteredListing, so a download holds exactly the rows the page lists across all its pages,
and the same privacy applies.
"""

import hashlib

from django.shortcuts import render

from knowledge.cache import cached_listing

from .filtering import PAGE_PARAMETER, FilteredListing
from .queries import cached_page_of_experiments
from .rows import experiment_rows, experiments_with_places, finding_rows, findings_with_places

FINDINGS_PER_PAGE = 25
EXPERIMENTS_PER_PAGE = 25


def _filters_key(listing):
    """The listing's filters in a short key part (the canonical address, hashed)."""
    return hashlib.sha256(listing.querystring().encode()).hexdigest()[:32]


def _paginate(request, listing, name, filters, rows, per_page, prepare, rendered_in_cache):
    """The requested page; its count and rows (made by prepare) from the listing cache."""
    page = cached_page_of_experiments(
        f"{name}-rows",
        listing.user,
        [filters],
        rows,
        per_page,
        request.GET.get(PAGE_PARAMETER),
        prepare=prepare,
        rendered_in_cache=rendered_in_cache,
    )
    page.previous_url = (
        listing.querystring(**{PAGE_PARAMETER: page.previous_page_number()})
        if page.has_previous()
        else ""
    )
    page.next_url = (
        listing.querystring(**{PAGE_PARAMETER: page.next_page_number()}) if page.has_next() else ""
    )
    return page


def _listing_page(request, for_findings, rows_of, per_page, prepare, template):
    listing = FilteredListing(request.user, request.GET, findings=for_findings)
    name = "findings" if for_findings else "experiments"
    filters = _filters_key(listing)
    # The experiments table caches its rendered rows; the findings list caches the rows.
    page = _paginate(
        request,
        listing,
        name,
        filters,
        rows_of(listing),
        per_page,
        prepare,
        rendered_in_cache=not for_findings,
    )
    facets = cached_listing(f"{name}-facets", listing.user, [filters], listing.facets)
    context = {
        "listing": listing,
        "facets": facets,
        "unmatched_filters": listing.unmatched_filters(facets),
        "chosen_filters": listing.chosen_filters(facets),
        "filter_errors": listing.error_messages(),
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
        experiment_rows,
        EXPERIMENTS_PER_PAGE,
        experiments_with_places,
        "knowledge/listings/experiments.html",
    )
