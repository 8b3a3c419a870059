"""The radar chart of a round's dimensions: plain SVG coordinates, drawn by the template."""

import math

SIZE, CENTRE, RADIUS = 360, 180, 130


def _point(index, count, value):
    angle = -math.pi / 2 + 2 * math.pi * index / count
    r = RADIUS * (value or 0) / 5
    return round(CENTRE + r * math.cos(angle), 1), round(CENTRE + r * math.sin(angle), 1)


def radar(dimensions, series):
    """Axes, rings and one polygon per series ({"key", "means"}) over the dimensions, in order."""
    count = len(dimensions)
    axes = []
    for i, dimension in enumerate(dimensions):
        x, y = _point(i, count, 5)
        lx, ly = _point(i, count, 5.9)
        anchor = "middle" if abs(lx - CENTRE) < 20 else ("start" if lx > CENTRE else "end")
        # Coordinates go out as text: a localised template would write 180,5 in Swedish and Norwegian.
        axes.append(
            {
                "x": f"{x}",
                "y": f"{y}",
                "lx": f"{lx}",
                "ly": f"{ly}",
                "anchor": anchor,
                "label": dimension.label,
            }
        )
    rings = [
        " ".join(f"{x},{y}" for x, y in (_point(i, count, level) for i in range(count)))
        for level in range(1, 6)
    ]
    polygons = [
        {
            "key": s["key"],
            "points": " ".join(
                f"{x},{y}"
                for x, y in (_point(i, count, s["means"].get(d.pk)) for i, d in enumerate(dimensions))
            ),
        }
        for s in series
        if s["means"]
    ]
    # Room on both sides for the longest dimension names.
    view = f"-120 -6 {SIZE + 240} {SIZE + 12}"
    return {
        "size": SIZE,
        "view": view,
        "centre": f"{CENTRE}",
        "axes": axes,
        "rings": rings,
        "polygons": polygons,
    }
