"""CSV and XLSX downloads of a filtered findings or experiments list (/fund/eksport.csv ...).

A table is built from the same FilteredListing the page shows, in the same order, so the file
holds the page's rows (all pages of them) and nothing the visitor may not read.
CSV is UTF-8 with a byte order mark and ';' between fields: that is what Excel with Danish
settings needs to open æ, ø and å right and split the columns.
"""

import csv
import datetime
import io
import unicodedata
from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from knowledge.experiments.fields import EXPERIMENT_FIELDS

from .filtering import FilteredListing
from .rows import (
    experiment_rows,
    experiments_with_places,
    finding_rows_for_export,
    findings_with_places,
)

CSV_DELIMITER = ";"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
MAX_COLUMN_WIDTH = 60
# A spreadsheet treats a cell starting with one of these as a formula: never let text do that.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Table:
    headers: list
    rows: list


def finding_table(listing, request):
    fields = [field for field in EXPERIMENT_FIELDS if field.in_findings]
    rows = [
        [finding.statement, finding.get_evidence_kind_display(), finding.evidence]
        + [field.value(finding.page, request) for field in fields]
        for finding in findings_with_places(finding_rows_for_export(listing))
    ]
    headers = [_("Finding"), _("Rests on"), _("What it rests on, in detail")]
    return Table(headers + [str(field.label) for field in fields], rows)


def experiment_table(listing, request):
    fields = [field for field in EXPERIMENT_FIELDS if field.in_experiments]
    rows = [
        [field.value(experiment, request) for field in fields]
        for experiment in experiments_with_places(experiment_rows(listing))
    ]
    return Table([str(field.label) for field in fields], rows)


def _safe_text(value):
    """Text a spreadsheet would run as a formula gets a leading apostrophe. Spreadsheets skip
    leading spaces and read full-width signs ("＝") as their ASCII twins, so look past both."""
    if isinstance(value, str):
        probe = unicodedata.normalize("NFKC", value[:20]).lstrip(" \u00a0\u3000")
        if value.startswith(("\t", "\r")) or probe.startswith(FORMULA_PREFIXES):
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


def findings_export(request, file_format):
    listing = FilteredListing(request.user, request.GET, findings=True)
    return export_response(finding_table(listing, request), file_format, "fund", _("Findings"))


def experiments_export(request, file_format):
    listing = FilteredListing(request.user, request.GET, findings=False)
    return export_response(
        experiment_table(listing, request), file_format, "forsoeg", _("Experiments")
    )
