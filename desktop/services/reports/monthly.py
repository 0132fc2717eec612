"""月度风险事故及投诉分析: the monthly analysis of incidents (source: 每月对于风险事故进行分析；给出解决方案;
将质量结果反馈研发与生产).

For the month ``[start, end)``: complaints received, by category, severity, product, batch and
customer; the quality determinations made in the month and how they were resolved; the return and
exchange requests of the month and who bore the cost; the hotline tickets by issue type; what is
still open at the end of the month and for how long; the twelve months' trend ending with the month;
the batches with more than one complaint or return within those twelve months (a recall signal) with
their deliveries; the improvement measures recorded; and a product-by-product quality summary.

A record counts in a month by its own date (a complaint's 登记日期, a return's 申请日期, a ticket's
来电日期, a determination's 界定日期): dates are local calendar days, so a complaint registered at
00:00 on the 1st belongs to the new month.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from decimal import Decimal
from typing import Any

from ...domain import complaint as c
from ...domain import delivery as de
from ...domain import return_request as rr
from ...domain import ticket as tk
from ...domain.forms import WORKFLOWS
from ...domain.i18n import QT_TRANSLATE_NOOP
from ...domain.reports import MONTHLY, TITLES, Chart, Ref, RefQuery, Report, Row, Table, add_months, month_key
from ...storage import report_queries as q
from .common import Tally, count_row, union

UNDECIDED = QT_TRANSLATE_NOOP("reports", "未定")
NOT_DETERMINED = QT_TRANSLATE_NOOP("reports", "尚未界定")
OPEN_LIST_LIMIT = 100  # the open records listed one by one (the longest open first); all are counted
TREND_MONTHS = 12

_CM = ("id", "number", "status", "received_date", "category", "severity", "complainant_unit",
       "quality_determination", "determined_date", "resolution", "cost_bearer", "improvement_measures")


_VOID = (c.VOIDED,)


def _voided(kind: str) -> tuple[str, ...] | None:
    """The statuses of ``kind`` a count leaves out: a voided duplicate complaint."""
    return _VOID if kind == c.SPEC.kind else None


def _counted(kind: str) -> tuple[str, ...] | None:
    """The statuses a figure's records are found among (``RefQuery.statuses``): all but 已作废."""
    return c.WORK_STATUSES if kind == c.SPEC.kind else None


def _ref(kind: str, row: tuple[Any, ...]) -> Ref:
    return Ref(kind, row[0], row[1])


