"""The reports' charts, drawn by matplotlib for the screen (its Qt canvas, ``ui.reports_page``) and the
PDF (its SVG output, as a ReportLab drawing through svglib: vector, not a picture).

* Chinese labels are set in the bundled WenQuanYi Micro Hei (``paths.font_path()``), registered with
  matplotlib once; the SVG keeps them as text (``svg.fonttype = none``) and svglib sets that text in
  the same font ReportLab embeds for the tables (:func:`_set_font`): the chart's words are real,
  searchable text, and converting a chart takes a fraction of the time glyph outlines took.
* Black and white first: bars are black, grey and white with hatching, outlined in black; lines are
  black with their own dash pattern and marker, so every series still reads on a monochrome printer.
* matplotlib is imported on first use (about 0.3 s), never at start-up.
"""

from __future__ import annotations

import io
import threading
from typing import Any

from ..domain.reports import Chart

BAR_STYLES = (  # (face colour, hatch)
    ("#222222", ""),
    ("#ffffff", "///"),
    ("#9a9a9a", ""),
    ("#ffffff", "..."),
    ("#5a5a5a", ""),
    ("#ffffff", "xx"),
)
LINE_STYLES = (("-", "o"), ("--", "s"), (":", "^"), ("-.", "D"))
_lock = threading.Lock()
_family: str | None = None


def font_family() -> str:
    """Register the bundled font with matplotlib (once) and return its family name."""
    global _family
    if _family is not None:
        return _family
    with _lock:
        if _family is None:
            from matplotlib import font_manager

            from ..paths import font_path

            path = str(font_path())
            font_manager.fontManager.addfont(path)
            _family = font_manager.FontProperties(fname=path).get_name()
    return _family


def _rc() -> dict[str, Any]:
    return {"font.family": [font_family()], "font.size": 9, "axes.unicode_minus": False,
            "svg.fonttype": "none", "hatch.linewidth": 0.6, "axes.edgecolor": "#000000"}


def draw_chart(fig: Any, chart: Chart) -> None:
    """Draw ``chart`` on the matplotlib figure ``fig`` (cleared first)."""
    import matplotlib

    with matplotlib.rc_context(_rc()):
        fig.clear()
        ax = fig.add_subplot(111)
        ax.set_title(chart.title, fontsize=10.5)
        n = max(1, len(chart.series))
        cats = list(chart.categories)
        if not cats:
            ax.text(0.5, 0.5, "（无数据）", ha="center", va="center", transform=ax.transAxes)
            ax.set_xticks([])
            ax.set_yticks([])
            return
        if chart.kind == "line":
            for i, (name, values) in enumerate(chart.series):
                ls, marker = LINE_STYLES[i % len(LINE_STYLES)]
                ax.plot(range(len(cats)), values, color="black", linestyle=ls, marker=marker, markersize=4,
                        markerfacecolor="white" if i % 2 else "black", linewidth=1.2, label=name)
            ax.set_xticks(range(len(cats)), cats, rotation=45 if len(cats) > 6 else 0, ha="right" if len(cats) > 6
                          else "center")
            ax.set_ylabel(chart.value_label)
            ax.set_ylim(bottom=0, top=chart.max_value)
        else:
            width = 0.8 / n
            horizontal = chart.kind == "barh"
            for i, (name, values) in enumerate(chart.series):
                face, hatch = BAR_STYLES[i % len(BAR_STYLES)]
                pos = [k - 0.4 + width * (i + 0.5) for k in range(len(cats))]
                draw = ax.barh if horizontal else ax.bar
                draw(pos, values, width * 0.92, color=face, hatch=hatch, edgecolor="black", linewidth=0.6,
                     label=name)
            if horizontal:
                ax.set_yticks(range(len(cats)), cats)
                ax.invert_yaxis()
                ax.set_xlabel(chart.value_label)
                ax.set_xlim(left=0, right=chart.max_value)
            else:
                rotate = len(cats) > 5 or max(len(c) for c in cats) > 6
                ax.set_xticks(range(len(cats)), cats, rotation=30 if rotate else 0, ha="right" if rotate else "center")
                ax.set_ylabel(chart.value_label)
                ax.set_ylim(bottom=0, top=chart.max_value)
        counts = all(float(v).is_integer() for _n, values in chart.series for v in values)
        if counts and chart.max_value is None:  # counts: whole-number ticks only
            from matplotlib.ticker import MaxNLocator

            (ax.xaxis if chart.kind == "barh" else ax.yaxis).set_major_locator(MaxNLocator(integer=True))
        if n > 1:
            ax.legend(fontsize=8, frameon=False)
        ax.grid(axis="x" if chart.kind == "barh" else "y", color="#bbbbbb", linewidth=0.4)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        fig.tight_layout()


def chart_svg(chart: Chart, width_cm: float = 17.0, height_cm: float = 7.5) -> bytes:
    """The chart as SVG, text as outlines (no font needed to show it)."""
    import matplotlib
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width_cm / 2.54, height_cm / 2.54))
    draw_chart(fig, chart)
    out = io.BytesIO()
    with matplotlib.rc_context(_rc()):
        fig.savefig(out, format="svg", metadata={"Date": None})
    return out.getvalue()


def _set_font(node: Any, font: str) -> None:
    """Set every text of the converted chart in ``font`` (the one ReportLab embeds for the tables):
    svglib would look for a font file by matplotlib's family name."""
    from reportlab.graphics.shapes import String

    if isinstance(node, String):
        node.fontName = font
    for child in getattr(node, "contents", None) or ():
        _set_font(child, font)


def chart_drawing(chart: Chart, width: float, height: float) -> Any:
    """The chart as a ReportLab ``Drawing`` of ``width`` × ``height`` points (vector)."""
    from svglib.svglib import svg2rlg

    drawing = svg2rlg(io.BytesIO(chart_svg(chart, width / 72 * 2.54, height / 72 * 2.54)))
    sx, sy = width / drawing.width, height / drawing.height
    drawing.scale(sx, sy)
    drawing.width, drawing.height = width, height
    # The text is outlines, but the renderer still sets a font: the bundled one, so no Helvetica is
    # referenced (PITFALLS: every document names an unembedded Helvetica unless told otherwise).
    from .fonts import ensure_fonts

    font = ensure_fonts()
    _set_font(drawing, font)
    drawing.initialFontName = font
    return drawing
