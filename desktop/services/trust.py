"""The trust boundary for files from outside (a JSON dump, soon a sync bundle): bytes to values.

Everything a file gives is checked before anything of it is used: the encoding (UTF-8 only, said so
for UTF-16, GBK or Latin-1 files), the JSON itself (no NaN/Infinity, no 5,000-digit integers, no
nesting deeper than :data:`MAX_DEPTH`), strings (no lone surrogates, bounded length), numbers
(bounded), record counts, form numbers (``domain.numbering``: the kind's prefix, a plausible year,
a laptop code, a sequence) and picture references (64 hexadecimal digits: the picture's SHA-256,
never a path).  A refusal names the record, the field and the reason, in Chinese; nothing is
written.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

from ..domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from ..domain.numbering import parse_number, valid_laptop_code
from ..domain.validation import Issue

MAX_FILE_BYTES = 1 << 30  # 1 GiB: a dump with embedded photos of a whole laptop fits
MAX_DEPTH = 16  # a record is at most record → revisions → record → table → row → value (about 8)
MAX_RECORDS = 200_000
MAX_STRING = 64 << 20  # a base64 photo of 48 MB
MAX_TEXT = 100_000  # a text a person typed
MAX_INT_DIGITS = 18  # fits SQLite's 64-bit integers
YEARS = (2000, 2100)
MAX_SEQUENCE = 999_999

SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_BINARY_KEYS = ("content_base64", "image_base64")


class UntrustedFile(Exception):
    """The file as a whole cannot be read (its encoding or its JSON); the message is for the user."""

    def __init__(self, template: str, **args: Any) -> None:
        self.template = template
        self.args_ = args
        super().__init__(template.format(**args) if args else template)


class _NumberRefused(ValueError):
    def __init__(self, template: str, **args: Any) -> None:
        self.template = template
        self.args_ = args
        super().__init__(template)


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise _NumberRefused(QT_TRANSLATE_NOOP(MESSAGES, "整数位数过多（{digits} 位，最多 {max} 位）"),
                             digits=len(text.lstrip("-")), max=MAX_INT_DIGITS)
    return int(text)


def _parse_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise _NumberRefused(QT_TRANSLATE_NOOP(MESSAGES, "数值 {text} 超出范围"), text=text[:40])
    return value


def _parse_constant(name: str) -> Any:
    raise _NumberRefused(QT_TRANSLATE_NOOP(MESSAGES, "不接受 {name}：应为数字或 null"), name=name)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def decode_json(data: bytes) -> Any:
    """The JSON value of a file's bytes, or :class:`UntrustedFile` saying why not."""
    if len(data) > MAX_FILE_BYTES:
        raise UntrustedFile(QT_TRANSLATE_NOOP(MESSAGES, "文件过大（{size} MB，最多 {max} MB）"),
                            size=len(data) >> 20, max=MAX_FILE_BYTES >> 20)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(data) >= 2 and b"\x00" in data[:4]):
        raise UntrustedFile(QT_TRANSLATE_NOOP(
            MESSAGES, "文件是 UTF-16 或 UTF-32 编码；只接受 UTF-8。请用文本编辑器另存为 UTF-8 后再导入"))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise UntrustedFile(QT_TRANSLATE_NOOP(
            MESSAGES, "文件不是 UTF-8 编码（第 {line} 行，第 {offset} 个字节无法识别）；如为 GBK、Latin-1 等编码，"
                      "请另存为 UTF-8 后再导入"), line=_line_of(data, e.start), offset=e.start + 1) from None
    try:
        return json.loads(text, parse_int=_parse_int, parse_float=_parse_float, parse_constant=_parse_constant)
    except json.JSONDecodeError as e:
        raise UntrustedFile(QT_TRANSLATE_NOOP(MESSAGES, "不是有效的 JSON：第 {line} 行第 {col} 列：{msg}"),
                            line=e.lineno, col=e.colno, msg=e.msg) from None
    except _NumberRefused as e:
        raise UntrustedFile(QT_TRANSLATE_NOOP(MESSAGES, "不是可接受的 JSON：{reason}"),
                            reason=e.template.format(**e.args_)) from None
    except RecursionError:
        raise UntrustedFile(QT_TRANSLATE_NOOP(MESSAGES, "不是可接受的 JSON：嵌套层数过深（最多 {max} 层）"),
                            max=MAX_DEPTH) from None
    except ValueError as e:  # the interpreter's own limit on integer digits
        raise UntrustedFile(QT_TRANSLATE_NOOP(MESSAGES, "不是可接受的 JSON：{reason}"), reason=str(e)[:120]) from None


