"""培训考核: the question bank (``resources/training/assessment.md``) and the scoring of answer sheets.

The bank is structured text a trainer edits without a programmer (its format is documented in
``resources/training/README.md``): a ``#`` title, optional introduction, ``##`` group headings
(单项选择题, 判断题), numbered questions with ``A.``–``D.`` options, an ``答案：`` line and an optional
``出处：`` line.  A question without options is a true/false one: its key is 对 (A) or 错 (B).

:func:`parse_assessment` checks everything and raises :class:`AssessmentFormatError` naming the line;
:func:`normalise_answers` reads what a trainer types from a paper sheet (spaces, commas, lower case,
full-width letters, 对/错/√/×); :func:`score` gives a mark out of 100.  No Qt here.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CHOICE = "choice"
JUDGE = "judge"
LETTERS = "ABCD"
TRUE_FALSE = (("A", "对"), ("B", "错"))
FULL_MARKS = 100
# Typed in the answers cell: the attendee did not sit the assessment ("absent" for the English UI).
ABSENT_WORDS = ("缺考", "缺席", "未考", "absent")

_JUDGE_WORDS = {"对": "A", "√": "A", "✓": "A", "✔": "A", "错": "B", "×": "B", "✗": "B", "✘": "B", "X": "B"}
_QUESTION = re.compile(r"^(\d{1,3})\s*[.．、]\s*(.*)$")
_OPTION = re.compile(r"^([A-Za-zＡ-Ｚａ-ｚ])\s*[.．、:：]\s*(.*)$")
_KEY = re.compile(r"^答案\s*[:：]\s*(.*)$")
_SOURCE = re.compile(r"^出处\s*[:：]\s*(.*)$")
_SEPARATORS = re.compile(r"[\s,，、;；。./|]+")


class AssessmentFormatError(ValueError):
    """The bank breaks the format of ``resources/training/README.md`` (the line is named)."""


class AnswersError(ValueError):
    """An answer sheet that cannot be scored; ``template``/``args`` make the Chinese message."""

    def __init__(self, template: str, **args: object) -> None:
        self.template = template
        self.args_ = args
        super().__init__(template.format(**args))


@dataclass(frozen=True)
class Question:
    number: int
    text: str
    options: tuple[tuple[str, str], ...]  # (letter, text); empty for a true/false question
    answer: str  # the key: a letter (true/false: A = 对, B = 错)
    group: str = ""  # the ## heading it is under
    source: str = ""  # 出处

    @property
    def kind(self) -> str:
        return CHOICE if self.options else JUDGE

    @property
    def letters(self) -> str:
        return "".join(letter for letter, _ in self.options) if self.options else "AB"

    @property
    def answer_text(self) -> str:
        """The key as printed: "B", or 对/错."""
        if self.options:
            return self.answer
        return dict(TRUE_FALSE)[self.answer]


@dataclass(frozen=True)
class Assessment:
    title: str
    intro: tuple[str, ...]
    questions: tuple[Question, ...]

    @property
    def key(self) -> str:
        return "".join(q.answer for q in self.questions)

    def groups(self) -> list[tuple[str, list[Question]]]:
        """The questions under their headings, in order."""
        out: list[tuple[str, list[Question]]] = []
        for q in self.questions:
            if not out or out[-1][0] != q.group:
                out.append((q.group, []))
            out[-1][1].append(q)
        return out


def _letter(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch).upper()


def parse_assessment(text: str, source: str = "assessment.md") -> Assessment:
    """The bank from its text; raises :class:`AssessmentFormatError` ("assessment.md 第 12 行：…")."""
    title = ""
    intro: list[str] = []
    group = ""
    questions: list[Question] = []
    cur: dict[str, object] | None = None

    def err(n: int, message: str) -> AssessmentFormatError:
        return AssessmentFormatError(f"{source} 第 {n} 行：{message}")

    def finish(n: int) -> None:
        nonlocal cur
        if cur is None:
            return
        options = tuple(cur["options"])  # type: ignore[call-overload]
        key = cur.get("answer")
        if key is None:
            raise err(int(cur["line"]), f"第 {cur['number']} 题缺少“答案：”行")  # type: ignore[call-overload]
        if options and len(options) < 2:
            raise err(int(cur["line"]), f"第 {cur['number']} 题只有一个选项，单选题至少要两个")  # type: ignore[call-overload]
        letters = "".join(o[0] for o in options) if options else "AB"
        if key not in letters:
            allowed = "、".join(letters) if options else "对、错"
            raise err(int(cur["key_line"]), f"第 {cur['number']} 题的答案只能是 {allowed}")  # type: ignore[call-overload]
        questions.append(Question(int(cur["number"]), str(cur["text"]), options, str(key), group,  # type: ignore[call-overload]
                                  str(cur.get("source") or "")))
        cur = None

    lines = text.lstrip("\ufeff").split("\n")
    for n, raw in enumerate(lines, 1):
        line = raw.strip()
        if not line or line.startswith("<!--"):
            continue
        if line.startswith("#"):
            marks = len(line) - len(line.lstrip("#"))
            heading = line[marks:].strip()
            if marks > 2 or not heading:
                raise err(n, "标题只能用 # （试卷标题）或 ## （题型），且要有文字")
            finish(n)
            if marks == 1:
                if title:
                    raise err(n, "只能有一个 # 试卷标题")
                title = heading
            else:
                group = heading
            continue
        m = _QUESTION.match(line)
        if m and not raw.startswith((" ", "\t")):
            finish(n)
            number = int(m.group(1))
            if number != len(questions) + 1:
                raise err(n, f"题号应为 {len(questions) + 1}，这里是 {number}（题号从 1 开始连续编号）")
            if not m.group(2).strip():
                raise err(n, f"第 {number} 题没有题干")
            cur = {"number": number, "text": m.group(2).strip(), "options": [], "line": n}
            continue
        if cur is None:
            if questions or group:
                raise err(n, "这一行不属于任何题目：题目应以“题号. 题干”开头")
            if not title:
                raise err(n, "第一行应是 # 试卷标题")
            intro.append(line)
            continue
        m = _KEY.match(line)
        if m:
            if "answer" in cur:
                raise err(n, f"第 {cur['number']} 题有两行“答案：”")
            value = m.group(1).strip()
            if not value:
                raise err(n, f"第 {cur['number']} 题的答案是空的")
            if cur["options"]:
                key = _letter(value)
            else:
                key = _JUDGE_WORDS.get(value, _letter(value) if len(value) == 1 else value)
            cur["answer"], cur["key_line"] = key, n
            continue
        m = _SOURCE.match(line)
        if m:
            cur["source"] = m.group(1).strip()
            continue
        m = _OPTION.match(line)
        if m and "answer" not in cur:
            letter = _letter(m.group(1))
            options: list[tuple[str, str]] = cur["options"]  # type: ignore[assignment]
            expected = LETTERS[len(options)] if len(options) < len(LETTERS) else ""
            if letter != expected:
                raise err(n, f"第 {cur['number']} 题的选项应按 A、B、C、D 顺序，最多四个；这里应是 "
                             f"{expected or '（没有更多选项）'}，写的是 {letter}")
            if not m.group(2).strip():
                raise err(n, f"第 {cur['number']} 题的选项 {letter} 没有内容")
            options.append((letter, m.group(2).strip()))
            continue
        if "answer" in cur:
            raise err(n, f"第 {cur['number']} 题的“答案：”之后只能有“出处：”行")
        if cur["options"]:  # a continuation of the last option
            options = cur["options"]  # type: ignore[assignment]
            letter, txt = options[-1]
            options[-1] = (letter, txt + line)
        else:
            cur["text"] = str(cur["text"]) + line
    finish(len(lines))
    if not title:
        raise AssessmentFormatError(f"{source}：缺少 # 试卷标题")
    if not questions:
        raise AssessmentFormatError(f"{source}：没有题目")
    return Assessment(title, tuple(intro), tuple(questions))


def assessment_path() -> Path:
    from ..paths import resources_dir

    return resources_dir() / "training" / "assessment.md"


def load_assessment(path: Path | None = None) -> Assessment:
    """The bank at ``path`` (default: the bundled ``resources/training/assessment.md``)."""
    path = path or assessment_path()
    return _load(str(path), path.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _load(path: str, _mtime: int) -> Assessment:  # re-read when the file changes
    return parse_assessment(Path(path).read_text(encoding="utf-8"), Path(path).name)


# ---------------------------------------------------------------------------------------------
# Answer sheets


def is_absent(answers: str | None) -> bool:
    return bool(answers) and "".join(str(answers).split()).lower() in ABSENT_WORDS


def normalise_answers(answers: str, assessment: Assessment) -> str:
    """The answers as capital letters, one per question, or :class:`AnswersError`.

    Spaces, commas and the like are ignored; lower-case and full-width letters count; 对/√ mean A and
    错/× mean B."""
    from .i18n import MESSAGES, QT_TRANSLATE_NOOP

    text = _SEPARATORS.sub("", unicodedata.normalize("NFKC", answers))
    out = []
    for ch in text:
        letter = _JUDGE_WORDS.get(ch) or _JUDGE_WORDS.get(ch.upper()) or ch.upper()
        if letter not in LETTERS:
            raise AnswersError(QT_TRANSLATE_NOOP(MESSAGES, "答卷中的“{char}”不是选项字母（A～D，判断题填对或错）"),
                               char=ch)
        out.append(letter)
    total = len(assessment.questions)
    if len(out) != total:
        raise AnswersError(QT_TRANSLATE_NOOP(MESSAGES, "答卷有 {n} 个答案，考核共 {total} 题"),
                           n=len(out), total=total)
    for q, letter in zip(assessment.questions, out, strict=True):
        if letter not in q.letters:
            if q.kind == JUDGE:
                raise AnswersError(QT_TRANSLATE_NOOP(MESSAGES, "第 {number} 题是判断题，只能填对（A）或错（B）"),
                                   number=q.number)
            raise AnswersError(QT_TRANSLATE_NOOP(MESSAGES, "第 {number} 题没有选项 {letter}"),
                               number=q.number, letter=letter)
    return "".join(out)


def score(answers: str, assessment: Assessment) -> int:
    """The mark out of 100 (rounded half up) of ``answers``; raises :class:`AnswersError`."""
    given = normalise_answers(answers, assessment)
    right = sum(1 for a, q in zip(given, assessment.questions, strict=True) if a == q.answer)
    return (right * 2 * FULL_MARKS + len(given)) // (2 * len(given))


def wrong_questions(answers: str, assessment: Assessment) -> list[int]:
    """The numbers of the questions answered wrongly (for the results sheet)."""
    given = normalise_answers(answers, assessment)
    return [q.number for a, q in zip(given, assessment.questions, strict=True) if a != q.answer]
