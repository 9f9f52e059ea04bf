"""Bar charts drawn on the server as SVG, for the editorial statistics.

The view computes the geometry here; the template ``publications/admin/bar_chart.html`` writes
it out (escaped like any template). Each chart carries a title and a description for screen
readers (``<title>``/``<desc>``), a ``<title>`` on every bar, and the page prints the same figures
in a table beside it, so nothing depends on JavaScript or on seeing the picture.
"""

import math
from dataclasses import dataclass, field

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 48, 16, 16, 56
# Colours of the groups' bars (Wagtail's admin palette, readable on white, told apart by the
# legend's order too).
COLOURS = ["#007d7e", "#cd4444", "#5c3d99", "#e09f00"]


def nice_ceiling(value):
    """The axis' top: the smallest 1, 2, 2.5 or 5 × 10ⁿ not below ``value`` (at least 1)."""
    if value <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    label: str  # what the bar's own <title> says


@dataclass
class Chart:
    title: str
    description: str
    slug: str
    width: int = WIDTH
    height: int = HEIGHT
    bars: list = field(default_factory=list)
    ticks: list = field(default_factory=list)       # (y, label)
    categories: list = field(default_factory=list)  # (x, label)
    legend: list = field(default_factory=list)      # (x, colour, label)
    baseline: float = HEIGHT - BOTTOM
    left: int = LEFT
    right_edge: int = WIDTH - RIGHT


def format_number(value):
    if value is None:
        return "—"
    return f"{round(value, 2):g}"


def grouped_bar_chart(*, title, description, slug, categories, groups):
    """``categories``: the labels along the bottom (years); ``groups``: (name, [value per
    category]) drawn side by side in each category. A missing value (None) draws no bar."""
    chart = Chart(title=title, description=description, slug=slug)
    values = [v for _name, series in groups for v in series if v is not None]
    top = nice_ceiling(max(values, default=0))
    plot_height = HEIGHT - TOP - BOTTOM
    plot_width = WIDTH - LEFT - RIGHT
    for step in range(5):
        value = top * step / 4
        chart.ticks.append((TOP + plot_height * (1 - step / 4), format_number(value)))
    slot = plot_width / max(len(categories), 1)
    bar_width = slot * 0.8 / max(len(groups), 1)
    for index, category in enumerate(categories):
        start = LEFT + slot * index + slot * 0.1
        chart.categories.append((LEFT + slot * (index + 0.5), str(category)))
        for position, (name, series) in enumerate(groups):
            value = series[index]
            if value is None:
                continue
            height = plot_height * value / top
            chart.bars.append(Bar(
                x=round(start + bar_width * position, 2),
                y=round(TOP + plot_height - height, 2), width=round(bar_width - 2, 2),
                height=round(height, 2), colour=COLOURS[position % len(COLOURS)],
                label=f"{name}, {category}: {format_number(value)}"))
    for position, (name, _series) in enumerate(groups):
        chart.legend.append((LEFT + position * 200, COLOURS[position % len(COLOURS)], name))
    return chart