def top_level_issue(data: Any) -> Issue | None:
    """Why the file's value as a whole is not one record or a list of records, else ``None``."""
    if isinstance(data, list):
        if len(data) > MAX_RECORDS:
            return Issue("", QT_TRANSLATE_NOOP(MESSAGES, "文件中的记录过多（最多 {max} 条）"), {"max": MAX_RECORDS})
        return None
    if isinstance(data, Mapping):
        return None
    return Issue("", QT_TRANSLATE_NOOP(MESSAGES, "应为 JSON 对象（一个记录对象或记录数组）"))


def structure_issues(obj: Any) -> list[Issue]:
    """Shape problems anywhere in one record object: depth, strings (surrogates, length), keys,
    numbers.  Walked without recursion, so no depth can overflow the stack here.  A sync checks
    every value of thousands of records: a record is first looked over as a whole
    (:func:`_looks_sound`), and walked value by value, each with its path (``items[2].batch_no``),
    only when something may be wrong."""
    if _looks_sound(obj):
        return []
    return _issues_by_value(obj)


_INT_LIMIT = 10 ** MAX_INT_DIGITS
_SUSPECT_RE = re.compile("[\ud800-\udfff\x00]")  # a lone surrogate, or NUL (refused in a value)


def _looks_sound(obj: Any) -> bool:
    """True when :func:`_issues_by_value` would find nothing, worked out without paths: a level at a
    time, every key and string searched as one text for a lone surrogate or NUL.  False also for
    anything unusual (a deep level, a type JSON does not give, a string longer than a typed text —
    an embedded picture —, NUL in a key): the walk by value then says exactly what, if anything, is
    wrong."""
    if type(obj) is not dict:
        return False
    keys: list[Any] = []
    strings: list[str] = []
    level: list[Any] = [obj]
    depth = 0
    while level:
        if depth >= MAX_DEPTH:
            return False
        below: list[Any] = []
        for container in level:
            if type(container) is dict:
                keys.extend(container)
                values: Any = container.values()
            else:
                values = container
            for value in values:
                kind = type(value)
                if kind is str:
                    if len(value) > MAX_TEXT:
                        return False
                    strings.append(value)
                elif kind is dict or kind is list:
                    below.append(value)
                elif value is None or kind is bool:
                    pass
                elif kind is int:
                    if not -_INT_LIMIT < value < _INT_LIMIT:
                        return False
                elif kind is float:
                    if not -1e15 < value < 1e15:  # NaN too
                        return False
                else:
                    return False
        level = below
        depth += 1
    try:
        names = "".join(keys)  # a key that is not text: TypeError
    except TypeError:
        return False
    if keys and max(map(len, keys)) > 200:
        return False
    return _SUSPECT_RE.search(names) is None and _SUSPECT_RE.search("".join(strings)) is None


