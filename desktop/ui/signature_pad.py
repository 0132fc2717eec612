"""The signature pad: write with a mouse, a touchpad, a finger on a touch screen or a pen.

Points are kept in the normalised space of ``domain.signatures`` (x and y from 0 to 1 over a pad
:data:`PAD_ASPECT` times as wide as it is high, pressure 0–1, milliseconds since the first point),
so what is stored does not depend on the size of the window.  A pen (``QTabletEvent``) gives its
pressure, which sets the width of the line; a touch screen sends touch events (one finger writes);
a mouse or touchpad writes at :data:`DEFAULT_PRESSURE`.  Strokes are drawn smoothed through the
midpoints of successive points (quadratic curves), as ``services.signature_image`` renders them for
the PDF, so the picture on paper looks like the one on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..domain.signatures import DEFAULT_PRESSURE, PAD_ASPECT, Point

BASE_WIDTH = 0.0065  # of the pad's width at pressure 0.5: the same as the printed picture


class SignaturePad(QWidget):
    """A white writing area with a base line; ``strokes()`` gives what was written."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signature_pad")
        self.setAccessibleName(self.tr("签字板"))
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setMinimumSize(480, 160)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self._strokes: list[list[Point]] = []
        self._current: list[Point] | None = None
        self._clock = QElapsedTimer()
        self._tablet_down = False  # a pen sends mouse events too: ignore those while it writes

    # ------------------------------------------------------------------ content

    def strokes(self) -> list[list[Point]]:
        return [list(s) for s in self._strokes]

    def is_empty(self) -> bool:
        return not self._strokes

    def clear(self) -> None:
        self._strokes = []
        self._current = None
        self._clock.invalidate()
        self.update()
        self.changed.emit()

    def undo(self) -> None:
        """Take back the last stroke."""
        if self._strokes:
            self._strokes.pop()
            self.update()
            self.changed.emit()

    # ------------------------------------------------------------------ geometry

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(840, 280)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return round(width / PAD_ASPECT)

    def pad_rect(self) -> QRectF:
        """The largest rectangle of the pad's proportions, centred in the widget."""
        w, h = float(self.width()), float(self.height())
        if w / h > PAD_ASPECT:
            pw, ph = h * PAD_ASPECT, h
        else:
            pw, ph = w, w / PAD_ASPECT
        return QRectF((w - pw) / 2, (h - ph) / 2, pw, ph)

    def _normalise(self, pos: QPointF) -> tuple[float, float]:
        r = self.pad_rect()
        x = (pos.x() - r.left()) / r.width()
        y = (pos.y() - r.top()) / r.height()
        return min(max(x, 0.0), 1.0), min(max(y, 0.0), 1.0)

    def _to_widget(self, x: float, y: float) -> QPointF:
        r = self.pad_rect()
        return QPointF(r.left() + x * r.width(), r.top() + y * r.height())

    # ------------------------------------------------------------------ writing

    def _t(self) -> int:
        if not self._clock.isValid():
            self._clock.start()
        return int(self._clock.elapsed())

    def begin_stroke(self, pos: QPointF, pressure: float = DEFAULT_PRESSURE) -> None:
        x, y = self._normalise(pos)
        self._current = [(x, y, pressure, self._t())]
        self._strokes.append(self._current)
        self.update()

    def extend_stroke(self, pos: QPointF, pressure: float = DEFAULT_PRESSURE) -> None:
        if self._current is None:
            return
        x, y = self._normalise(pos)
        last = self._current[-1]
        if abs(x - last[0]) < 1e-4 and abs(y - last[1]) < 1e-4:
            return
        self._current.append((x, y, pressure, self._t()))
        self.update()

    def end_stroke(self) -> None:
        if self._current is not None:
            self._current = None
            self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and not self._tablet_down \
                and event.source() != Qt.MouseEventSource.MouseEventSynthesizedBySystem:
            self.begin_stroke(event.position())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.buttons() & Qt.MouseButton.LeftButton and not self._tablet_down:
            self.extend_stroke(event.position())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and not self._tablet_down:
            self.end_stroke()
        event.accept()

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802
        """A pen: its pressure sets the width (one that reports none writes as a mouse does)."""
        pressure = event.pressure() if event.pressure() > 0.0 else DEFAULT_PRESSURE
        match event.type():
            case QTabletEvent.Type.TabletPress:
                self._tablet_down = True
                self.begin_stroke(event.position(), pressure)
            case QTabletEvent.Type.TabletMove:
                if self._tablet_down:
                    self.extend_stroke(event.position(), pressure)
            case QTabletEvent.Type.TabletRelease:
                self._tablet_down = False
                self.end_stroke()
        event.accept()

    def event(self, event) -> bool:  # type: ignore[no-untyped-def]  # noqa: A003
        """A touch screen: the first finger writes (a second one is ignored, not a second line)."""
        kind = event.type()
        if kind in (QTouchEvent.Type.TouchBegin, QTouchEvent.Type.TouchUpdate, QTouchEvent.Type.TouchEnd,
                    QTouchEvent.Type.TouchCancel):
            assert isinstance(event, QTouchEvent)
            points = event.points()
            if points:
                p = points[0]
                pressure = p.pressure() if 0.0 < p.pressure() < 1.0 else DEFAULT_PRESSURE
                if kind == QTouchEvent.Type.TouchBegin:
                    self.begin_stroke(p.position(), pressure)
                elif kind == QTouchEvent.Type.TouchUpdate:
                    self.extend_stroke(p.position(), pressure)
            if kind in (QTouchEvent.Type.TouchEnd, QTouchEvent.Type.TouchCancel):
                self.end_stroke()
            event.accept()
            return True
        return super().event(event)

    # ------------------------------------------------------------------ drawing

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().window())
        r = self.pad_rect()
        p.fillRect(r, QColor("white"))
        p.setPen(QPen(QColor("#b8c0cc"), 1))
        p.drawRect(r.adjusted(0.5, 0.5, -0.5, -0.5))
        base_y = r.top() + r.height() * 0.78
        p.setPen(QPen(QColor("#c8ced8"), 1, Qt.PenStyle.DashLine))
        p.drawLine(QPointF(r.left() + r.width() * 0.05, base_y), QPointF(r.right() - r.width() * 0.05, base_y))
        if not self._strokes:
            p.setPen(QColor("#9aa3b0"))
            p.drawText(r, Qt.AlignmentFlag.AlignCenter, self.tr("请在此处签字"))
        for stroke in self._strokes:
            self._draw_stroke(p, stroke, r.width())
        p.end()

    def _draw_stroke(self, p: QPainter, stroke: list[Point], width: float) -> None:
        pts = [(self._to_widget(x, y), pressure) for x, y, pressure, _t in stroke]

        def pen(pressure: float) -> QPen:
            w = width * BASE_WIDTH * (0.4 + 1.2 * pressure)
            return QPen(QColor("black"), max(w, 1.0), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                        Qt.PenJoinStyle.RoundJoin)

        if len(pts) == 1:
            p.setPen(pen(pts[0][1]))
            p.drawPoint(pts[0][0])
            return
        if len(pts) == 2:
            p.setPen(pen((pts[0][1] + pts[1][1]) / 2))
            p.drawLine(pts[0][0], pts[1][0])
            return
        # Quadratic curves through the midpoints; each piece has its own width (the pressure).
        start = (pts[0][0] + pts[1][0]) / 2
        p.setPen(pen(pts[0][1]))
        p.drawLine(pts[0][0], start)
        for i in range(1, len(pts) - 1):
            ctrl, end = pts[i][0], (pts[i][0] + pts[i + 1][0]) / 2
            path = QPainterPath(start)
            path.quadTo(ctrl, end)
            p.setPen(pen(pts[i][1]))
            p.drawPath(path)
            start = end
        p.setPen(pen(pts[-1][1]))
        p.drawLine(start, pts[-1][0])
