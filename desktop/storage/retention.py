"""Retention enforced by the database itself (issue 11): the triggers made by migration 0006.

Whichever route a write takes — a form, an import, a conflict resolved, a script — the database
refuses to delete a complaint before five years after its closing (结案, or 作废 for a voided
duplicate: ``closed_date`` holds that day too), to move a closing date back (or
clear it while the complaint stays closed), to rewrite an archived revision or a signature, and to
remove a signed revision or the signatures of an archived one (unless their record itself is being
deleted, where the rules allow that).  The services check the same rules first and say so in their
own words; these triggers are what holds when a route forgets.

A refused write raises the database's own error carrying ``retention:<rule>``;
:func:`retention_error` turns it into a :class:`StorageError` with a Chinese message.  Because
SQLite drops a table's triggers when a migration rebuilds the table (batch mode), the start-up shape
``migrate.ensure_schema`` runs :func:`install` after every upgrade and at every start that finds one
missing (the PostgreSQL upgrade, ``server_db.upgrade_server``, too).  They are not in a migration
file because they must outlive any later migration that rebuilds their tables; a migration's
downgrade that rebuilds these tables must drop them first (0006 does).
"""

from __future__ import annotations

from typing import Any

from ..domain.i18n import MESSAGES, QT_TRANSLATE_NOOP
from .errors import StorageError

RETENTION = "retention"

KINDS = ("complaint", "service_report", "survey", "return_request", "training", "ticket", "followup",
         "customer", "product", "delivery", "use_record")

TRIGGERS: tuple[str, ...] = ("retention_complaint_delete", "retention_complaint_closed_date") + tuple(
    f"retention_{k}_{what}" for k in KINDS
    for what in ("revision_update", "revision_delete", "signature_update", "signature_delete"))

_MESSAGES = {
    "complaint-delete": QT_TRANSLATE_NOOP(MESSAGES, "投诉资料须在关闭后保存五年，数据库拒绝删除，没有改动任何数据。"),
    "closed-date": QT_TRANSLATE_NOOP(MESSAGES, "已关闭投诉的结案日期不能提前或清除（保管期限从结案日期起算），没有改动任何数据。"),
    "revision-update": QT_TRANSLATE_NOOP(MESSAGES, "存档的版本不能改写，没有改动任何数据。"),
    "revision-delete": QT_TRANSLATE_NOOP(MESSAGES, "已签字的版本不能删除，没有改动任何数据。"),
    "signature-update": QT_TRANSLATE_NOOP(MESSAGES, "签字不能改写，没有改动任何数据。"),
    "signature-delete": QT_TRANSLATE_NOOP(MESSAGES, "存档版本上的签字不能删除，没有改动任何数据。"),
}


