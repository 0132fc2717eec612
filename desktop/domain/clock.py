"""An injectable clock: rules that depend on "today" take it from here, tests set it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable


class Clock:
    def __init__(self, now: Callable[[], dt.datetime] | None = None) -> None:
        self._now = now or (lambda: dt.datetime.now().astimezone())

    def now(self) -> dt.datetime:
        """Aware local time (stored in UTC by the storage layer)."""
        return self._now()

    def today(self) -> dt.date:
        return self._now().date()


class FixedClock(Clock):
    def __init__(self, at: dt.datetime) -> None:
        if at.tzinfo is None:
            at = at.replace(tzinfo=dt.timezone.utc)
        self.at = at
        super().__init__(lambda: self.at)
