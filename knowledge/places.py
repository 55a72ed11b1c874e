"""Where an experiment sits in the network, and the date a listing gives it: one function each.

The page tree is fixed by parent_page_types: root > home > municipality > school > experiment
(and municipality > collections folder > collection). So the school and the municipality of an
experiment are the first four and three steps of its tree path, and every listing reads them
from the path, for all its rows in one query, instead of asking each page for its parent.

An experiment's date is when it started, else the day it was first published, in Copenhagen
time: an experiment published at 00:30 on 1 January belongs to the new year on every page.
"""

import datetime
import zoneinfo

from django.conf import settings
from django.db.models import IntegerField
from django.db.models.functions import Coalesce, ExtractYear, Substr
from wagtail.models import Page

MUNICIPALITY_DEPTH = 3
SCHOOL_DEPTH = 4


def _ancestor_path(path, depth):
    return path[: depth * Page.steplen]


def school_path(path):
    """The tree path of the school an experiment (given by its tree path) belongs to."""
    return _ancestor_path(path, SCHOOL_DEPTH)


def municipality_path(path):
    """The tree path of the municipality a page below one (given by its tree path) belongs to."""
    return _ancestor_path(path, MUNICIPALITY_DEPTH)


def ancestor_path_expression(depth, prefix=""):
    """SQL for the tree path of the ancestor at ``depth`` (prefix "page__" from a finding)."""
    return Substr(f"{prefix}path", 1, depth * Page.steplen)


def attach_places(pages):
    """Set .listing_school, .listing_municipality and .listing_date on each page: one query.

    Works for experiments (school and municipality) and for collections (municipality; their
    listing_school is the collections folder's parent, which is the municipality's school
    level, so it is left as found).
    """
    pages = list(pages)
    paths = set()
    for page in pages:
        paths.add(school_path(page.path))
        paths.add(municipality_path(page.path))
    places = {
        place.path: place
        for place in Page.objects.filter(path__in=paths).only(
            "id", "title", "slug", "url_path", "path", "depth", "locale_id"
        )
    }
    for page in pages:
        page.listing_school = places.get(school_path(page.path))
        page.listing_municipality = places.get(municipality_path(page.path))
        page.listing_date = listing_date(getattr(page, "start_date", None), page.first_published_at)
    return pages


def network_timezone():
    """The network's own time zone (settings.TIME_ZONE, Copenhagen), whatever is active."""
    return zoneinfo.ZoneInfo(settings.TIME_ZONE)


def listing_date(start_date, first_published_at):
    """The date listings, exports, facets and overviews give an experiment."""
    if start_date:
        return start_date
    if first_published_at:
        return first_published_at.astimezone(network_timezone()).date()
    return None


def listing_year(start_date, first_published_at):
    date = listing_date(start_date, first_published_at)
    return date.year if date else None


def listing_year_expression(prefix=""):
    """SQL for listing_year(): the same year, computed by the database."""
    return Coalesce(
        ExtractYear(f"{prefix}start_date"),
        ExtractYear(f"{prefix}first_published_at", tzinfo=network_timezone()),
        output_field=IntegerField(),
    )


def school_term(start_date, first_published_at):
    """(year, 0 for spring / 1 for autumn) of the experiment's listing date, or None.

    The Danish school year starts in August, so August to December is the autumn term.
    """
    date = listing_date(start_date, first_published_at)
    if not isinstance(date, datetime.date):
        return None
    return (date.year, 1 if date.month >= 8 else 0)
