"""Small PNG pictures made without any imaging library (examples, demo data, tests)."""

from __future__ import annotations

import struct
import zlib


def _chunk(tag: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)


def make_png(width: int = 160, height: int = 120, rgb: tuple[int, int, int] = (200, 80, 60), stripe: int = 0) -> bytes:
    """An RGB PNG: a plain colour with a darker diagonal band (``stripe`` shifts it)."""
    r, g, b = rgb
    rows = []
    for y in range(height):
        line = bytearray(b"\x00")
        for x in range(width):
            band = abs((x + stripe) - y * width // max(height, 1)) < width // 10
            line += bytes((r // 2, g // 2, b // 2) if band else (r, g, b))
        rows.append(bytes(line))
    raw = b"".join(rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", zlib.compress(raw, 9)) + _chunk(b"IEND", b"")
