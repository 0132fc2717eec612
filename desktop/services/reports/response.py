"""售后服务响应时间执行情况: were the response-time promises kept (source 第一节十, 承诺书 §八:
严格记录保障时间和到每个环节的处理时间)?

Over the hotline tickets whose call falls in ``[start, end)``, for each row of the response-time
table: the phone responses and the handlings that kept the promised hours, broke them, or are not due
yet; the same per month and per staff member; and every breach with its ticket.

A ticket's two deadlines were worked out at the call from the settings (``ticket_rules.deadlines``);
the actual moments are the ticket's 电话响应 and 协商处理 dates and times (filled at the 派工 and
处理完毕 steps).  A step taken at the deadline's minute kept the promise (as the register counts it); a
step not taken yet is a breach once its deadline has passed, else "not due yet".  A ticket escalated to
a complaint (已转投诉) is counted like any other for the steps it reached.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...domain import ticket as tk
from ...domain.i18n import QT_TRANSLATE_NOOP
from ...domain.reports import RESPONSE, TITLES, Chart, Ref, Report, Row, Table, month_key
from ...domain.ticket_rules import response_hours, wall_clock
from ...storage import report_queries as q
from .common import Tally, deadline, moment, rate, union

# The rows of the response-time table (source 第一节十) and the ticket issue types each covers.
ROWS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("reports", "配送时间"), ("配送/补货",)),
    (QT_TRANSLATE_NOOP("reports", "产品验收数量不足"), ("验收数量不足",)),
    (QT_TRANSLATE_NOOP("reports", "产品验收不合格"), ("验收不合格",)),
    (QT_TRANSLATE_NOOP("reports", "产品在使用过程中出现质量问题"), ("使用中质量问题",)),
    (QT_TRANSLATE_NOOP("reports", "质量异议处理意见"), ("质量异议",)),
    (QT_TRANSLATE_NOOP("reports", "其他来电"), ("使用技术咨询", "上门服务/培训需求", "其他")),
)
ROW_OF = {issue: name for name, issues in ROWS for issue in issues}
PHONE = QT_TRANSLATE_NOOP("reports", "电话响应")
HANDLING = QT_TRANSLATE_NOOP("reports", "协商处理")
KEPT, BROKEN, NOT_DUE, UNRECORDED = "kept", "broken", "not_due", "unrecorded"
# Statuses past each step: a ticket there whose step has no recorded time (one saved before the
# times were recorded) is "not recorded", neither kept nor broken: the report does not guess.
PAST_PHONE = (tk.ASSIGNED, tk.DONE, tk.CALLED_BACK, tk.ESCALATED)
PAST_HANDLING = (tk.DONE, tk.CALLED_BACK, tk.ESCALATED)
# The column headings of each step (written out so each is one translatable string).
HEADINGS = {
    (PHONE, KEPT): QT_TRANSLATE_NOOP("reports", "电话响应按时"),
    (PHONE, BROKEN): QT_TRANSLATE_NOOP("reports", "电话响应超时"),
    (PHONE, NOT_DUE): QT_TRANSLATE_NOOP("reports", "电话响应未到期"),
    (PHONE, UNRECORDED): QT_TRANSLATE_NOOP("reports", "电话响应未记录时间"),
    (PHONE, "rate"): QT_TRANSLATE_NOOP("reports", "电话响应按时率（%）"),
    (HANDLING, KEPT): QT_TRANSLATE_NOOP("reports", "协商处理按时"),
    (HANDLING, BROKEN): QT_TRANSLATE_NOOP("reports", "协商处理超时"),
    (HANDLING, NOT_DUE): QT_TRANSLATE_NOOP("reports", "协商处理未到期"),
    (HANDLING, UNRECORDED): QT_TRANSLATE_NOOP("reports", "协商处理未记录时间"),
    (HANDLING, "rate"): QT_TRANSLATE_NOOP("reports", "协商处理按时率（%）"),
}
NO_STAFF = QT_TRANSLATE_NOOP("reports", "（未派工）")
NOT_DONE = QT_TRANSLATE_NOOP("reports", "尚未完成")

_COLS = ("id", "number", "call_date", "call_time", "issue_type", "response_deadline", "handling_deadline",
         "responded_date", "responded_time", "agreed_date", "agreed_time", "assigned_staff", "receiver",
         "customer_unit", "status")


def judge(deadline: dt.datetime | None, done: dt.datetime | None, now: dt.datetime, past: bool = False) -> str | None:
    """kept / broken / not_due / unrecorded for one step (None: the ticket has no deadline for it);
    ``past``: the ticket's status is beyond the step."""
    if deadline is None:
        return None
    if done is not None:
        return KEPT if done <= deadline else BROKEN
    if past:
        return UNRECORDED
    return BROKEN if now > deadline else NOT_DUE


