"""年度顾客满意度调查分析 (source: 每年一次顾客满意度调查; 让客户填写售后服务满意度调查表).

For the year ``[start, end)``: which customers (the customer register's units still served, 合作中)
had a yearly survey (年度调查) issued this year and which not yet; how many surveys came back; the
average and distribution of each of the seven items and of the overall score, with last year's
average beside it; the scores per staff member whose visit a survey followed (a survey made from a
service report: the report's 服务人员); and every low score (1–2) with what was done about it (the
records made from that survey: a follow-up, a service report, a complaint).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...domain import customer as cu
from ...domain import service_report as sr
from ...domain import survey as sv
from ...domain.forms import SPECS
from ...domain.i18n import QT_TRANSLATE_NOOP
from ...domain.reports import SURVEY, TITLES, Chart, Ref, Report, Row, Table
from ...storage import report_queries as q
from .common import Tally, mean, names_in, rate, union

ITEMS = (*sv.SCORE_ITEMS, sv.OVERALL)
LOW = (1, 2)
NOTHING_DONE = QT_TRANSLATE_NOOP("reports", "尚无跟进记录")
NO_VISIT = QT_TRANSLATE_NOOP("reports", "（非服务后调查）")
FOLLOW_ON_KINDS = ("followup", "service-report", "complaint", "ticket")

_COLS = ("id", "number", "status", "survey_type", "survey_date", "customer_unit", "source_kind", "source_id",
         "suggestions", *(k for k, _l in ITEMS))


def _unit_key(name: str | None) -> str:
    return "".join((name or "").split())


def make(s: Any, service: Any, start: dt.date, end: dt.date) -> Report:
    year = start.year
    report = Report(SURVEY, TITLES[SURVEY], f"{year}年", start, end, service.clock.now())
    surveys = q.read_rows(s, sv.SPEC.kind, _COLS, between=("survey_date", start, end))
    last_year = q.read_rows(s, sv.SPEC.kind, ("id", *(k for k, _l in ITEMS)),
                            between=("survey_date", dt.date(year - 1, 1, 1), start), statuses=(sv.RETURNED,))
    customers = q.read_rows(s, cu.SPEC.kind, ("id", "number", "name"), statuses=(cu.ACTIVE,))
    first_score = 9

    ref = {r[0]: Ref(sv.SPEC.kind, r[0], r[1]) for r in surveys}
    returned = [r for r in surveys if r[2] == sv.RETURNED]
    yearly = [r for r in surveys if r[3] == sv.SURVEY_TYPES[1]]
    surveyed_units: dict[str, list[Ref]] = {}
    for r in yearly:
        surveyed_units.setdefault(_unit_key(r[5]), []).append(ref[r[0]])
    covered = [c for c in customers if _unit_key(c[2]) in surveyed_units]
    missing = [c for c in customers if _unit_key(c[2]) not in surveyed_units]
    overall_i = first_score + len(ITEMS) - 1
    overall_mean = mean(r[overall_i] for r in returned)
    last_mean = mean(r[len(ITEMS)] for r in last_year)  # the overall score is the last column there

    report.tables.append(Table("summary", QT_TRANSLATE_NOOP("reports", "概况"),
                               (QT_TRANSLATE_NOOP("reports", "项目"), QT_TRANSLATE_NOOP("reports", "数量")), [
        Row((QT_TRANSLATE_NOOP("reports", "在册客户（合作中）"), len(customers)),
            tuple(Ref(cu.SPEC.kind, c[0], c[1]) for c in customers)),
        Row((QT_TRANSLATE_NOOP("reports", "已做年度调查的客户"), len(covered)),
            union(*(surveyed_units[_unit_key(c[2])] for c in covered))),
        Row((QT_TRANSLATE_NOOP("reports", "尚未调查的客户"), len(missing)),
            tuple(Ref(cu.SPEC.kind, c[0], c[1]) for c in missing)),
        Row((QT_TRANSLATE_NOOP("reports", "年度调查覆盖率（%）"), rate(len(covered), len(customers))), ()),
        Row((QT_TRANSLATE_NOOP("reports", "发放调查表"), len(surveys)), tuple(ref.values())),
        Row((QT_TRANSLATE_NOOP("reports", "已回收"), len(returned)), tuple(ref[r[0]] for r in returned)),
        Row((QT_TRANSLATE_NOOP("reports", "回收率（%）"), rate(len(returned), len(surveys))), ()),
        Row((QT_TRANSLATE_NOOP("reports", "总体满意度平均分"), overall_mean), tuple(ref[r[0]] for r in returned)),
        Row((QT_TRANSLATE_NOOP("reports", "上年总体满意度平均分"), last_mean), ()),
    ]))
    report.tables.append(Table("missing", QT_TRANSLATE_NOOP("reports", "尚未做年度调查的客户"),
                               ("客户编号", QT_TRANSLATE_NOOP("reports", "客户名称")),
                               [Row((c[1], c[2]), (Ref(cu.SPEC.kind, c[0], c[1]),)) for c in missing], keyed=False))

    # --- each item: average, last year's, distribution
    item_rows = []
    for i, (_key, label) in enumerate(ITEMS):
        col = first_score + i
        by_score = Tally()
        for r in returned:
            if r[col] is not None:
                by_score.add(r[col], ref[r[0]])
        item_rows.append(Row((label, mean(r[col] for r in returned), mean(r[1 + i] for r in last_year),
                              *(by_score.count(n) for n in (5, 4, 3, 2, 1)),
                              sum(by_score.count(n) for n in (1, 2, 3, 4, 5))),
                             union(*(by_score.of(n) for n in (5, 4, 3, 2, 1))),
                             {3 + j: by_score.of(n) for j, n in enumerate((5, 4, 3, 2, 1))}))
    report.tables.append(Table("items", QT_TRANSLATE_NOOP("reports", "各项评分"),
                               (QT_TRANSLATE_NOOP("reports", "评分项目"), QT_TRANSLATE_NOOP("reports", "平均分"),
                                QT_TRANSLATE_NOOP("reports", "上年平均分"), QT_TRANSLATE_NOOP("reports", "5分"),
                                QT_TRANSLATE_NOOP("reports", "4分"), QT_TRANSLATE_NOOP("reports", "3分"),
                                QT_TRANSLATE_NOOP("reports", "2分"), QT_TRANSLATE_NOOP("reports", "1分"),
                                QT_TRANSLATE_NOOP("reports", "评分份数")), item_rows))

    # --- per staff member whose visit the survey followed
    visit_ids = [r[7] for r in returned if r[6] == sr.SPEC.kind and r[7]]
    staff_of = {row[0]: names_in(row[1]) for row in q.read_rows_of(s, sr.SPEC.kind, ("id", "staff"), visit_ids)}
    per_staff: dict[str, list[tuple[Any, ...]]] = {}
    for r in returned:
        names = staff_of.get(r[7] or "", []) if r[6] == sr.SPEC.kind else []
        for name in names or [NO_VISIT]:
            per_staff.setdefault(name, []).append(r)
    staff_rows = []
    for name in sorted(per_staff, key=lambda n: (n == NO_VISIT, n)):
        got = per_staff[name]
        low = [r for r in got if any(r[first_score + i] in LOW for i in range(len(ITEMS)))]
        staff_rows.append(Row((name, len(got), mean(r[overall_i] for r in got),
                               *(mean(r[first_score + i] for r in got) for i in range(len(ITEMS) - 1)), len(low)),
                              tuple(ref[r[0]] for r in got), {len(ITEMS) + 2: tuple(ref[r[0]] for r in low)}))
    report.tables.append(Table("staff", QT_TRANSLATE_NOOP("reports", "按服务人员（服务后调查）"),
                               (QT_TRANSLATE_NOOP("reports", "服务人员"), QT_TRANSLATE_NOOP("reports", "调查份数"),
                                sv.OVERALL[1], *(label for _k, label in sv.SCORE_ITEMS),
                                QT_TRANSLATE_NOOP("reports", "含低分的调查")), staff_rows))

    # --- low scores and what was done about them
    low_rows = [r for r in returned if any(r[first_score + i] in LOW for i in range(len(ITEMS)))]
    low_ids = [r[0] for r in low_rows]
    done: dict[str, list[Ref]] = {}
    for kind in FOLLOW_ON_KINDS:
        for f in q.read_rows_where_in(s, kind, ("id", "number", "status", "source_kind", "source_id"), "source_id",
                                      low_ids):
            if f[3] == sv.SPEC.kind:
                done.setdefault(f[4], []).append(Ref(kind, f[0], f[1]))
    statuses: dict[str, str] = {}
    for kind in FOLLOW_ON_KINDS:
        ids = [x.id for refs in done.values() for x in refs if x.kind == kind]
        statuses.update({row[0]: row[1] for row in q.read_rows_of(s, kind, ("id", "status"), ids)})
    rows = []
    for r in low_rows:
        lows = "、".join(f"{label} {r[first_score + i]}" for i, (_k, label) in enumerate(ITEMS)
                        if r[first_score + i] in LOW)
        follow = done.get(r[0], [])
        what = "；".join(f"{SPECS[x.kind].short_title} {x.number}（{statuses.get(x.id, '')}）" for x in follow)
        rows.append(Row((r[1], r[4], r[5] or "", lows, (r[8] or "").strip(), what or NOTHING_DONE),
                        (ref[r[0]], *follow), {5: tuple(follow)} if follow else {}))
    report.tables.append(Table("low", QT_TRANSLATE_NOOP("reports", "低分（1–2 分）及跟进"),
                               ("调查表编号", "发放日期", "客户单位", QT_TRANSLATE_NOOP("reports", "低分项目"),
                                "意见和建议", QT_TRANSLATE_NOOP("reports", "跟进措施")), rows, keyed=False))

    labels = [label for _k, label in ITEMS]
    report.charts.append(Chart("items", QT_TRANSLATE_NOOP("reports", "各项平均分（本年与上年）"), "bar", labels, [
        (QT_TRANSLATE_NOOP("reports", "本年"), [row.cells[1] or 0.0 for row in item_rows]),
        (QT_TRANSLATE_NOOP("reports", "上年"), [row.cells[2] or 0.0 for row in item_rows]),
    ], QT_TRANSLATE_NOOP("reports", "平均分"), "items", max_value=5))
    overall = item_rows[-1]
    report.charts.append(Chart("distribution", QT_TRANSLATE_NOOP("reports", "总体满意度分布"), "bar",
                               ["5分", "4分", "3分", "2分", "1分"],
                               [(QT_TRANSLATE_NOOP("reports", "份数"), [float(v) for v in overall.cells[3:8]])],
                               QT_TRANSLATE_NOOP("reports", "份数"), "items"))
    return report
