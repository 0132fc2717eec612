"""Photos stored once, named by the SHA-256 of their content, under ``<data>/photos/ab/…``.

A photo is written to a temporary file in the same folder, flushed to disk and renamed into place,
so a crash leaves either the whole file or none.  Files are never deleted by the application:
complaint evidence is kept for five years (source 第二节四(二)).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from ..domain.fields import Photo
from .files import write_atomically

ALLOWED_TYPES = {"image/jpeg", "image/png", "image/bmp", "image/gif", "image/tiff", "image/webp"}
_MAGIC = (
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"BM", "image/bmp"),
    (b"GIF8", "image/gif"),
    (b"II*\x00", "image/tiff"),
    (b"MM\x00*", "image/tiff"),
)


_SHA256_RE = re.compile(r"^[0-9a-f]{64}$")


class PhotoError(Exception):
    """The file is not a picture we can keep; the message is for the user."""


def sniff_media_type(data: bytes, filename: str = "") -> str:
    for magic, media in _MAGIC:
        if data.startswith(magic):
            return media
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    raise PhotoError(f"“{filename or '文件'}”不是可识别的图片（支持 JPEG、PNG、BMP、GIF、TIFF、WebP）")


class PhotoStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        """The file of a picture; ``sha256`` must be 64 hexadecimal digits (a reference from a file
        is never allowed to name a path such as ``../keys/laptop-key.pem``)."""
        if not isinstance(sha256, str) or not _SHA256_RE.match(sha256):
            raise PhotoError("图片引用无效：应为 64 位十六进制的 SHA-256")
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        try:
            return self.path_for(sha256).is_file()
        except PhotoError:
            return False

    def holds(self, sha256: str) -> bool:
        """The picture is in the store and its bytes are the ones its name promises."""
        if not self.has(sha256):
            return False
        try:
            return hashlib.sha256(self.path_for(sha256).read_bytes()).hexdigest() == sha256
        except OSError:
            return False

    def add_bytes(self, data: bytes, filename: str, caption: str = "") -> Photo:
        media = sniff_media_type(data, filename)
        digest = hashlib.sha256(data).hexdigest()
        target = self.path_for(digest)
        if not target.exists():
            write_atomically(target, data)
        return Photo(sha256=digest, filename=Path(filename).name, caption=caption, media_type=media)

    def add_file(self, path: Path, caption: str = "") -> Photo:
        try:
            data = path.read_bytes()
        except OSError as e:
            raise PhotoError(f"无法读取图片文件 {path}：{e.strerror}") from e
        return self.add_bytes(data, path.name, caption)

    def read(self, sha256: str) -> bytes:
        return self.path_for(sha256).read_bytes()
