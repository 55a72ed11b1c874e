"""The rows of the findings page and the experiments list, shared with their exports.

Each is the listing's own ordered queryset with what a row shows attached, in a fixed number of
queries however many rows there are: the team by a join, subjects, grades and tags prefetched,
school, municipality and date from the tree paths (knowledge.places).
"""

from django.db.models import Count

from knowledge.places import attach_places


def finding_rows(listing, page=False):
    """The findings page's rows: the finding, its experiment and team (one query); ``page``:
    the rows a page reads from (FilteredListing.page_results)."""
    return (listing.page_results if page else listing.results).select_related("page", "page__team")


def finding_rows_for_export(listing):
    """The export also names each experiment's subjects, grades and tags: three more queries."""
    return finding_rows(listing).prefetch_related(
        "page__subjects", "page__grade_levels", "page__tags"
    )


def experiment_page_rows(listing, page=False):
    """The experiments list's rows; experiments_with_places counts their findings."""
    return (
        (listing.page_results if page else listing.results)
        .select_related("team")
        .prefetch_related("subjects", "grade_levels", "tags")
    )


def experiment_rows(listing):
    """The export's rows, each with its number of findings counted in the same query."""
    return experiment_page_rows(listing).annotate(finding_count=Count("findings", distinct=True))


def findings_with_places(findings):
    findings = list(findings)
    attach_places([finding.page for finding in findings])
    return findings


def experiments_with_places(experiments):
    """Places, and each row's number of findings when the query did not count them (one query
    for a page of rows: counting in the listing's query would group the whole table)."""
    from knowledge.models import Finding

    experiments = attach_places(experiments)
    uncounted = [e.pk for e in experiments if not hasattr(e, "finding_count")]
    if uncounted:
        counts = dict(
            Finding.objects.filter(page_id__in=uncounted)
            .order_by()
            .values("page_id")
            .annotate(n=Count("pk"))
            .values_list("page_id", "n")
        )
        for experiment in experiments:
            if experiment.pk in counts or not hasattr(experiment, "finding_count"):
                experiment.finding_count = counts.get(experiment.pk, 0)
    return experiments