def make(s: Any, service: Any, start: dt.date, end: dt.date) -> Report:
    now = wall_clock(service.clock.now())
    settings = service.settings()
    last = end - dt.timedelta(days=1)
    report = Report(RESPONSE, TITLES[RESPONSE], f"{start.isoformat()} 至 {last.isoformat()}", start, end,
                    service.clock.now())
    rows = q.read_rows(s, tk.SPEC.kind, _COLS, between=("call_date", start, end))
    # (step, group key, state) → refs, for every grouping at once
    by_row, by_month, by_staff = Tally(), Tally(), Tally()
    tickets_of = {k: Tally() for k in ("row", "month", "staff")}
    breaches: list[Row] = []
    months: list[str] = []
    staff_names: set[str] = set()
    for r in rows:
        ref = Ref(tk.SPEC.kind, r[0], r[1])
        row_name = ROW_OF.get(r[4] or "", ROWS[-1][0])
        month = month_key(r[2])
        if month not in months:
            months.append(month)
        staff = (r[11] or "").strip() or NO_STAFF
        staff_names.add(staff)
        tickets_of["row"].add(row_name, ref)
        tickets_of["month"].add(month, ref)
        tickets_of["staff"].add(staff, ref)
        called = moment(r[2], r[3])
        for step, deadline_text, done, past in ((PHONE, r[5], moment(r[7], r[8]), r[14] in PAST_PHONE),
                                                (HANDLING, r[6], moment(r[9], r[10]), r[14] in PAST_HANDLING)):
            due = deadline(deadline_text)
            state = judge(due, done, now, past)
            if state is None:
                continue
            by_row.add((step, row_name, state), ref)
            by_month.add((step, month, state), ref)
            by_staff.add((step, staff, state), ref)
            if state == BROKEN and due is not None:
                late_until = done or now
                over = round((late_until - due).total_seconds() / 3600, 1)
                breaches.append(Row((r[1], called, r[13] or "", row_name, step, due, done or NOT_DONE, over,
                                     staff), (ref,)))
    months.sort()

    def figures(tally: Tally, key: str) -> tuple[tuple[Any, ...], dict[int, tuple[Ref, ...]]]:
        cells: list[Any] = []
        refs: dict[int, tuple[Ref, ...]] = {}
        for step in (PHONE, HANDLING):
            kept, broken, due, unrecorded = (tally.count((step, key, st)) for st in (KEPT, BROKEN, NOT_DUE, UNRECORDED))
            base = len(cells) + 2
            for i, st in enumerate((KEPT, BROKEN, NOT_DUE, UNRECORDED)):
                refs[base + i] = tally.of((step, key, st))
            cells += [kept, broken, due, unrecorded, rate(kept, kept + broken)]
        return tuple(cells), refs

    step_cols = tuple(HEADINGS[(step, what)] for step in (PHONE, HANDLING)
                      for what in (KEPT, BROKEN, NOT_DUE, UNRECORDED, "rate"))
    table_rows = []
    for name, issues in ROWS:
        phone_h, handling_h = response_hours(issues[0], settings)
        cells, refs = figures(by_row, name)
        refs = {k + 2: v for k, v in refs.items()}
        table_rows.append(Row((name, phone_h, handling_h, tickets_of["row"].count(name), *cells),
                              tickets_of["row"].of(name), refs))
    report.tables.append(Table("rows", QT_TRANSLATE_NOOP("reports", "按服务内容（响应时间表）"),
                               (QT_TRANSLATE_NOOP("reports", "服务内容"), QT_TRANSLATE_NOOP("reports", "承诺电话响应（小时）"),
                                QT_TRANSLATE_NOOP("reports", "承诺处理（小时）"), QT_TRANSLATE_NOOP("reports", "保障单"),
                                *step_cols), table_rows))
    month_rows = []
    for m in months:
        cells, refs = figures(by_month, m)
        month_rows.append(Row((m, tickets_of["month"].count(m), *cells), tickets_of["month"].of(m), refs))
    report.tables.append(Table("months", QT_TRANSLATE_NOOP("reports", "按月份"),
                               (QT_TRANSLATE_NOOP("reports", "月份"), QT_TRANSLATE_NOOP("reports", "保障单"), *step_cols),
                               month_rows))
    staff_rows = []
    for name in sorted(staff_names, key=lambda n: (n == NO_STAFF, n)):
        cells, refs = figures(by_staff, name)
        staff_rows.append(Row((name, tickets_of["staff"].count(name), *cells), tickets_of["staff"].of(name), refs))
    report.tables.append(Table("staff", QT_TRANSLATE_NOOP("reports", "按人员"),
                               (QT_TRANSLATE_NOOP("reports", "人员"), QT_TRANSLATE_NOOP("reports", "保障单"), *step_cols),
                               staff_rows))
    breaches.sort(key=lambda row: (row.cells[1], row.cells[0], row.cells[4]))
    report.tables.append(Table("breaches", QT_TRANSLATE_NOOP("reports", "超时明细"),
                               ("保障单号", QT_TRANSLATE_NOOP("reports", "来电时间"), "客户单位",
                                QT_TRANSLATE_NOOP("reports", "服务内容"), QT_TRANSLATE_NOOP("reports", "环节"),
                                QT_TRANSLATE_NOOP("reports", "时限"), QT_TRANSLATE_NOOP("reports", "实际时间"),
                                QT_TRANSLATE_NOOP("reports", "超出（小时）"), QT_TRANSLATE_NOOP("reports", "人员")),
                               breaches, keyed=False))
    all_refs = union(*(tickets_of["row"].of(n) for n, _i in ROWS))
    report.tables.insert(0, Table("summary", QT_TRANSLATE_NOOP("reports", "概况"),
                                  (QT_TRANSLATE_NOOP("reports", "项目"), QT_TRANSLATE_NOOP("reports", "数量")), [
        Row((QT_TRANSLATE_NOOP("reports", "保障单"), len(rows)), all_refs),
        *(Row((HEADINGS[(step, KEPT)], sum(by_row.count((step, n, KEPT)) for n, _i in ROWS)),
              union(*(by_row.of((step, n, KEPT)) for n, _i in ROWS))) for step in (PHONE, HANDLING)),
        *(Row((HEADINGS[(step, BROKEN)], sum(by_row.count((step, n, BROKEN)) for n, _i in ROWS)),
              union(*(by_row.of((step, n, BROKEN)) for n, _i in ROWS))) for step in (PHONE, HANDLING)),
    ]))
    names = [n for n, _i in ROWS]
    report.charts.append(Chart("rows", QT_TRANSLATE_NOOP("reports", "按时与超时（按服务内容）"), "barh", names, [
        (HEADINGS[(step, st)], [by_row.count((step, n, st)) for n in names])
        for step in (PHONE, HANDLING) for st in (KEPT, BROKEN)],
        QT_TRANSLATE_NOOP("reports", "件数"), "rows"))
    report.charts.append(Chart("months", QT_TRANSLATE_NOOP("reports", "按时率（按月份）"), "line", months, [
        (step, [rate(by_month.count((step, m, KEPT)), by_month.count((step, m, KEPT)) + by_month.count((step, m, BROKEN)))
                or 0.0 for m in months]) for step in (PHONE, HANDLING)],
        QT_TRANSLATE_NOOP("reports", "按时率（%）"), "months", max_value=100))
    return report
