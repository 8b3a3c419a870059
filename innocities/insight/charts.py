"""The journey chart's geometry: phases in a row, moves forward as arcs above them, recycles as arcs
below, stops as arrows down. Drawn by the template as SVG, beside the table with the same numbers."""

from dataclasses import dataclass

BOX_W, GAP, TOP, ROW = 120, 40, 110, 36


@dataclass
class Box:
    x: float
    y: float
    label: str


@dataclass
class Arc:
    path: str
    width: float
    count: int
    label_x: float
    label_y: float
    kind: str  # forward, back, stop


def journey(table) -> dict:
    keys = [row.key for row in table.rows]
    position = {key: i for i, key in enumerate(keys)}
    centre = {key: 20 + i * (BOX_W + GAP) + BOX_W / 2 for i, key in enumerate(keys)}
    boxes = [Box(20 + i * (BOX_W + GAP), TOP, str(row.label)) for i, row in enumerate(table.rows)]
    counts = [cell.value or 0 for row in table.rows for cell in row.cells]
    most = max(counts, default=0) or 1
    arcs = []
    for row in table.rows:
        for target, cell in zip([*keys, "stop"], row.cells, strict=True):
            n = cell.value or 0
            if not n or target == row.key:
                continue
            width = 1.5 + 8 * n / most
            x1 = centre[row.key]
            if target == "stop":
                path = f"M{x1 + 20},{TOP + ROW} L{x1 + 20},{TOP + ROW + 50}"
                arcs.append(Arc(path, width, n, x1 + 28, TOP + ROW + 44, "stop"))
                continue
            x2 = centre[target]
            span = abs(position[target] - position[row.key])
            if x2 > x1:
                lift = 24 + 22 * span
                path = f"M{x1 + 10},{TOP} C{x1 + 10},{TOP - lift} {x2 - 10},{TOP - lift} {x2 - 10},{TOP}"
                arcs.append(Arc(path, width, n, (x1 + x2) / 2, TOP - lift * 0.75 - 4, "forward"))
            else:
                drop = 20 + 18 * span
                y = TOP + ROW
                path = f"M{x1 - 10},{y} C{x1 - 10},{y + drop} {x2 + 10},{y + drop} {x2 + 10},{y}"
                arcs.append(Arc(path, width, n, (x1 + x2) / 2, y + drop * 0.75 + 12, "back"))
    width = 40 + len(keys) * (BOX_W + GAP)
    height = TOP + ROW + 80
    return {"boxes": boxes, "arcs": arcs, "width": width, "height": height, "box_w": BOX_W, "row": ROW}
