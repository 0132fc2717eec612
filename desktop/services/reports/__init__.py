"""The four reports the source asks for (issue 15), worked out from the stored records without Qt.

``make_report(service, kind, period)`` gives a :class:`domain.reports.Report`; the window's 报表 tab,
the PDF (``documents.report_pdf``), the Excel file (``services.reports.xlsx``) and the command line
(``aftersales-desk report …``) all use it.  Each report reads only the columns it counts, of the
period's records, through ``storage.report_queries`` (one short read transaction).

- ``monthly`` (``--month 2026-11``): 每月对于风险事故进行分析 — :mod:`.monthly`;
- ``response`` (``--from D --to D``): 严格记录保障时间和到每个环节的处理时间 — :mod:`.response`;
- ``survey`` (``--year Y``): 每年一次顾客满意度调查 — :mod:`.survey`;
- ``staff`` (``--year Y``): 考核和监督 售后服务人员 — :mod:`.staff`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...domain.reports import MONTHLY, RESPONSE, STAFF, SURVEY, Ref, RefQuery, Report, ReportInputError

if TYPE_CHECKING:
    import datetime as dt

    from ..records import RecordService


def make_report(service: RecordService, kind: str, start: dt.date, end: dt.date) -> Report:
    """The report ``kind`` over ``[start, end)`` (a month, a date range, a year)."""
    import importlib

    if kind not in (MONTHLY, RESPONSE, SURVEY, STAFF):
        raise ReportInputError(f"没有这种报表：{kind}")
    maker = importlib.import_module(f"{__name__}.{kind}").make
    with service.db.session() as s:
        return maker(s, service, start, end)


def find_refs(service: RecordService, queries: tuple[RefQuery, ...]) -> tuple[Ref, ...]:
    """The records the ``queries`` of a large figure stand for (opened from the screen)."""
    from ...storage.report_queries import find_ids

    out: dict[str, Ref] = {}
    with service.db.session() as s:
        for qy in queries:
            for rid, number in find_ids(s, qy.kind, between=qy.between, equals=qy.equals, item_table=qy.item_table,
                                        statuses=qy.statuses):
                out.setdefault(rid, Ref(qy.kind, rid, number))
    return tuple(out.values())
