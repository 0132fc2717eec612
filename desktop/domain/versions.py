"""Versions of a record, and how a copy of it that arrives (a dump, later a sync) relates to ours.

Every write of a record makes a new version.  A version is named by a tag worked out from the tag
of the version before it, the content hash and the signatures (:func:`version_tag`), so the same
change of the same version makes the same tag on any laptop, and the list of tags a record went
through (its lineage) tells, for two copies of one record, which is which:

- the same tag: the same version (nothing to do);
- our tag is in the other copy's lineage: the other is newer and descends from ours (apply it);
- its tag is in our lineage: the other copy is older (keep ours);
- neither: both sides changed the record since they last agreed (a conflict, kept to resolve).

A conflict resolved makes a new version whose lineage holds both sides' versions, so each side then
sees it as newer than its own.

This is how ODK Central tells entity versions apart (a version names the version it was based on)
rather than comparing field by field: a record is judged whole, as it was signed and printed.
Records saved before schema 0006 have no tag yet; theirs is worked out from their content, with an
empty parent, so two laptops holding the same old record agree on it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from .i18n import MESSAGES, QT_TRANSLATE_NOOP
from .signatures import Signature
from .validation import Issue

TAG_RE = re.compile(r"^[0-9a-f]{32}$")
MAX_HISTORY = 100_000  # versions of one record in a file: far beyond any real record

SAME = "same"
NEWER = "newer"  # the arriving copy descends from ours
OLDER = "older"  # ours descends from the arriving copy
DIVERGED = "diverged"  # both changed since a common version (or none is known)


def _utc(at: dt.datetime) -> str:
    """A moment written one way whatever zone it is held in (a copy read back from a file or the
    database holds the same moment in UTC that was signed at +08:00)."""
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.timezone.utc)
    return at.astimezone(dt.timezone.utc).isoformat()


def version_tag(parent: str, content_hash: str, signatures: Iterable[Signature]) -> str:
    """The tag of a version: its parent's tag, its content and who signed which revision."""
    sigs = sorted(f"{s.revision}:{s.block}:{s.content_hash}:{s.name}:{_utc(s.signed_at)}" for s in signatures)
    text = "\n".join([parent, content_hash, *sigs])
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True)
class VersionEntry:
    """One version in a record's lineage: its number and tag, when, by whom, through what, where."""

    version: int
    tag: str
    parent: str = ""
    at: dt.datetime | None = None
    by: str = ""
    via: str = ""
    laptop: str = ""


def relation(ours: str, our_lineage: Sequence[str], theirs: str, their_lineage: Sequence[str]) -> str:
    """How an arriving copy (``theirs``, with its lineage) relates to ours (see the module text)."""
    if ours == theirs:
        return SAME
    if ours in their_lineage:
        return NEWER
    if theirs in our_lineage:
        return OLDER
    return DIVERGED


def version_history_to_json(entries: Sequence[VersionEntry]) -> list[dict[str, Any]]:
    from .records import _dt

    return [{"version": e.version, "tag": e.tag, "parent": e.parent, "at": _dt(e.at) if e.at else None,
             "by": e.by, "via": e.via, "laptop": e.laptop} for e in entries]


def version_history_from_json(items: Any, issues: list[Issue]) -> list[VersionEntry]:
    """The lineage of a record in a file: every version it went through (after a conflict was
    resolved, the versions of both sides), oldest first, its current version last."""
    from .records import _parse_dt

    if items is None:
        return []
    if not isinstance(items, list) or len(items) > MAX_HISTORY:
        issues.append(Issue("version_history", QT_TRANSLATE_NOOP(MESSAGES, "应为多行列表")))
        return []
    out: list[VersionEntry] = []
    for i, item in enumerate(items):
        path = f"version_history[{i}]"
        ok = isinstance(item, dict)
        n = item.get("version") if ok else None
        tag = item.get("tag") if ok else None
        parent = item.get("parent") if ok else None
        texts = [item.get(k, "") for k in ("by", "via", "laptop")] if ok else []
        if (not ok or not isinstance(n, int) or isinstance(n, bool) or n < 1 or not isinstance(tag, str)
                or not TAG_RE.match(tag) or not isinstance(parent, str) or (parent and not TAG_RE.match(parent))
                or not all(isinstance(t, str) and len(t) <= 40 for t in texts)):
            issues.append(Issue(path, QT_TRANSLATE_NOOP(MESSAGES, "版本记录不完整")))
            return []
        if any(e.tag == tag for e in out):
            issues.append(Issue(path, QT_TRANSLATE_NOOP(MESSAGES, "版本历史中标识重复")))
            return []
        out.append(VersionEntry(n, tag, parent, _parse_dt(item.get("at")), *texts))
    return out
