"""Signatures captured on the screen: the strokes as drawn, who signed, in which role, when, and the
content hash of the revision they sign.

A signature belongs to one revision of one record (``Record.revision``).  It signs the revision's
content hash (``records.content_hash``, which leaves signatures out: a signature is added *to* a
revision, it is not part of what is signed).  Changing a signed revision makes a new one
(``services.records``), so the stored hash always equals the hash of the revision it is attached
to: a signature can never end up under content the signer did not see.

Strokes are vectors in a normalised space: ``x`` from 0 (left) to 1 (right) and ``y`` from 0 (top)
to 1 (bottom) of a pad whose width is :data:`PAD_ASPECT` times its height; ``pressure`` from 0 to 1
(a mouse gives :data:`DEFAULT_PRESSURE`); ``t_ms`` milliseconds since the first point of the
signature.  The picture printed on the PDF is rendered from them (``services.signature_image``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

_HEX64 = re.compile(r"^[0-9a-f]{64}$")
PAD_ASPECT = 3.0  # width : height of the pad, of the rendered picture and of the printed box
DEFAULT_PRESSURE = 0.5

Point = tuple[float, float, float, int]  # x, y, pressure, t_ms
Stroke = tuple[Point, ...]


@dataclass(frozen=True)
class Signature:
    """One captured signature in one signature block of one revision."""

    block: str  # SignatureBlock.key
    name: str  # the signer's name as confirmed in the dialog
    role: str  # the block's label (投诉人, 客户, 总经理, …)
    signed_at: dt.datetime  # aware
    revision: int
    content_hash: str  # content_hash of the revision, at signing time
    strokes: tuple[Stroke, ...]
    image_sha256: str  # the rendered PNG, in the data folder's content-addressed store
    id: str | None = field(default=None, compare=False)
    # How ``content_hash`` was worked out (``records.HASH_SCHEME``): 1 for signatures made before
    # schema 0006, 2 since.
    hash_scheme: int = 2


class StrokeError(ValueError):
    """Strokes that cannot be a signature (no ink, numbers outside the pad)."""


def _num(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise StrokeError("not a number")
    return float(value)


def normalise_strokes(strokes: Iterable[Iterable[Sequence[Any]]]) -> tuple[Stroke, ...]:
    """Clamp and round the points (4 decimals: 0.1 mm on a 30 cm pad) so that JSON round-trips them
    exactly; drop empty strokes; refuse anything that is not a list of (x, y, pressure, t_ms)."""
    out: list[Stroke] = []
    try:
        for stroke in strokes:
            points: list[Point] = []
            for p in stroke:
                if len(p) != 4:
                    raise StrokeError("a point is x, y, pressure, t_ms")
                x = min(max(_num(p[0]), 0.0), 1.0)
                y = min(max(_num(p[1]), 0.0), 1.0)
                pressure = min(max(_num(p[2]), 0.0), 1.0)
                t = max(int(_num(p[3])), 0)
                points.append((round(x, 4), round(y, 4), round(pressure, 3), t))
            if points:
                out.append(tuple(points))
    except TypeError as e:
        raise StrokeError("strokes are lists of points") from e
    if not out:
        raise StrokeError("no ink")
    return tuple(out)


def strokes_to_json(strokes: Sequence[Stroke]) -> list[list[list[float | int]]]:
    return [[[x, y, p, t] for x, y, p, t in stroke] for stroke in strokes]


def signature_to_json(sig: Signature, image_base64: str | None = None) -> dict[str, Any]:
    from .records import _dt  # one format for every time in the JSON

    out: dict[str, Any] = {
        "block": sig.block,
        "name": sig.name,
        "role": sig.role,
        "signed_at": _dt(sig.signed_at),
        "revision": sig.revision,
        "content_hash": sig.content_hash,
        "image_sha256": sig.image_sha256,
        "strokes": strokes_to_json(sig.strokes),
        "hash_scheme": sig.hash_scheme,
    }
    if image_base64 is not None:
        out["image_base64"] = image_base64
    return out


def signature_from_json(obj: Mapping[str, Any]) -> Signature:
    """A signature object of the JSON format; raises ``ValueError`` naming what is wrong."""
    from .records import _parse_dt

    if not isinstance(obj, Mapping):
        raise ValueError("signature is not an object")
    signed_at = _parse_dt(obj.get("signed_at"))
    if signed_at is None:
        raise ValueError("signed_at")
    for key in ("block", "name", "role", "content_hash", "image_sha256"):
        if not isinstance(obj.get(key), str) or (key != "name" and not obj.get(key)):
            raise ValueError(key)
    revision = obj.get("revision")
    if not isinstance(revision, int) or isinstance(revision, bool) or revision < 1:
        raise ValueError("revision")
    scheme = obj.get("hash_scheme", 1)  # absent in files written before schema 0006
    if scheme not in (1, 2):
        raise ValueError("hash_scheme")
    if not _HEX64.match(obj["content_hash"]) or not _HEX64.match(obj["image_sha256"]):
        raise ValueError("hash")
    return Signature(
        block=obj["block"],
        name=obj["name"],
        role=obj["role"],
        signed_at=signed_at,
        revision=revision,
        content_hash=obj["content_hash"],
        strokes=normalise_strokes(obj.get("strokes") or []),
        image_sha256=obj["image_sha256"],
        hash_scheme=scheme,
    )


@dataclass(frozen=True)
class RevisionInfo:
    """One revision of a record as its history lists it (``RecordService.revisions``)."""

    revision: int
    saved_at: dt.datetime  # when its content was last saved (the revision's ``updated_at``)
    content_hash: str
    signatures: tuple[Signature, ...]
    current: bool = False
