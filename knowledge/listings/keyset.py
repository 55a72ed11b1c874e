"""Keyset ("seek") pagination for the findings page and the experiments list.

A page number makes the database count and skip every row before the page (OFFSET), so page 40
of 10,000 experiments read 1,000 rows to show 25. Here a page starts after (or ends before) the
row a cursor names, by the listing's own ordering with the primary key as the tie-breaker, so
every page costs the same however deep it is and however large the network. The cursor is the
sort key of that row, written as whole numbers joined by "-", e.g. ?efter=1714567890123456-812.

A cursor that is not one (typed by hand, cut short, an old ?side=3) shows the first page, with
a message saying so: never an error page.
"""

import datetime
import re

from django.db.models import Q
from django.utils.translation import gettext as _

AFTER, BEFORE = "efter", "foer"
_NUMBER = r"\d{1,20}"


EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


class Ordering:
    """A listing's ordering as keyset columns: (field, descending) pairs, the last one unique.

    The first column is a date and time (stored in the cursor as microseconds since 1970 UTC);
    the others are whole numbers.
    """

    def __init__(self, *columns):
        self.columns = columns
        self.pattern = re.compile(rf"^{_NUMBER}(?:-{_NUMBER}){{{len(columns) - 1}}}$")

    def order_by(self, reverse=False):
        return [f"-{f}" if descending != reverse else f for f, descending in self.columns]

    def cursor_of(self, row):
        """The cursor that names row (an object of the listing)."""
        values = []
        for field, _descending in self.columns:
            value = row
            for name in field.split("__"):
                value = getattr(value, name)
            values.append(value)
        return self.cursor_of_values(values)

    def cursor_of_values(self, values):
        def text(value):
            if isinstance(value, datetime.datetime):
                return str((value - EPOCH) // datetime.timedelta(microseconds=1))
            return str(value)

        return "-".join(text(value) for value in values)

    def parse(self, text):
        """The cursor's values, or None when the text is not a cursor of this ordering."""
        if not text or not self.pattern.match(text):
            return None
        numbers = [int(part) for part in text.split("-")]
        try:
            # Whole microseconds, not a float division: that can miss the stored time by one.
            moment = EPOCH + datetime.timedelta(microseconds=numbers[0])
        except (OverflowError, OSError, ValueError):
            return None
        return [moment, *numbers[1:]]

    def beyond(self, values, reverse=False):
        """Rows after the cursor in this ordering (before it, when reverse)."""
        condition = Q(pk__in=[])
        equal = Q()
        for (field, descending), value in zip(self.columns, values, strict=True):
            lookup = "lt" if descending != reverse else "gt"
            condition |= equal & Q(**{f"{field}__{lookup}": value})
            equal &= Q(**{field: value})
        return self.bound(values, reverse) & condition

    def bound(self, values, reverse=False):
        """A range on the first column that holds every row beyond the cursor, and the cursor's
        row: what an index can seek to (SQLite does not find it inside beyond()'s "or")."""
        first, descending = self.columns[0]
        lookup = "lte" if descending != reverse else "gte"
        return Q(**{f"{first}__{lookup}": values[0]})


class KeysetPage:
    """One page of a listing: its rows and the cursors of its neighbours.

    Templates read ``page.paginator.count`` as for a Django page, so the page is its own
    paginator. It has no number: a keyset page does not know how many come before it.
    """

    def __init__(self, object_list, count, next_cursor, previous_cursor):
        self.object_list = object_list
        self.count = count
        self.next_cursor = next_cursor
        self.previous_cursor = previous_cursor
        self.next_url = self.previous_url = ""

    @property
    def paginator(self):
        return self

    def has_next(self):
        return bool(self.next_cursor)

    def has_previous(self):
        return bool(self.previous_cursor)

    def has_other_pages(self):
        return self.has_next() or self.has_previous()

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)


def read_cursor(params, ordering):
    """(direction, values, error message or None) from the address; no cursor is the start."""
    for direction in (AFTER, BEFORE):
        text = params.get(direction)
        if text is None:
            continue
        values = ordering.parse(text.strip())
        if values is None:
            return None, None, _("That page of the list could not be found; here is the first.")
        return direction, values, None
    return None, None, None


def page_of(queryset, ordering, direction, values, per_page, narrow=None):
    """(rows, next cursor, previous cursor) of the page the cursor asks for: one query.

    narrow(queryset, reverse, values, number), when given, limits the queryset to what can hold
    the next ``number`` rows (the findings of the next experiments: see findings_near()).
    """

    def rows_beyond(reverse, values):
        found = queryset
        if values is not None:
            found = found.filter(ordering.beyond(values, reverse=reverse))
        if narrow is not None:
            found = narrow(found, reverse, values, per_page + 1)
        return list(found.order_by(*ordering.order_by(reverse=reverse))[: per_page + 1])

    if direction == BEFORE:
        rows = rows_beyond(True, values)
        if len(rows) < per_page + 1:
            return page_of(queryset, ordering, None, None, per_page, narrow)  # back at the start
        rows = rows[:per_page][::-1]
        return rows, ordering.cursor_of(rows[-1]), ordering.cursor_of(rows[0])
    rows = rows_beyond(False, values if direction == AFTER else None)
    if direction == AFTER and not rows:
        return page_of(queryset, ordering, None, None, per_page, narrow)  # past the end
    more = len(rows) > per_page
    rows = rows[:per_page]
    next_cursor = ordering.cursor_of(rows[-1]) if more else ""
    previous_cursor = ordering.cursor_of(rows[0]) if direction == AFTER and rows else ""
    return rows, next_cursor, previous_cursor


def findings_near(experiments, experiment_ordering):
    """narrow() for a findings listing: its rows are grouped by experiment, newest first, so
    the next n findings belong to the next n experiments that have any (or the cursor's own).
    Finding those walks the experiments newest first and stops; sorting every finding did not
    (190 ms at 10,000 experiments). experiments is the visible experiments' queryset, and
    experiment_ordering orders them as the findings' first two columns do."""
    from django.db.models import Exists, OuterRef

    def narrow(findings, reverse, values, number):
        having = experiments.filter(Exists(findings.filter(page_id=OuterRef("pk"))))
        if values is not None:
            cursor = values[:2]
            having = having.filter(experiment_ordering.bound(cursor, reverse)).filter(
                experiment_ordering.beyond(cursor, reverse) | Q(pk=values[1])
            )
        ids = having.order_by(*experiment_ordering.order_by(reverse)).values_list("pk", flat=True)
        return findings.filter(page_id__in=list(ids[: number + 1]))

    return narrow
