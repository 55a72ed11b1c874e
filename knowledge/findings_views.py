"""The findings page (/fund/), the experiments list (/forsoeg/) and their exports.

Both pages and their exports are built from the same FilteredListing, so a download holds
exactly the rows the page lists across all its pages, and the same privacy applies.
"""

import hashlib

from django.shortcuts import render
from django.utils.translation import gettext as _

from . import exports
from .cache import cached_listing, listing_key
from .filtering import PAGE_PARAMETER, FilteredListing
from .listings import cached_page_of_experiments

FINDINGS_PER_PAGE = 25
EXPERIMENTS_PER_PAGE = 25


def _filters_key(listing):
    """The listing's filters in a short key part (any visitor can send long query strings)."""
    return hashlib.sha256(listing.querystring().encode()).hexdigest()[:32]


def _paginate(request, listing, name, filters, rows, per_page, prepare):
    """The requested page; its count and rows (made by prepare) from the listing cache."""
    page = cached_page_of_experiments(
        f"{name}-rows", listing.user, [filters], rows, per_page, request.GET.get(PAGE_PARAMETER),
        prepare=prepare,
    )
    page.previous_url = (
        listing.querystring(**{PAGE_PARAMETER: page.previous_page_number()})
        if page.has_previous() else ""
    )
    page.next_url = (
        listing.querystring(**{PAGE_PARAMETER: page.next_page_number()}) if page.has_next() else ""
    )
    return page


def _listing_page(request, for_findings, rows_of, per_page, prepare, template):
    listing = FilteredListing(request.user, request.GET, findings=for_findings)
    name = "findings" if for_findings else "experiments"
    filters = _filters_key(listing)
    page = _paginate(request, listing, name, filters, rows_of(listing), per_page, prepare)
    facets = cached_listing(f"{name}-facets", listing.user, [filters], listing.facets)
    context = {
        "listing": listing,
        "facets": facets,
        "unmatched_filters": listing.unmatched_filters(facets),
        "filter_errors": listing.form.error_messages(),
        "page": page,
        "querystring": listing.querystring(),
        # Rendered rows and filters change only with the content version, part of listing_key.
        "rows_cache_key": listing_key(f"{name}-rows-html", listing.user, filters, page.number),
        "filters_cache_key": listing_key(f"{name}-filters-html", listing.user, filters),
    }
    return render(request, template, context)


def findings(request):
    return _listing_page(request, True, exports.findings_for_display, FINDINGS_PER_PAGE,
                         _findings_with_places, "knowledge/findings/findings.html")


def experiments(request):
    return _listing_page(request, False, exports.experiments_for_display, EXPERIMENTS_PER_PAGE,
                         exports.attach_places, "knowledge/findings/experiments.html")


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