def _issues_by_value(obj: Any) -> list[Issue]:
    issues: list[Issue] = []
    # (where: the parent's entry and this value's key or index, or None for the object), value, depth, binary
    stack: list[tuple[Any, Any, int, bool]] = [(None, obj, 0, False)]
    while stack and len(issues) < 20:
        where, value, depth, binary = stack.pop()
        if depth > MAX_DEPTH:
            issues.append(Issue(_path(where), QT_TRANSLATE_NOOP(MESSAGES, "嵌套层数过深（最多 {max} 层）"),
                                {"max": MAX_DEPTH}))
            continue
        kind = type(value)
        if kind is str or isinstance(value, str):
            if _SURROGATE_RE.search(value):
                issues.append(Issue(_path(where), QT_TRANSLATE_NOOP(MESSAGES, "含有无法识别的字符（不完整的 Unicode 代理项）")))
            elif "\x00" in value:
                issues.append(Issue(_path(where), QT_TRANSLATE_NOOP(MESSAGES, "含有无效的字符（NUL）")))
            limit = MAX_STRING if binary else MAX_TEXT
            if len(value) > limit:
                issues.append(Issue(_path(where), QT_TRANSLATE_NOOP(MESSAGES, "文字过长（{n} 个字符，最多 {max} 个）"),
                                    {"n": len(value), "max": limit}))
        elif value is None or kind is bool or isinstance(value, bool):
            continue
        elif kind is int or isinstance(value, int):
            if abs(value) >= 10 ** MAX_INT_DIGITS:
                issues.append(Issue(_path(where), QT_TRANSLATE_NOOP(MESSAGES, "数值过大")))
        elif kind is float or isinstance(value, float):
            if math.isnan(value) or abs(value) >= 1e15:
                issues.append(Issue(_path(where), QT_TRANSLATE_NOOP(MESSAGES, "数值过大")))
        elif kind is dict or isinstance(value, Mapping):
            for key, item in value.items():
                if not isinstance(key, str) or _SURROGATE_RE.search(key) or len(key) > 200:
                    issues.append(Issue(_path(where), QT_TRANSLATE_NOOP(MESSAGES, "字段名无效")))
                    continue
                stack.append(((where, key), item, depth + 1, key in _BINARY_KEYS))
        elif kind is list or isinstance(value, list):
            for i, item in enumerate(value):
                stack.append(((where, i), item, depth + 1, binary))
    return issues


def _path(where: Any) -> str:
    """``a.b[2].c`` of a value's place as :func:`structure_issues` keeps it (a chain of (parent, step))."""
    steps = []
    while where is not None:
        where, step = where
        steps.append(step)
    out = ""
    for step in reversed(steps):
        if isinstance(step, int):
            out += f"[{step}]"
        else:
            out = f"{out}.{step}" if out else step
    return out


def number_issue(number: Any, prefix: str) -> Issue | None:
    """Why ``number`` is not a form number of a kind whose prefix is ``prefix``, else ``None``."""
    if not isinstance(number, str):
        return Issue("number", QT_TRANSLATE_NOOP(MESSAGES, "编号应为文字，如 {example}"),
                     {"example": f"{prefix}-2026-A3-0007"})
    parsed = parse_number(number)
    if parsed is None:
        return Issue("number", QT_TRANSLATE_NOOP(MESSAGES, "“{number}”不是有效的编号：应为 前缀-年份-本机代号-序号，如 {example}"),
                     {"number": number[:60], "example": f"{prefix}-2026-A3-0007"})
    got_prefix, year, laptop, seq = parsed
    if got_prefix != prefix:
        return Issue("number", QT_TRANSLATE_NOOP(MESSAGES, "编号 {number} 的前缀 {got} 不是这类记录的（应为 {prefix}）"),
                     {"number": number, "got": got_prefix, "prefix": prefix})
    if not YEARS[0] <= year <= YEARS[1]:
        return Issue("number", QT_TRANSLATE_NOOP(MESSAGES, "编号 {number} 的年份 {year} 不合理"),
                     {"number": number, "year": year})
    if not valid_laptop_code(laptop):
        return Issue("number", QT_TRANSLATE_NOOP(MESSAGES, "编号 {number} 的本机代号 {laptop} 无效"),
                     {"number": number, "laptop": laptop})
    if not 1 <= seq <= MAX_SEQUENCE:
        return Issue("number", QT_TRANSLATE_NOOP(MESSAGES, "编号 {number} 的序号 {seq} 无效（应为 1 到 {max}）"),
                     {"number": number, "seq": seq, "max": MAX_SEQUENCE})
    return None


def valid_sha256(value: Any) -> bool:
    """A picture reference: 64 lower-case hexadecimal digits (never a file name or a path)."""
    return isinstance(value, str) and bool(SHA256_RE.match(value))
