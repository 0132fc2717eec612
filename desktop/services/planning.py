"""Follow-ups planned by themselves (issue 6): the save hooks of ``RecordService``.

Filled in by the service desk work; each hook is ``hook(service, session, record, status_before)``.
"""

from __future__ import annotations

SAVE_HOOKS: list = []
