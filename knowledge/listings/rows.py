"""The rows of the findings page and the experiments list, shared with their exports.

Each is the listing's own ordered queryset with what a row shows attached, in a fixed number of
queries however many rows there are: the team by a join, subjects, grades and tags prefetched,
school, municipality and date from the tree paths (knowledge.places).
"""

from django.db.models import Count

from knowledge.places import attach_places


def finding_rows(listing):
    """The findings page's rows: the finding, its experiment and team (one query)."""
    return listing.results.select_related("page", "page__team")


def finding_rows_for_export(listing):
    """The export also names each experiment's subjects, grades and tags: three more queries."""
    return finding_rows(listing).prefetch_related(
        "page__subjects", "page__grade_levels", "page__tags"
    )


def experiment_rows(listing):
    return (
        listing.results.select_related("team")
        .prefetch_related("subjects", "grade_levels", "tags")
        .annotate(finding_count=Count("findings", distinct=True))
    )


def findings_with_places(findings):
    findings = list(findings)
    attach_places([finding.page for finding in findings])
    return findings


def experiments_with_places(experiments):
    return attach_places(experiments)