def make(s: Any, service: Any, start: dt.date, end: dt.date) -> Report:
    today = service.clock.today()
    trend_start = add_months(start, 1 - TREND_MONTHS)
    report = Report(MONTHLY, TITLES[MONTHLY], f"{start.year}年{start.month}月", start, end, service.clock.now())

    # --- complaints received in the month
    # (a voided duplicate, 已作废, is not a complaint of its own: it counts nowhere here)
    complaints = q.read_rows(s, c.SPEC.kind, _CM, between=("received_date", start, end), not_statuses=_VOID)
    items = q.read_item_rows(s, c.SPEC.kind, "items", ("product_name", "batch_no"),
                             between=("received_date", start, end), not_statuses=_VOID)
    by_id = {r[0]: r for r in complaints}
    cref = {r[0]: _ref(c.SPEC.kind, r) for r in complaints}
    category, severity, unit = Tally(), Tally(), Tally()
    for r in complaints:
        category.add(r[4], cref[r[0]])
        severity.add(r[5], cref[r[0]])
        unit.add(r[6], cref[r[0]])
    product, batch = Tally(), Tally()
    serious_by_product, quality_by_product, batches_by_product = Tally(), Tally(), defaultdict(set)
    for rid, name, batch_no in items:
        ref = cref[rid]
        product.add(name, ref)
        batch.add((name, batch_no), ref)
        batches_by_product[name].add(batch_no)
        if by_id[rid][5] == c.SEVERITIES[1]:
            serious_by_product.add(name, ref)
        if by_id[rid][7] == c.QUALITY_PROBLEM:
            quality_by_product.add(name, ref)

    # --- determinations made in the month, and how they were resolved
    determined = q.read_rows(s, c.SPEC.kind, _CM, between=("determined_date", start, end), not_statuses=_VOID)
    det = Tally()
    det_res: dict[tuple[str, str], Tally] = defaultdict(Tally)
    for r in determined:
        key = r[7] or NOT_DETERMINED
        ref = _ref(c.SPEC.kind, r)
        det.add(key, ref)
        det_res[key].add(r[9] or UNDECIDED, ref)

    # --- returns and exchanges requested in the month
    returns = q.read_rows(s, rr.SPEC.kind, ("id", "number", "status", "request_date", "handling", "cost_bearer",
                                            "cost_amount", "reason_type", "customer_unit"),
                          between=("request_date", start, end))
    ritems = q.read_item_rows(s, rr.SPEC.kind, "items", ("product_name", "batch_no"),
                              between=("request_date", start, end))
    rref = {r[0]: _ref(rr.SPEC.kind, r) for r in returns}
    handling, bearer = Tally(), Tally()
    amounts: dict[str, Decimal] = defaultdict(Decimal)
    for r in returns:
        key = r[4] or UNDECIDED
        handling.add(key, rref[r[0]])
        bearer.add((key, r[5] or UNDECIDED), rref[r[0]])
        if r[6] is not None:
            amounts[key] += r[6]
    returns_by_product, batches_r = Tally(), defaultdict(set)
    for rid, name, batch_no in ritems:
        returns_by_product.add(name, rref[rid])
        batches_r[name].add(batch_no)

    # --- hotline tickets of the month
    tickets = q.read_rows(s, tk.SPEC.kind, ("id", "number", "issue_type"), between=("call_date", start, end))
    issue = Tally()
    for r in tickets:
        issue.add(r[2], _ref(tk.SPEC.kind, r))

    # --- open at the end of the month: complaints and returns not finished, registered before it ended
    # (found by the status index: the open ones are few, the closed ones many)
    as_of = min(end - dt.timedelta(days=1), today)
    open_rows: list[tuple[int, Row]] = []
    open_status = Tally()
    ages: dict[str, list[int]] = defaultdict(list)
    for kind, spec, date_col, unit_col in ((c.SPEC.kind, c.SPEC, "received_date", "complainant_unit"),
                                           (rr.SPEC.kind, rr.SPEC, "request_date", "customer_unit")):
        finals = WORKFLOWS[kind].final
        open_list = [st for st in spec.statuses if st not in finals]
        for r in q.read_rows(s, kind, ("id", "number", "status", date_col, unit_col), statuses=open_list):
            if r[3] is None or r[3] >= end:
                continue
            ref = _ref(kind, r)
            age = (as_of - r[3]).days
            label = f"{spec.short_title}·{r[2]}"
            open_status.add(label, ref)
            ages[label].append(age)
            open_rows.append((age, Row((spec.short_title, r[1], r[3], r[4] or "", r[2], age), (ref,))))
    open_rows.sort(key=lambda p: (-p[0], p[1].cells[1]))

    # --- the twelve months' trend: counted in the database; its records are found when opened
    months = [add_months(trend_start, i) for i in range(TREND_MONTHS)]
    sources = (("complaint", c.SPEC.kind, "received_date"), ("return", rr.SPEC.kind, "request_date"),
               ("ticket", tk.SPEC.kind, "call_date"))
    trend = {key: q.count_by_month(s, kind, col, trend_start, end, not_statuses=_voided(kind))
             for key, kind, col in sources}

    def month_queries(m: dt.date) -> dict[str, RefQuery]:
        return {key: RefQuery(kind, (col, m, add_months(m, 1)), statuses=_counted(kind)) for key, kind, col in sources}

    # --- recall signal: batches with more than one complaint or return in the twelve months
    per_batch: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for kind, col, label in ((c.SPEC.kind, "received_date", "complaint"), (rr.SPEC.kind, "request_date", "return")):
        for (batch_no, name), n in q.count_items_by(s, kind, "items", ("batch_no", "product_name"),
                                                    between=(col, trend_start, end),
                                                    not_statuses=_voided(kind)).items():
            if batch_no:
                per_batch[(batch_no, name or "")][label] = n
    flagged = sorted((k, v) for k, v in per_batch.items() if v.get("complaint", 0) + v.get("return", 0) > 1)
    deliveries = q.read_rows_where_in(s, de.SPEC.kind, ("id", "number", "batch_no", "customer_unit", "delivery_date"),
                                      "batch_no", [b for (b, _n), _v in flagged])
    delivered: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    for r in deliveries:
        delivered[r[2]].append(r)

    def batch_queries(batch_no: str, name: str) -> dict[str, RefQuery]:
        return {label: RefQuery(kind, (col, trend_start, end), (("batch_no", batch_no), ("product_name", name)),
                                "items", statuses=_counted(kind))
                for kind, col, label in ((c.SPEC.kind, "received_date", "complaint"),
                                         (rr.SPEC.kind, "request_date", "return"))}

    # --- improvement measures recorded on the month's complaints or determinations
    measures = {r[0]: r for r in complaints + determined if (r[11] or "").strip()}

    # ------------------------------------------------------------------ tables
    t = report.tables
    open_refs = union(*(open_status.of(k) for k in open_status.refs))
    flagged_queries = tuple(qy for (b, n), _v in flagged for qy in batch_queries(b, n).values())
    t.append(Table("summary", QT_TRANSLATE_NOOP("reports", "本月概况"), (QT_TRANSLATE_NOOP("reports", "项目"),
                                                                         QT_TRANSLATE_NOOP("reports", "数量")), [
        Row((QT_TRANSLATE_NOOP("reports", "受理投诉"), len(complaints)), tuple(cref.values())),
        Row((QT_TRANSLATE_NOOP("reports", "其中严重投诉"), severity.count(c.SEVERITIES[1])), severity.of(c.SEVERITIES[1])),
        Row((QT_TRANSLATE_NOOP("reports", "完成质量界定"), len(determined)),
            tuple(_ref(c.SPEC.kind, r) for r in determined)),
        Row((QT_TRANSLATE_NOOP("reports", "退换货申请"), len(returns)), tuple(rref.values())),
        Row((QT_TRANSLATE_NOOP("reports", "热线保障单"), len(tickets)), tuple(_ref(tk.SPEC.kind, r) for r in tickets)),
        Row((QT_TRANSLATE_NOOP("reports", "月末未结投诉及退换货"), len(open_refs)), open_refs),
        Row((QT_TRANSLATE_NOOP("reports", "召回预警批次"), len(flagged)), queries=flagged_queries),
    ]))
    t.append(Table("category", QT_TRANSLATE_NOOP("reports", "按投诉类别"), ("投诉类别", "件数"),
                   [count_row(k, category) for k in c.CATEGORIES]))
    t.append(Table("severity", QT_TRANSLATE_NOOP("reports", "按投诉性质"), ("投诉性质", "件数"),
                   [count_row(k, severity) for k in c.SEVERITIES]))
    t.append(Table("product", QT_TRANSLATE_NOOP("reports", "按产品"), ("产品名称", "件数"),
                   [count_row(k, product) for k in product.by_count()]))
    t.append(Table("batch", QT_TRANSLATE_NOOP("reports", "按生产批号"), ("生产批号", "产品名称", "件数"), [
        Row((b, n, batch.count((n, b))), batch.of((n, b)))
        for n, b in sorted(batch.keys(), key=lambda k: (-batch.count(k), k[1], k[0]))]))
    t.append(Table("customer", QT_TRANSLATE_NOOP("reports", "按投诉单位"), ("投诉单位", "件数"),
                   [count_row(k, unit) for k in unit.by_count()]))
    t.append(Table("determination", QT_TRANSLATE_NOOP("reports", "本月质量界定及处理结果"),
                   ("质量界定", "件数", *c.RESOLUTIONS, UNDECIDED), [
        Row((k, det.count(k), *(det_res[k].count(res) for res in (*c.RESOLUTIONS, UNDECIDED))), det.of(k),
            {i + 2: det_res[k].of(res) for i, res in enumerate((*c.RESOLUTIONS, UNDECIDED))})
        for k in (*c.DETERMINATIONS, NOT_DETERMINED) if det.count(k)]))
    t.append(Table("returns", QT_TRANSLATE_NOOP("reports", "退换货及费用承担"),
                   ("处理方式", "件数", *rr.COST_BEARERS, QT_TRANSLATE_NOOP("reports", "费用承担未定"),
                    QT_TRANSLATE_NOOP("reports", "客户承担金额合计（元）")), [
        Row((k, handling.count(k), *(bearer.count((k, b)) for b in (*rr.COST_BEARERS, UNDECIDED)), amounts.get(k, Decimal(0))),
            handling.of(k), {i + 2: bearer.of((k, b)) for i, b in enumerate((*rr.COST_BEARERS, UNDECIDED))})
        for k in (*rr.HANDLINGS, UNDECIDED) if handling.count(k) or k in rr.HANDLINGS]))
    t.append(Table("tickets", QT_TRANSLATE_NOOP("reports", "热线保障单按问题类型"), ("问题类型", "件数"),
                   [count_row(k, issue) for k in tk.ISSUE_TYPES]))
    t.append(Table("open_by_status", QT_TRANSLATE_NOOP("reports", "月末未结事项"),
                   (QT_TRANSLATE_NOOP("reports", "类型·状态"), "件数", QT_TRANSLATE_NOOP("reports", "平均已过天数"),
                    QT_TRANSLATE_NOOP("reports", "最长已过天数")), [
        Row((k, open_status.count(k), round(sum(ages[k]) / len(ages[k]), 1), max(ages[k])), open_status.of(k))
        for k in sorted(open_status.keys())]))
    more = len(open_rows) - OPEN_LIST_LIMIT
    t.append(Table("open", QT_TRANSLATE_NOOP("reports", "未结事项明细（按已过天数）"),
                   (QT_TRANSLATE_NOOP("reports", "类型"), QT_TRANSLATE_NOOP("reports", "编号"),
                    QT_TRANSLATE_NOOP("reports", "日期"), QT_TRANSLATE_NOOP("reports", "单位"), "状态",
                    QT_TRANSLATE_NOOP("reports", "已过天数")),
                   [row for _age, row in open_rows[:OPEN_LIST_LIMIT]], keyed=False,
                   note=QT_TRANSLATE_NOOP("reports", "另有 {n} 件未列出，见“月末未结事项”").format(n=more)
                   if more > 0 else ""))
    trend_cols = (QT_TRANSLATE_NOOP("reports", "月份"), QT_TRANSLATE_NOOP("reports", "投诉"),
                  QT_TRANSLATE_NOOP("reports", "退换货"), QT_TRANSLATE_NOOP("reports", "保障单"))
    keys = ("complaint", "return", "ticket")
    t.append(Table("trend", QT_TRANSLATE_NOOP("reports", "近十二个月趋势"), trend_cols, [
        Row((month_key(m), *(trend[k].get(month_key(m), 0) for k in keys)),
            queries=tuple(month_queries(m).values()),
            cell_queries={i + 1: (month_queries(m)[k],) for i, k in enumerate(keys)})
        for m in months]))
    t.append(Table("recall", QT_TRANSLATE_NOOP("reports", "召回预警：近十二个月投诉或退换货超过一次的批次"),
                   ("生产批号", "产品名称", QT_TRANSLATE_NOOP("reports", "投诉"), QT_TRANSLATE_NOOP("reports", "退换货"),
                    QT_TRANSLATE_NOOP("reports", "发货次数"), QT_TRANSLATE_NOOP("reports", "发货单位")), [
        Row((b, n, v.get("complaint", 0), v.get("return", 0), len(delivered[b]),
             "、".join(dict.fromkeys(d[3] for d in delivered[b]))),
            queries=tuple(batch_queries(b, n).values()),
            cell_refs={4: tuple(Ref(de.SPEC.kind, d[0], d[1]) for d in delivered[b])},
            cell_queries={2: (batch_queries(b, n)["complaint"],), 3: (batch_queries(b, n)["return"],)})
        for (b, n), v in flagged], keyed=False))
    t.append(Table("measures", QT_TRANSLATE_NOOP("reports", "改进措施"),
                   ("备案编号", "投诉单位", "质量界定", "改进措施"), [
        Row((r[1], r[6] or "", r[7] or "", r[11].strip()), (_ref(c.SPEC.kind, r),))
        for r in sorted(measures.values(), key=lambda r: r[1])], keyed=False))
    names = sorted(set(product.keys()) | set(returns_by_product.keys()),
                   key=lambda n: (-(product.count(n) + returns_by_product.count(n)), n))
    t.append(Table("quality", QT_TRANSLATE_NOOP("reports", "产品质量汇总（反馈研发与生产）"),
                   ("产品名称", QT_TRANSLATE_NOOP("reports", "投诉"), QT_TRANSLATE_NOOP("reports", "其中属于质量问题"),
                    QT_TRANSLATE_NOOP("reports", "其中严重投诉"), QT_TRANSLATE_NOOP("reports", "退换货"),
                    QT_TRANSLATE_NOOP("reports", "涉及批次")), [
        Row((n, product.count(n), quality_by_product.count(n), serious_by_product.count(n),
             returns_by_product.count(n), len(batches_by_product[n] | batches_r[n])),
            union(product.of(n), returns_by_product.of(n)),
            {1: product.of(n), 2: quality_by_product.of(n), 3: serious_by_product.of(n), 4: returns_by_product.of(n)})
        for n in names]))

    # ------------------------------------------------------------------ charts
    report.charts.append(Chart("category", QT_TRANSLATE_NOOP("reports", "本月投诉按类别"), "bar", list(c.CATEGORIES),
                               [(QT_TRANSLATE_NOOP("reports", "件数"), [category.count(k) for k in c.CATEGORIES])],
                               QT_TRANSLATE_NOOP("reports", "件数"), "category"))
    report.charts.append(Chart("trend", QT_TRANSLATE_NOOP("reports", "近十二个月趋势"), "line",
                               [month_key(m) for m in months],
                               [(name, [trend[k].get(month_key(m), 0) for m in months])
                                for name, k in zip(trend_cols[1:], ("complaint", "return", "ticket"), strict=True)],
                               QT_TRANSLATE_NOOP("reports", "件数"), "trend"))
    top = names[:10]
    report.charts.append(Chart("quality", QT_TRANSLATE_NOOP("reports", "产品投诉及退换货（前十）"), "barh", top,
                               [(QT_TRANSLATE_NOOP("reports", "投诉"), [product.count(n) for n in top]),
                                (QT_TRANSLATE_NOOP("reports", "退换货"), [returns_by_product.count(n) for n in top])],
                               QT_TRANSLATE_NOOP("reports", "件数"), "quality"))
    return report
