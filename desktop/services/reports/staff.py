"""售后服务人员考核 (source: 对售后服务人员进行考核和监督；售后服务人员须经培训合格后方可上岗).

Per staff member, over the year ``[start, end)``: service reports written (and how many were visits
on site, 上门走访), complaints handled (received or investigated), hotline tickets assigned and
whether their deadlines were kept (the phone response and the handling, as in the response-time
report), follow-ups due and whether they were done on time, the survey scores of their visits, and
their training status: the latest assessment of a training session for the company's after-sales
staff (本公司售后服务人员) up to the end of the year.  Staff are the people named in those records; a
field naming two people ("王强、李娜") counts for both.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...domain import complaint as c
from ...domain import followup as fu
from ...domain import service_report as sr
from ...domain import survey as sv
from ...domain import ticket as tk
from ...domain import training as trn
from ...domain.i18n import QT_TRANSLATE_NOOP
from ...domain.reports import STAFF, TITLES, Chart, Ref, Report, Row, Table
from ...domain.ticket_rules import wall_clock
from ...storage import report_queries as q
from .common import Tally, deadline, mean, moment, names_in, rate
from .response import BROKEN, KEPT, PAST_HANDLING, PAST_PHONE, judge

NOT_TRAINED = QT_TRANSLATE_NOOP("reports", "无培训记录")
STAFF_AUDIENCE = trn.AUDIENCES[1]  # 本公司售后服务人员


def make(s: Any, service: Any, start: dt.date, end: dt.date) -> Report:
    now = wall_clock(service.clock.now())
    today = service.clock.today()
    report = Report(STAFF, TITLES[STAFF], f"{start.year}年", start, end, service.clock.now())
    t: dict[str, Tally] = {k: Tally() for k in (
        "reports", "visits", "complaints", "tickets", "t_kept", "t_broken", "f_due", "f_kept", "f_late", "surveys")}
    people: set[str] = set()

    def add(key: str, names: list[str], ref: Ref) -> None:
        for n in names:
            people.add(n)
            t[key].add(n, ref)

    reports = q.read_rows(s, sr.SPEC.kind, ("id", "number", "staff", "service_type"),
                          between=("service_date", start, end))
    for r in reports:
        ref = Ref(sr.SPEC.kind, r[0], r[1])
        add("reports", names_in(r[2]), ref)
        if r[3] == sr.SERVICE_TYPES[1]:
            add("visits", names_in(r[2]), ref)
    for r in q.read_rows(s, c.SPEC.kind, ("id", "number", "receiver", "investigator"),
                         between=("received_date", start, end)):
        add("complaints", list(dict.fromkeys(names_in(r[2]) + names_in(r[3]))), Ref(c.SPEC.kind, r[0], r[1]))
    for r in q.read_rows(s, tk.SPEC.kind, ("id", "number", "assigned_staff", "response_deadline", "handling_deadline",
                                           "responded_date", "responded_time", "agreed_date", "agreed_time", "status"),
                         between=("call_date", start, end)):
        names = names_in(r[2])
        if not names:
            continue
        ref = Ref(tk.SPEC.kind, r[0], r[1])
        add("tickets", names, ref)
        states = [judge(deadline(r[3]), moment(r[5], r[6]), now, r[9] in PAST_PHONE),
                  judge(deadline(r[4]), moment(r[7], r[8]), now, r[9] in PAST_HANDLING)]
        if BROKEN in states:
            add("t_broken", names, ref)
        elif KEPT in states and all(st in (KEPT, None) for st in states):
            add("t_kept", names, ref)
    for r in q.read_rows(s, fu.SPEC.kind, ("id", "number", "assigned_staff", "status", "due_date", "done_date"),
                         between=("due_date", start, end), not_statuses=(fu.CANCELLED,)):
        names = names_in(r[2])
        ref = Ref(fu.SPEC.kind, r[0], r[1])
        if r[4] > today and r[3] != fu.DONE:
            continue  # not due yet
        add("f_due", names, ref)
        if r[3] == fu.DONE and r[5] is not None and r[5] <= r[4]:
            add("f_kept", names, ref)
        else:
            add("f_late", names, ref)
    surveys = q.read_rows(s, sv.SPEC.kind, ("id", "number", "source_kind", "source_id", sv.OVERALL[0]),
                          between=("survey_date", start, end), statuses=(sv.RETURNED,))
    visit_ids = [r[3] for r in surveys if r[2] == sr.SPEC.kind and r[3]]
    staff_of = {row[0]: names_in(row[1]) for row in q.read_rows_of(s, sr.SPEC.kind, ("id", "staff"), visit_ids)}
    scores: dict[str, list[int]] = {}
    for r in surveys:
        if r[2] != sr.SPEC.kind:
            continue
        names = staff_of.get(r[3] or "", [])
        add("surveys", names, Ref(sv.SPEC.kind, r[0], r[1]))
        for n in names:
            if r[4] is not None:
                scores.setdefault(n, []).append(r[4])

    # --- training: the latest assessment of each person in a session for the after-sales staff
    sessions = {r[0]: r for r in q.read_rows(s, trn.SPEC.kind, ("id", "number", "training_date", "audience", "status"),
                                               between=("training_date", None, end))}
    latest: dict[str, tuple[dt.date, str, Any, Ref]] = {}
    for rid, name, result, score in q.read_item_rows(s, trn.SPEC.kind, "attendees", ("name", "result", "score"),
                                                     between=("training_date", None, end)):
        session = sessions.get(rid)
        if session is None or session[3] != STAFF_AUDIENCE:
            continue
        key = "".join((name or "").split())
        got = (session[2], result or session[4], score, Ref(trn.SPEC.kind, session[0], session[1]))
        if key and (key not in latest or got[0] >= latest[key][0]):
            latest[key] = got

    def training(name: str) -> tuple[str, tuple[Ref, ...]]:
        got = latest.get(name)
        if got is None:
            return NOT_TRAINED, ()
        day, result, score, ref = got
        shown = f"{result}（{day.isoformat()}" + (f"，{score} 分" if score is not None else "") + "）"
        return shown, (ref,)

    rows = []
    for name in sorted(people):
        tr_text, tr_refs = training(name)
        counts = [t[k].count(name) for k in ("reports", "visits", "complaints", "tickets", "t_kept", "t_broken")]
        f_due, f_kept, f_late = (t[k].count(name) for k in ("f_due", "f_kept", "f_late"))
        cells = (name, *counts, rate(counts[4], counts[4] + counts[5]), f_due, f_kept, f_late, rate(f_kept, f_due),
                 t["surveys"].count(name), mean(scores.get(name, [])), tr_text)
        keys = ("reports", "visits", "complaints", "tickets", "t_kept", "t_broken")
        cell_refs = {1 + i: t[k].of(name) for i, k in enumerate(keys)}
        cell_refs.update({8: t["f_due"].of(name), 9: t["f_kept"].of(name), 10: t["f_late"].of(name),
                          12: t["surveys"].of(name), 13: t["surveys"].of(name), 14: tr_refs})
        cell_refs[0] = ()  # the name: every figure of the row has its own records
        rows.append(Row(cells, (), cell_refs))
    report.tables.append(Table("staff", QT_TRANSLATE_NOOP("reports", "人员考核"), (
        QT_TRANSLATE_NOOP("reports", "人员"), QT_TRANSLATE_NOOP("reports", "服务报告"),
        QT_TRANSLATE_NOOP("reports", "其中上门走访"), QT_TRANSLATE_NOOP("reports", "处理投诉"),
        QT_TRANSLATE_NOOP("reports", "派工保障单"), QT_TRANSLATE_NOOP("reports", "按时完成"),
        QT_TRANSLATE_NOOP("reports", "超时"), QT_TRANSLATE_NOOP("reports", "时限遵守率（%）"),
        QT_TRANSLATE_NOOP("reports", "应回访"), QT_TRANSLATE_NOOP("reports", "按时回访"),
        QT_TRANSLATE_NOOP("reports", "逾期回访"), QT_TRANSLATE_NOOP("reports", "回访按时率（%）"),
        QT_TRANSLATE_NOOP("reports", "调查份数"), QT_TRANSLATE_NOOP("reports", "满意度平均分"),
        QT_TRANSLATE_NOOP("reports", "培训状态")), rows))
    untrained = [row for row in rows if not str(row.cells[-1]).startswith(trn.PASSED)]
    report.tables.append(Table("training", QT_TRANSLATE_NOOP("reports", "未经培训合格的人员（须培训合格后方可上岗）"),
                               (QT_TRANSLATE_NOOP("reports", "人员"), QT_TRANSLATE_NOOP("reports", "培训状态")),
                               [Row((row.cells[0], row.cells[-1]), row.cell_refs.get(14, ())) for row in untrained]))
    names = [row.cells[0] for row in rows]
    report.charts.append(Chart("scores", QT_TRANSLATE_NOOP("reports", "满意度平均分（按人员）"), "bar", names,
                               [(QT_TRANSLATE_NOOP("reports", "满意度平均分"), [row.cells[13] or 0.0 for row in rows])],
                               QT_TRANSLATE_NOOP("reports", "平均分"), "staff", max_value=5))
    report.charts.append(Chart("kept", QT_TRANSLATE_NOOP("reports", "时限遵守率与回访按时率（按人员）"), "bar", names, [
        (QT_TRANSLATE_NOOP("reports", "时限遵守率（%）"), [row.cells[7] or 0.0 for row in rows]),
        (QT_TRANSLATE_NOOP("reports", "回访按时率（%）"), [row.cells[11] or 0.0 for row in rows]),
    ], "%", "staff", max_value=100))
    return report