def installed(conn: Any) -> set[str]:
    """The retention triggers the database has."""
    if conn.dialect.name == "sqlite":
        rows = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='trigger'")
    else:
        rows = conn.exec_driver_sql("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
    return {r[0] for r in rows} & set(TRIGGERS)


def install(conn: Any) -> None:
    """Create every retention trigger (SQLite or PostgreSQL) that is missing, inside the caller's
    transaction: after each upgrade, and at start when a migration that rebuilt a table dropped its
    triggers (SQLite's batch mode does).  Idempotent."""
    if conn.dialect.name == "sqlite":
        def trigger(name: str, when: str, table: str, condition: str, message: str) -> None:
            conn.exec_driver_sql(
                f'CREATE TRIGGER IF NOT EXISTS "{name}" BEFORE {when} ON "{table}" FOR EACH ROW'
                + (f" WHEN {condition}" if condition else "")
                + f" BEGIN SELECT RAISE(ABORT, '{message}'); END")

        trigger("retention_complaint_delete", "DELETE", "complaint",
                "NOT (OLD.status IN ('已关闭', '已作废') AND OLD.closed_date IS NOT NULL"
                " AND date(OLD.closed_date, '+5 years') <= date('now'))", "retention:complaint-delete")
        trigger("retention_complaint_closed_date", "UPDATE OF closed_date, status", "complaint",
                "OLD.closed_date IS NOT NULL AND ((NEW.closed_date IS NULL AND NEW.status IN ('已关闭', '已作废'))"
                " OR NEW.closed_date < OLD.closed_date)", "retention:closed-date")
        for k in KINDS:
            alive = f'EXISTS (SELECT 1 FROM "{k}" WHERE id = OLD.record_id)'
            trigger(f"retention_{k}_revision_update", "UPDATE", f"{k}_revision", "", "retention:revision-update")
            trigger(f"retention_{k}_revision_delete", "DELETE", f"{k}_revision",
                    f'{alive} AND EXISTS (SELECT 1 FROM "{k}_signature" s WHERE s.record_id = OLD.record_id'
                    " AND s.revision = OLD.revision)", "retention:revision-delete")
            trigger(f"retention_{k}_signature_update", "UPDATE", f"{k}_signature", "", "retention:signature-update")
            trigger(f"retention_{k}_signature_delete", "DELETE", f"{k}_signature",
                    f'{alive} AND EXISTS (SELECT 1 FROM "{k}_revision" r WHERE r.record_id = OLD.record_id'
                    " AND r.revision = OLD.revision)", "retention:signature-delete")
    else:  # PostgreSQL: a trigger's WHEN cannot hold a subquery, so the checks are functions
        # (psycopg reads % as a placeholder: %% is a percent sign)
        conn.exec_driver_sql("""
    CREATE OR REPLACE FUNCTION asd_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '%%', TG_ARGV[0]; END $$""")
        conn.exec_driver_sql("""
    CREATE OR REPLACE FUNCTION asd_refuse_if_partner() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE hit boolean;
    BEGIN
      EXECUTE format('SELECT EXISTS (SELECT 1 FROM %%I WHERE id = $1) AND EXISTS (SELECT 1 FROM %%I'
                 ' WHERE record_id = $1 AND revision = $2)', TG_ARGV[0], TG_ARGV[1])
    INTO hit USING OLD.record_id, OLD.revision;
      IF hit THEN RAISE EXCEPTION '%%', TG_ARGV[2]; END IF;
      RETURN OLD;
    END $$""")

        def trigger(name: str, when: str, table: str, condition: str, function: str) -> None:
            conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{name}" ON "{table}"')
            conn.exec_driver_sql(
                f'CREATE TRIGGER "{name}" BEFORE {when} ON "{table}" FOR EACH ROW'
                + (f" WHEN ({condition})" if condition else "") + f" EXECUTE FUNCTION {function}")

        trigger("retention_complaint_delete", "DELETE", "complaint",
                "NOT (OLD.status IN ('已关闭', '已作废') AND OLD.closed_date IS NOT NULL"
                " AND OLD.closed_date + interval '5 years' <= current_date)",
                "asd_refuse('retention:complaint-delete')")
        trigger("retention_complaint_closed_date", "UPDATE OF closed_date, status", "complaint",
                "OLD.closed_date IS NOT NULL AND ((NEW.closed_date IS NULL AND NEW.status IN ('已关闭', '已作废'))"
                " OR NEW.closed_date < OLD.closed_date)", "asd_refuse('retention:closed-date')")
        for k in KINDS:
            trigger(f"retention_{k}_revision_update", "UPDATE", f"{k}_revision", "",
                    "asd_refuse('retention:revision-update')")
            trigger(f"retention_{k}_revision_delete", "DELETE", f"{k}_revision", "",
                    f"asd_refuse_if_partner('{k}', '{k}_signature', 'retention:revision-delete')")
            trigger(f"retention_{k}_signature_update", "UPDATE", f"{k}_signature", "",
                    "asd_refuse('retention:signature-update')")
            trigger(f"retention_{k}_signature_delete", "DELETE", f"{k}_signature", "",
                    f"asd_refuse_if_partner('{k}', '{k}_revision', 'retention:signature-delete')")


def retention_error(e: BaseException) -> StorageError | None:
    """A :class:`StorageError` for a write one of the retention triggers refused, else ``None``."""
    text = str(getattr(e, "orig", None) or e)
    marker = text.find("retention:")
    if marker < 0:
        return None
    rest = text[marker + len("retention:"):].split()
    template = _MESSAGES.get(rest[0].strip(".'\"")) if rest else None
    if template is None:
        return None
    return StorageError(template, reason=RETENTION, writing=True)
