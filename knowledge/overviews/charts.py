"""Charts drawn on the server as accessible SVG, each shown next to a table of the same numbers.

A chart here is geometry only: templates/knowledge/overviews/chart.html draws it with role="img",
a <title> and <desc>, a text label and the number beside every bar (so no meaning rests on colour),
and the table that repeats the numbers for screen readers and for copying.
"""

from dataclasses import dataclass, field

from django.utils.text import slugify

BAR_HEIGHT = 22
BAR_GAP = 10
LABEL_WIDTH = 200
PLOT_WIDTH = 360
VALUE_WIDTH = 48

COLUMN_WIDTH = 88  # wide enough for a term label such as "Autumn 2026" under it
COLUMN_GAP = 10
PLOT_HEIGHT = 160
TOP_MARGIN = 24  # room for the number above the tallest column
BOTTOM_MARGIN = 40  # room for two lines of label under each column


@dataclass
class Mark:
    """One bar or column, with where its label and its number are written."""

    label: str
    value: int
    x: float
    y: float
    width: float
    height: float
    label_x: float
    label_y: float
    value_x: float
    value_y: float


@dataclass
class Chart:
    kind: str  # "bar" (horizontal bars) or "timeline" (columns in time order)
    chart_id: str
    title: str
    description: str
    label_heading: str
    value_heading: str
    rows: list  # (label, value), in the order shown, for the table
    width: int = 0
    height: int = 0
    marks: list = field(default_factory=list)

    @property
    def total(self):
        return sum(value for _label, value in self.rows)


def _scale(value, largest, length):
    return 0 if largest == 0 else round(length * value / largest, 1)


def bar_chart(chart_id, title, description, rows, label_heading, value_heading):
    """Horizontal bars, one per (label, value) row, in the order given."""
    rows = [(str(label), int(value)) for label, value in rows]
    largest = max((value for _label, value in rows), default=0)
    marks = []
    for index, (label, value) in enumerate(rows):
        y = index * (BAR_HEIGHT + BAR_GAP)
        width = _scale(value, largest, PLOT_WIDTH)
        marks.append(
            Mark(
                label=label,
                value=value,
                x=LABEL_WIDTH,
                y=y,
                width=width,
                height=BAR_HEIGHT,
                label_x=LABEL_WIDTH - 8,
                label_y=y + BAR_HEIGHT * 0.7,
                value_x=LABEL_WIDTH + width + 6,
                value_y=y + BAR_HEIGHT * 0.7,
            )
        )
    height = max(len(rows) * (BAR_HEIGHT + BAR_GAP) - BAR_GAP, BAR_HEIGHT)
    return Chart(
        kind="bar",
        chart_id=slugify(chart_id),
        title=title,
        description=description,
        label_heading=label_heading,
        value_heading=value_heading,
        rows=rows,
        width=LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH,
        height=height,
        marks=marks,
    )


def timeline(chart_id, title, description, rows, label_heading, value_heading):
    """Columns left to right in time order; rows are (period label, value)."""
    rows = [(str(label), int(value)) for label, value in rows]
    largest = max((value for _label, value in rows), default=0)
    marks = []
    baseline = TOP_MARGIN + PLOT_HEIGHT
    for index, (label, value) in enumerate(rows):
        x = index * (COLUMN_WIDTH + COLUMN_GAP)
        height = _scale(value, largest, PLOT_HEIGHT)
        marks.append(
            Mark(
                label=label,
                value=value,
                x=x,
                y=baseline - height,
                width=COLUMN_WIDTH,
                height=height,
                label_x=x + COLUMN_WIDTH / 2,
                label_y=baseline + 16,
                value_x=x + COLUMN_WIDTH / 2,
                value_y=baseline - height - 6,
            )
        )
    width = max(len(rows) * (COLUMN_WIDTH + COLUMN_GAP) - COLUMN_GAP, COLUMN_WIDTH)
    return Chart(
        kind="timeline",
        chart_id=slugify(chart_id),
        title=title,
        description=description,
        label_heading=label_heading,
        value_heading=value_heading,
        rows=rows,
        width=width,
        height=baseline + BOTTOM_MARGIN,
        marks=marks,
    )
