"""The picture of a signature, rendered from its strokes (``domain.signatures``) with Pillow.

One renderer for every signature, wherever it was captured, so the picture printed on the PDF is a
function of the stored vectors: black ink on a transparent background, :data:`WIDTH` × :data:`HEIGHT`
pixels (about 500 dpi in a 6 cm wide signature box), strokes smoothed through the midpoints of
successive points (quadratic Bézier curves, as the pad draws them) and as wide as the pen pressed.
Pillow draws without anti-aliasing, so the ink is drawn at :data:`SUPERSAMPLE` times the size and
reduced: smooth edges at print resolution.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence

from ..domain.signatures import PAD_ASPECT, Point, Stroke

WIDTH = 1200
HEIGHT = round(WIDTH / PAD_ASPECT)
SUPERSAMPLE = 3
MARGIN = 0.04  # of the height, kept free around the ink so that a wide stroke is not cut
BASE_WIDTH = 0.0065  # pen width as a fraction of the picture's width, at pressure 0.5


def pen_width(pressure: float, picture_width: float) -> float:
    """Pen width for a pressure 0…1: 0.5 (a mouse) gives the base width, a light touch ~40 % of it."""
    return picture_width * BASE_WIDTH * (0.4 + 1.2 * max(0.0, min(pressure, 1.0)))


def smooth(stroke: Sequence[Point], step: float) -> list[tuple[float, float, float]]:
    """The stroke as a dense polyline (x, y, pressure) following quadratic curves through the
    midpoints of successive points; ``step`` is the wanted distance between output points."""
    pts = [(p[0], p[1], p[2]) for p in stroke]
    if len(pts) < 3:
        return pts
    out = [pts[0]]

    def mid(a: tuple[float, float, float], b: tuple[float, float, float]) -> tuple[float, float, float]:
        return ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2)

    start = mid(pts[0], pts[1])
    out.append(start)
    for i in range(1, len(pts) - 1):
        ctrl, end = pts[i], mid(pts[i], pts[i + 1])
        length = math.dist(start[:2], ctrl[:2]) + math.dist(ctrl[:2], end[:2])
        n = max(2, math.ceil(length / step))
        for k in range(1, n + 1):
            t = k / n
            a, b, c = (1 - t) ** 2, 2 * (1 - t) * t, t * t
            out.append(tuple(a * start[j] + b * ctrl[j] + c * end[j] for j in range(3)))  # type: ignore[misc]
        start = end
    out.append(pts[-1])
    return out


def render_png(strokes: Sequence[Stroke], width: int = WIDTH) -> bytes:
    """PNG bytes of the signature (RGBA, black ink whose alpha is the coverage)."""
    from PIL import Image, ImageDraw

    height = round(width / PAD_ASPECT)
    big_w, big_h = width * SUPERSAMPLE, height * SUPERSAMPLE
    ink = Image.new("L", (big_w, big_h), 0)
    draw = ImageDraw.Draw(ink)
    margin = MARGIN * big_h
    sx, sy = big_w - 2 * margin, big_h - 2 * margin
    for stroke in strokes:
        line = [(margin + x * sx, margin + y * sy, pen_width(p, big_w)) for x, y, p in smooth(stroke, 0.004)]
        if len(line) == 1:
            x, y, w = line[0]
            draw.ellipse((x - w / 2, y - w / 2, x + w / 2, y + w / 2), fill=255)
            continue
        for (x0, y0, w0), (x1, y1, w1) in zip(line, line[1:]):
            w = (w0 + w1) / 2
            draw.line((x0, y0, x1, y1), fill=255, width=max(1, round(w)))
            r = w / 2  # round joints: no notches where the direction changes
            draw.ellipse((x1 - r, y1 - r, x1 + r, y1 + r), fill=255)
        x, y, w = line[0]
        draw.ellipse((x - w / 2, y - w / 2, x + w / 2, y + w / 2), fill=255)
    alpha = ink.resize((width, height), Image.Resampling.LANCZOS)
    picture = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    picture.putalpha(alpha)
    buf = io.BytesIO()
    picture.save(buf, "PNG", optimize=True)
    return buf.getvalue()
