"""The radar chart of a round's dimensions: plain SVG coordinates, drawn by the template.

The chart is centred on (0, 0) and its view box is the bounding box of the rings and the labels, so
no label is ever cut off whatever its language: labels are wrapped onto short lines, anchored away from
the chart on each side, and their width is estimated generously from their letters.
"""

import math
import textwrap

RADIUS = 100  # the ring for 5
GAP = 12  # between the outer ring and a label
FONT = 16  # label size, in the chart's own units
LINE = 18  # between label lines
# Glyph widths in ems, a little above DejaVu Sans (the widest common sans): the estimate never falls short.
NARROW, WIDE, UPPER, OTHER = 0.36, 0.98, 0.72, 0.62
NARROW_GLYPHS, WIDE_GLYPHS = set("fijlrtI.,:;'!|-() "), set("mwMW")
WRAP = 15  # characters a label line; a longer single word keeps its own line
MARGIN = 6


def _width(text):
    ems = sum(
        NARROW if c in NARROW_GLYPHS else WIDE if c in WIDE_GLYPHS else UPPER if c.isupper() else OTHER
        for c in text
    )
    return ems * FONT * 1.05


def _xy(angle, distance):
    return distance * math.cos(angle), distance * math.sin(angle)


def _angle(index, count):
    return -math.pi / 2 + 2 * math.pi * index / count


def _point(index, count, value):
    return tuple(round(c, 1) for c in _xy(_angle(index, count), RADIUS * value / 5))


def _label(index, count, text):
    """Where a dimension's label goes, how it is anchored and the box it takes."""
    angle = _angle(index, count)
    cos, sin = math.cos(angle), math.sin(angle)
    x, y = _xy(angle, RADIUS + GAP)
    lines = textwrap.wrap(text, WRAP, break_long_words=False) or [""]
    width = max(_width(line) for line in lines)
    height = (len(lines) - 1) * LINE
    if sin < -0.3:  # above the centre: the last line sits on the point
        first = y - height
    elif sin > 0.3:  # below: the first line hangs from it
        first = y + FONT * 0.8
    else:  # beside: the block is centred on it
        first = y - height / 2 + FONT * 0.35
    if abs(cos) < 0.3:
        anchor, left = "middle", x - width / 2
    elif cos > 0:
        anchor, left = "start", x
    else:
        anchor, left = "end", x - width
    box = (left, first - FONT, left + width, first + height + FONT * 0.3)
    return {"lx": f"{round(x, 1)}", "ly": f"{round(first, 1)}", "anchor": anchor, "lines": lines}, box


def _points(pairs):
    # Coordinates go out as text: a localised template would write 180,5 in Swedish and Norwegian.
    return " ".join(f"{x},{y}" for x, y in pairs)


def _dot(point):
    return {"x": f"{point[0]}", "y": f"{point[1]}"}


def radar(dimensions, series):
    """Axes, rings and, per series ({"key", "means"}), a polygon when every dimension has a figure,
    else a dot for each dimension that has one (a missing figure is not a zero)."""
    count = len(dimensions)
    axes, boxes = [], [(-RADIUS, -RADIUS, RADIUS, RADIUS)]
    for i, dimension in enumerate(dimensions):
        x, y = _point(i, count, 5)
        label, box = _label(i, count, dimension.label)
        axes.append({"x": f"{x}", "y": f"{y}", **label})
        boxes.append(box)
    rings = [_points(_point(i, count, level) for i in range(count)) for level in range(1, 6)]
    drawn = []
    for s in series:
        if not s["means"]:
            continue
        present = [
            (i, s["means"][d.pk]) for i, d in enumerate(dimensions) if s["means"].get(d.pk) is not None
        ]
        complete = len(present) == count
        drawn.append(
            {
                "key": s["key"],
                "points": _points(_point(i, count, value) for i, value in present) if complete else "",
                "dots": [] if complete else [_dot(_point(i, count, value)) for i, value in present],
            }
        )
    left = min(b[0] for b in boxes) - MARGIN
    top = min(b[1] for b in boxes) - MARGIN
    width = max(b[2] for b in boxes) + MARGIN - left
    height = max(b[3] for b in boxes) + MARGIN - top
    return {
        "view": f"{round(left, 1)} {round(top, 1)} {round(width, 1)} {round(height, 1)}",
        "centre": "0",
        "font": FONT,
        "line": LINE,
        "axes": axes,
        "rings": rings,
        "polygons": drawn,
    }
