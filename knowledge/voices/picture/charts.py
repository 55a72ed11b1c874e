"""The picture's charts, drawn on the server as accessible SVG beside a table of the same numbers.

The themes' bar chart is the overviews' ``bar_chart``. The groups × themes chart has a row of
bars per theme, one bar per group, its share written beside it ("færre end 5" where the cell is
suppressed). The map places themes that use the same words near each other: each theme's word
profile (TF-IDF over themes), reduced to two dimensions (the first two principal components),
with a circle as large as its number of voices; its table names each theme's nearest theme.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from knowledge.overviews.charts import bar_chart

GROUP_BAR = 14
GROUP_GAP = 3
THEME_GAP = 14
LABEL_WIDTH = 220
PLOT_WIDTH = 300
VALUE_WIDTH = 110
#: Bar colours per group, told apart by the label written on each bar too.
GROUP_COLOURS = ("#1d5f8a", "#8a3b1d", "#2f6b2f", "#6b2f6b", "#5c5c00")

MAP_WIDTH = 640
MAP_HEIGHT = 420
MAP_MARGIN = 70


def themes_chart(themes, title, description, label_heading, value_heading):
    return bar_chart(
        "voices-themes",
        title,
        description,
        [(t.name, t.voices) for t in themes],
        label_heading,
        value_heading,
    )


@dataclass
class GroupBar:
    label: str
    text: str
    colour: str
    x: float
    y: float
    width: float
    value_x: float
    text_y: float


@dataclass
class GroupBlock:
    theme: str
    label_y: float
    bars: list[GroupBar] = field(default_factory=list)


@dataclass
class GroupChart:
    width: int
    height: int
    blocks: list[GroupBlock]
    legend: list[tuple[str, str]]


def group_chart(table, suppressed_text):
    """Bars of each group's share per theme, from a DifferenceTable."""
    blocks, y = [], 0.0
    rows = table.rows
    for index, theme in enumerate(table.themes):
        block = GroupBlock(theme=theme, label_y=y + GROUP_BAR * 0.8)
        for number, row in enumerate(rows):
            cell = row.cells[index]
            width = 0 if cell.suppressed else round(PLOT_WIDTH * cell.share / 100, 1)
            text = suppressed_text if cell.suppressed else f"{cell.share:g} %"
            if cell.marked:
                text += " *"
            block.bars.append(
                GroupBar(
                    label=row.label,
                    text=f"{row.label}: {text}",
                    colour=GROUP_COLOURS[number % len(GROUP_COLOURS)],
                    x=LABEL_WIDTH,
                    y=y,
                    width=width,
                    value_x=LABEL_WIDTH + width + 4,
                    text_y=y + GROUP_BAR * 0.8,
                )
            )
            y += GROUP_BAR + GROUP_GAP
        blocks.append(block)
        y += THEME_GAP
    legend = [(row.label, GROUP_COLOURS[n % len(GROUP_COLOURS)]) for n, row in enumerate(rows)]
    return GroupChart(
        width=LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH,
        height=max(int(y), GROUP_BAR),
        blocks=blocks,
        legend=legend,
    )


@dataclass
class MapPoint:
    name: str
    voices: int
    x: float
    y: float
    radius: float
    nearest: str
    label_y: float


def _profiles(themes, stems_of):
    counts = [Counter(s for a in t.anchor for s in stems_of.get(a, ())) for t in themes]
    vocabulary = sorted({s for c in counts for s in c})
    index = {s: i for i, s in enumerate(vocabulary)}
    matrix = np.zeros((len(themes), max(len(vocabulary), 1)))
    for row, count in enumerate(counts):
        for stem, k in count.items():
            matrix[row, index[stem]] = 1 + math.log(k)
    themes_using = (matrix > 0).sum(axis=0)
    matrix *= np.log((1 + len(themes)) / (1 + themes_using)) + 1
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1, norms)


def theme_map(themes, stems_of):
    """A MapPoint per shown theme (``.name``, ``.voices``, ``.anchor``: its answer ids); themes
    close on the map use the same words."""
    if not themes:
        return []
    profiles = _profiles(themes, stems_of)
    similarity = profiles @ profiles.T
    np.fill_diagonal(similarity, -1)
    if len(themes) >= 3:
        centred = profiles - profiles.mean(axis=0)
        u, s, _ = np.linalg.svd(centred, full_matrices=False)
        coordinates = u[:, :2] * s[:2]
    else:
        coordinates = np.array([[float(i), 0.0] for i in range(len(themes))])
    low, high = coordinates.min(axis=0), coordinates.max(axis=0)
    span = np.where(high - low == 0, 1, high - low)
    unit = (coordinates - low) / span
    largest = max(t.voices for t in themes) or 1
    points = []
    for i, theme in enumerate(themes):
        radius = round(6 + 26 * math.sqrt(theme.voices / largest), 1)
        x = round(MAP_MARGIN + unit[i, 0] * (MAP_WIDTH - 2 * MAP_MARGIN), 1)
        y = round(MAP_MARGIN / 2 + unit[i, 1] * (MAP_HEIGHT - 1.5 * MAP_MARGIN), 1)
        nearest = themes[int(similarity[i].argmax())].name if len(themes) > 1 else ""
        points.append(
            MapPoint(theme.name, theme.voices, x, y, radius, nearest, round(y + radius + 14, 1))
        )
    return points
