"""Differences between respondent groups (or schools) in how often they raise each theme.

Each cell is a group's share of people raising a theme. A cell is tested against everyone else
(a 2×2 table: this group or not, this theme or not) with Fisher's exact test, and the p-values of
all tested cells are adjusted together (Holm), so a table of 30 themes × 4 groups does not mark
differences by chance. Cells of fewer than 5 people are suppressed, shown as "fewer than 5" and
never tested or marked; when a row would have one suppressed cell only, its next smallest is
suppressed too, so the hidden one cannot be worked out from the group's total.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scipy.stats import fisher_exact

#: Cells (and groups) of fewer people than this are not shown.
MIN_CELL = 5
#: The family-wise error rate of the marked differences.
ALPHA = 0.05


@dataclass
class Cell:
    count: int
    share: float  # of the group's people, 0-100
    suppressed: bool = False
    p_value: float | None = None
    marked: bool = False
    direction: str = ""  # "more" or "fewer" than the other groups, when marked


@dataclass
class Row:
    key: str
    label: str
    total: int
    cells: list[Cell] = field(default_factory=list)


@dataclass
class DifferenceTable:
    themes: list[str]
    rows: list[Row]
    hidden_groups: int = 0  # groups of fewer than MIN_CELL people, left out

    @property
    def marked(self):
        return [
            (row.label, self.themes[index], cell.direction)
            for row in self.rows
            for index, cell in enumerate(row.cells)
            if cell.marked
        ]


def holm(p_values):
    """Holm-Bonferroni adjusted p-values, in the order given."""
    order = sorted(range(len(p_values)), key=lambda i: p_values[i])
    adjusted = [1.0] * len(p_values)
    running = 0.0
    for rank, index in enumerate(order):
        running = max(running, min(1.0, (len(p_values) - rank) * p_values[index]))
        adjusted[index] = running
    return adjusted


def difference_table(theme_members, category_of, labels):
    """Groups × themes. ``theme_members``: (theme name, answer ids) in display order;
    ``category_of``: answer id -> group key ("" for none); ``labels``: group key -> label."""
    people = {}
    for answer, key in category_of.items():
        if key:
            people.setdefault(key, set()).add(answer)
    everyone = sum(len(members) for members in people.values())
    keys = [key for key in labels if len(people.get(key, ())) >= MIN_CELL]
    hidden = sum(1 for key in people if key not in keys)
    rows, tested = [], []
    for key in keys:
        members = people[key]
        row = Row(key=key, label=str(labels[key]), total=len(members))
        for _name, answers in theme_members:
            raised = set(answers)
            count = len(members & raised)
            row.cells.append(Cell(count=count, share=round(100 * count / len(members), 1)))
        _suppress(row)
        for index, cell in enumerate(row.cells):
            if cell.suppressed:
                continue
            raised = {a for a in theme_members[index][1] if category_of.get(a)}
            others_raising = len(raised) - cell.count
            others = everyone - row.total
            if others <= 0:
                continue
            table = [
                [cell.count, row.total - cell.count],
                [others_raising, others - others_raising],
            ]
            cell.p_value = float(fisher_exact(table)[1])
            cell.direction = "more" if cell.count / row.total > others_raising / others else "fewer"
            tested.append(cell)
        rows.append(row)
    for cell, adjusted in zip(tested, holm([c.p_value for c in tested])):
        cell.p_value = adjusted
        cell.marked = adjusted < ALPHA
        if not cell.marked:
            cell.direction = ""
    return DifferenceTable(
        themes=[name for name, _ in theme_members], rows=rows, hidden_groups=hidden
    )


def _suppress(row):
    small = [cell for cell in row.cells if cell.count < MIN_CELL]
    for cell in small:
        cell.suppressed = True
    if len(small) == 1:
        shown = [cell for cell in row.cells if not cell.suppressed]
        if shown:
            min(shown, key=lambda c: c.count).suppressed = True
    for cell in row.cells:
        if cell.suppressed:
            cell.count, cell.share = 0, 0.0
