"""The findings page (/fund/), the experiments list (/forsoeg/) and their exports.

Both pages and their exports are built from the same FilteredListing, so a download holds
exactly the rows the page lists across all its pages, and the same privacy applies.
"""

import hashlib

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from . import exports
from .cache import cached_listing, listing_key
from .filtering import PAGE_PARAMETER, FilteredListing

FINDINGS_PER_PAGE = 25
EXPERIMENTS_PER_PAGE = 25


def _filters_key(listing):
    """The listing's filters in a short key part (any visitor can send long query strings)."""
    return hashlib.sha256(listing.querystring().encode()).hexdigest()[:32]


def _paginate(request, listing, rows, per_page, prepare):
    """The requested page; its count and rows (made by prepare) from the listing cache."""
    name = "findings" if listing.for_findings else "experiments"
    filters = _filters_key(listing)
    paginator = Paginator(rows, per_page)
    paginator.count = cached_listing(f"{name}-count", listing.user, [filters], rows.count)
    page = paginator.get_page(request.GET.get(PAGE_PARAMETER))
    page.object_list = cached_listing(
        f"{name}-rows", listing.user, [filters, page.number], lambda: prepare(page.object_list)
    )
    page.previous_url = (
        listing.querystring(**{PAGE_PARAMETER: page.previous_page_number()})
        if page.has_previous() else ""
    )
    page.next_url = (
        listing.querystring(**{PAGE_PARAMETER: page.next_page_number()}) if page.has_next() else ""
    )
    return page


def _context(listing, page):
    name = "findings" if listing.for_findings else "experiments"
    facets = cached_listing(f"{name}-facets", listing.user, [_filters_key(listing)], listing.facets)
    return {
        "listing": listing,
        "facets": facets,
        "unmatched_filters": listing.unmatched_filters(facets),
        "filter_errors": listing.form.error_messages(),
        "page": page,
        "querystring": listing.querystring(),
        # Rendered rows and filters change only with the content version, part of listing_key.
        "rows_cache_key": listing_key(
            f"{name}-rows-html", listing.user, _filters_key(listing), page.number
        ),
        "filters_cache_key": listing_key(f"{name}-filters-html", listing.user, _filters_key(listing)),
    }


def findings(request):
    listing = FilteredListing(request.user, request.GET, findings=True)
    page = _paginate(
        request, listing, exports.findings_for_display(listing), FINDINGS_PER_PAGE,
        prepare=_findings_with_places,
    )
    return render(request, "knowledge/findings/findings.html", _context(listing, page))


def experiments(request):
    listing = FilteredListing(request.user, request.GET, findings=False)
    rows = exports.experiments_for_display(listing)
    page = _paginate(request, listing, rows, EXPERIMENTS_PER_PAGE, prepare=exports.attach_places)
    return render(request, "knowledge/findings/experiments.html", _context(listing, page))


def _findings_with_places(findings):
    findings = list(findings)
    exports.attach_places([finding.page for finding in findings])
    return findings


def findings_export(request, file_format):
    listing = FilteredListing(request.user, request.GET, findings=True)
    return exports.export_response(
        exports.finding_table(listing, request), file_format, "fund", _("Findings")
    )


def experiments_export(request, file_format):
    listing = FilteredListing(request.user, request.GET, findings=False)
    return exports.export_response(
        exports.experiment_table(listing, request), file_format, "forsoeg", _("Experiments")
    )
