"""CSV and XLSX downloads of a filtered findings or experiments list.

A table is built from the same FilteredListing the page shows, in the same order, so the file
holds the page's rows (all pages of them) and nothing the visitor may not read.
CSV is UTF-8 with a byte order mark and ';' between fields: that is what Excel with Danish
settings needs to open æ, ø and å right and split the columns.
"""

import csv
import datetime
import io
from dataclasses import dataclass

from django.db.models import Count
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from wagtail.models import Page

from .filtering import MUNICIPALITY_PATH_LENGTH, SCHOOL_PATH_LENGTH

CSV_DELIMITER = ";"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_COLUMN_WIDTH = 60
# A spreadsheet treats a cell starting with one of these as a formula: never let text do that.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def findings_for_display(listing):
    return listing.results.select_related("page", "page__team")


def experiments_for_display(listing):
    return (
        listing.results.select_related("team")
        .prefetch_related("subjects", "grade_levels", "tags")
        .annotate(finding_count=Count("findings", distinct=True))
    )


def attach_places(experiments):
    """Set .listing_school and .listing_municipality on each experiment with one query."""
    experiments = list(experiments)
    paths = set()
    for experiment in experiments:
        paths.add(experiment.path[:SCHOOL_PATH_LENGTH])
        paths.add(experiment.path[:MUNICIPALITY_PATH_LENGTH])
    places = {
        page.path: page
        for page in Page.objects.filter(path__in=paths).only(
            "id", "title", "slug", "url_path", "path", "depth", "locale_id"
        )
    }
    for experiment in experiments:
        experiment.listing_school = places.get(experiment.path[:SCHOOL_PATH_LENGTH])
        experiment.listing_municipality = places.get(experiment.path[:MUNICIPALITY_PATH_LENGTH])
    return experiments


def experiment_date(experiment):
    """The date a listing shows for an experiment: when it started, else when it was published."""
    if experiment.start_date:
        return experiment.start_date
    if experiment.first_published_at:
        return timezone.localtime(experiment.first_published_at).date()
    return None


@dataclass
class Table:
    headers: list
    rows: list


def _names(items):
    return ", ".join(str(item) for item in items)


def _title(page):
    return page.title if page else ""


def finding_table(listing, request):
    findings = list(
        findings_for_display(listing).prefetch_related(
            "page__subjects", "page__grade_levels", "page__tags"
        )
    )
    attach_places([finding.page for finding in findings])
    rows = []
    for finding in findings:
        experiment = finding.page
        rows.append([
            finding.statement,
            finding.get_evidence_kind_display(),
            finding.evidence,
            experiment.title,
            experiment.get_full_url(request),
            _title(experiment.listing_school),
            _title(experiment.listing_municipality),
            experiment.team.name if experiment.team else "",
            experiment_date(experiment),
            experiment.get_status_display(),
            _names(experiment.subjects.all()),
            _names(experiment.grade_levels.all()),
            _names(tag.name for tag in experiment.tags.all()),
        ])
    headers = [
        _("Finding"), _("Rests on"), _("What it rests on, in detail"), _("Experiment"),
        _("Link"), _("School"), _("Municipality"), _("Teacher team"), _("Date"), _("Status"),
        _("Subjects"), _("Grade levels"), _("Tags"),
    ]
    return Table(headers, rows)


def experiment_table(listing, request):
    experiments = attach_places(experiments_for_display(listing))
    rows = [
        [
            experiment.title,
            experiment.get_full_url(request),
            _title(experiment.listing_school),
            _title(experiment.listing_municipality),
            experiment.team.name if experiment.team else "",
            experiment.get_status_display(),
            experiment.start_date,
            experiment.end_date,
            _names(experiment.subjects.all()),
            _names(experiment.grade_levels.all()),
            _names(tag.name for tag in experiment.tags.all()),
            experiment.finding_count,
            experiment.summary,
        ]
        for experiment in experiments
    ]
    headers = [
        _("Experiment"), _("Link"), _("School"), _("Municipality"), _("Teacher team"),
        _("Status"), _("Start date"), _("End date"), _("Subjects"), _("Grade levels"), _("Tags"),
        _("Findings"), _("Summary"),
    ]
    return Table(headers, rows)


def _safe_text(value):
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def _csv_value(value):
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return _safe_text(str(value))


def table_as_csv(table):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(table.headers)
    for row in table.rows:
        writer.writerow([_csv_value(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def table_as_xlsx(table, sheet_title):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = sheet_title[:31]  # Excel's limit for a sheet name
    sheet.append(table.headers)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [len(header) for header in table.headers]
    for row_number, row in enumerate(table.rows, start=2):
        for column_number, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column_number, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text stays text, even when it starts with "="
            elif isinstance(value, datetime.date):
                cell.number_format = "DD-MM-YYYY"
            widths[column_number - 1] = max(widths[column_number - 1], len(str(value or "")))
    for column_number, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column_number)].width = min(
            width + 2, MAX_COLUMN_WIDTH
        )
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def export_response(table, file_format, file_name, sheet_title):
    """file_name is ASCII (it goes in a header); sheet_title is what the reader sees in Excel."""
    filename = f"praksisnet-{file_name}-{timezone.localdate().isoformat()}.{file_format}"
    if file_format == "csv":
        response = HttpResponse(table_as_csv(table), content_type="text/csv; charset=utf-8")
    elif file_format == "xlsx":
        response = HttpResponse(table_as_xlsx(table, sheet_title), content_type=XLSX_CONTENT_TYPE)
    else:
        raise Http404(_("Exports come as CSV or XLSX."))
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
