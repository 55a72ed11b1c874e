"""The findings page (/fund/), the experiments list (/forsoeg/) and their exports.

Both pages and their exports are built from the same FilteredListing, so a download holds
exactly the rows the page lists across all its pages, and the same privacy applies.
"""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.translation import gettext as _

from . import exports
from .filtering import PAGE_PARAMETER, FilteredListing

FINDINGS_PER_PAGE = 25
EXPERIMENTS_PER_PAGE = 25


def _paginate(request, listing, rows, per_page):
    page = Paginator(rows, per_page).get_page(request.GET.get(PAGE_PARAMETER))
    page.previous_url = (
        listing.querystring(**{PAGE_PARAMETER: page.previous_page_number()})
        if page.has_previous() else ""
    )
    page.next_url = (
        listing.querystring(**{PAGE_PARAMETER: page.next_page_number()}) if page.has_next() else ""
    )
    return page


def _context(listing, page):
    facets = listing.facets()
    return {
        "listing": listing,
        "facets": facets,
        "unmatched_filters": listing.unmatched_filters(facets),
        "filter_errors": listing.form.error_messages(),
        "page": page,
        "querystring": listing.querystring(),
    }


def findings(request):
    listing = FilteredListing(request.user, request.GET, findings=True)
    page = _paginate(request, listing, exports.findings_for_display(listing), FINDINGS_PER_PAGE)
    page.object_list = list(page.object_list)
    exports.attach_places([finding.page for finding in page.object_list])
    return render(request, "knowledge/findings/findings.html", _context(listing, page))


def experiments(request):
    listing = FilteredListing(request.user, request.GET, findings=False)
    rows = exports.experiments_for_display(listing)
    page = _paginate(request, listing, rows, EXPERIMENTS_PER_PAGE)
    page.object_list = exports.attach_places(page.object_list)
    return render(request, "knowledge/findings/experiments.html", _context(listing, page))


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
