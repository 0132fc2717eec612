"""The head-office window (issue 12): ``aftersales-desk --database URL`` opens a login, then the main
window on head office's PostgreSQL database as that user — every laptop's records with their
laptop and staff, decisions by role, the laptops' proposed customers and products."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from desktop.domain.clock import FixedClock
from desktop.services.sync.decisions import DecisionRefused, decide
from desktop.services.sync.head_office import (
    ORIGIN,
    STAFF,
    HeadOfficeUser,
    open_head_office,
    server_records,
)
from desktop.services.sync.hub import receive_batch
from desktop.services.sync.proposals import list_proposals
from desktop.services.transfer import dump_records
from desktop.storage.server_accounts import add_user
from tests.support import NOW
from tests.sync_helpers import laptop, new_complaint, token_for

PASSWORD = "correct horse battery"
USERS = {"孙品": "品质部", "钱员": "售后服务人员", "吴经理": "售后部经理", "赵总": "总经理"}


@pytest.fixture
def hq(pg_url: str) -> Any:
    server_records(pg_url, FixedClock(NOW)).db.dispose()  # server init
    service = open_head_office(pg_url, FixedClock(NOW))
    with service.db.write() as s:
        for name, role in USERS.items():
            add_user(s, name, role, PASSWORD)
    yield service
    service.db.dispose()


def _push(hq: Any, ctx: Any, code: str) -> None:
    """The laptop's records at head office, as a sync delivers them."""
    token_for(hq, code)
    receive_batch(hq, code, dump_records(ctx.records))


@pytest.fixture
def two_laptops(hq: Any, tmp_path: Path) -> dict[str, Any]:
    a, b = laptop(tmp_path, "A1", staff="王测试"), laptop(tmp_path, "B2", staff="李测试")
    made = {"A1": new_complaint(a, complainant_unit="北京市第一人民医院"),
            "B2": new_complaint(b, complainant_unit="上海市第六人民医院", complainant_phone="021-64369181")}
    for ctx, name, phone in ((a, "北京市第一人民医院", "010-65123456"), (b, "北京市第一人民医院", "010-65123456")):
        ctx.records.create("customer", {"name": name, "phone": phone, "registered_date": "2026-11-20"})
    _push(hq, a, "A1")
    _push(hq, b, "B2")
    made["laptops"] = {"A1": a, "B2": b}
    yield made
    a.close()
    b.close()


@pytest.fixture
def open_window(qtbot: Any, gui_app: Any, dialogs: Any, hq: Any, tmp_path: Path) -> Any:
    from desktop.ui.head_office.window import HeadOfficeWindow

    made: list[Any] = []

    def make(name: str) -> Any:
        w = HeadOfficeWindow(tmp_path / f"ho-{len(made)}", hq, HeadOfficeUser(name, USERS[name]), "postgresql://hq/desk")
        w.show()
        qtbot.waitExposed(w)
        made.append(w)
        return w

    yield make
    dialogs.tearing_down = True
    for w in made:
        for d in w.findChildren(QDialog):  # a screen left open (modal) would take the next test's keys
            d.close()
        w.close()
        w.deleteLater()


def test_login_refuses_a_wrong_password_and_an_unknown_user_then_lets_the_user_in(qtbot: Any, gui_app: Any,
                                                                                 hq: Any) -> None:
    from desktop.ui.head_office.login_dialog import MAX_TRIES, LoginDialog

    dlg = LoginDialog(hq, "postgresql://hq/desk")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.name.setText("孙品")
    qtbot.keyClicks(dlg.password, "wrong password")
    qtbot.keyClick(dlg.password, Qt.Key.Key_Return)  # Enter logs in, as the button does
    assert dlg.user is None and dlg.result() != QDialog.DialogCode.Accepted
    assert "用户名或密码不正确" in dlg.message.text() and dlg.password.text() == ""
    dlg.name.setText("不存在的人")
    qtbot.keyClicks(dlg.password, PASSWORD)
    qtbot.mouseClick(dlg.login_button, Qt.MouseButton.LeftButton)
    assert dlg.user is None and f"还可以再试 {MAX_TRIES - 2} 次" in dlg.message.text()
    dlg.name.setText("孙品")
    qtbot.keyClicks(dlg.password, PASSWORD)
    qtbot.keyClick(dlg.password, Qt.Key.Key_Return)
    assert dlg.result() == QDialog.DialogCode.Accepted
    assert (dlg.user.name, dlg.user.role) == ("孙品", "品质部")


def test_login_gives_up_after_the_last_try(qtbot: Any, gui_app: Any, hq: Any) -> None:
    from desktop.ui.head_office.login_dialog import MAX_TRIES, LoginDialog

    dlg = LoginDialog(hq)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.name.setText("钱员")
    for _ in range(MAX_TRIES):
        dlg.password.setText("not the password")
        assert not dlg.try_login()
    assert dlg.result() == QDialog.DialogCode.Rejected and not dlg.isVisible()
    assert "程序将退出" in dlg.message.text()


def test_the_register_shows_each_records_laptop_and_staff_and_filters_by_laptop(
        open_window: Any, two_laptops: dict[str, Any], qtbot: Any) -> None:
    w = open_window("钱员")
    assert "总部" in w.windowTitle() and "钱员" in w.windowTitle() and "售后服务人员" in w.windowTitle()
    assert not w.act_sync.isVisible() and not w.act_backup.isVisible() and not w.act_import_scans.isVisible()
    assert w.act_conflicts in w.head_office_menu.actions() and w.act_proposals in w.head_office_menu.actions()
    page = w.registers["complaint"]
    w.tabs.setCurrentWidget(page)
    model = page.model
    headers = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert {"笔记本", "登记人 → 最后修改人"} <= set(headers)
    origin_col, staff_col = model.column_of(ORIGIN), model.column_of(STAFF)
    shown = {(model.index(r, origin_col).data(), model.index(r, staff_col).data(), model.index(r, 0).data())
             for r in range(model.rowCount())}
    assert shown == {("A1", "王测试", two_laptops["A1"].number), ("B2", "李测试", two_laptops["B2"].number)}
    # Filter by laptop: B2's only.
    page.origin_filter.setCurrentIndex(page.origin_filter.findData("B2"))
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [two_laptops["B2"].number]
    page.origin_filter.setCurrentIndex(0)
    # Search and open as on a laptop: from the search box, Down, Enter.
    from tests.gui_helpers import type_text

    type_text(qtbot, page.search, "上海")
    page.apply_filter()
    assert model.rowCount() == 1
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    form = w.current_form()
    assert form is not None and form.record.id == two_laptops["B2"].id
    # A laptop's record is the laptop's: read-only at head office, no steps, no save.
    assert form.read_only and not form.save_button.isVisible() and not form.step_buttons
    assert "B2" in form.message_bar.text()
    assert form.editors["complainant_unit"].isReadOnly()
    assert form.signatures_panel.buttons and not any(b.isEnabled() for b in form.signatures_panel.buttons.values())


def test_quality_is_determined_by_the_quality_department_and_not_by_a_service_clerk(
        open_window: Any, two_laptops: dict[str, Any], hq: Any, dialogs: Any) -> None:
    rec = two_laptops["A1"]
    clerk = open_window("钱员")
    form = clerk.open_record("complaint", rec.id)
    panel = form.decisions
    assert not panel.buttons["quality"].isEnabled() and not panel.choices["quality"].isEnabled()
    assert "品质部" in panel.notes["quality"].text() and panel.notes["quality"].isVisible()
    with pytest.raises(DecisionRefused):
        decide(hq, "钱员", "complaint", rec.id, "quality", {"quality_determination": "属于质量问题"})
    assert hq.get("complaint", rec.id).values.fields.get("quality_determination") in (None, "")

    quality = open_window("孙品")
    form = quality.open_record("complaint", rec.id)
    panel = form.decisions
    assert panel.buttons["quality"].isEnabled()
    assert not panel.buttons["gm"].isEnabled() and "总经理" in panel.reason("gm")
    panel.choices["quality"].setCurrentIndex(panel.choices["quality"].findData("属于质量问题"))
    panel.buttons["quality"].click()
    stored = hq.get("complaint", rec.id)
    assert stored.values.fields["quality_determination"] == "属于质量问题"
    assert stored.updated_by == "孙品（品质部）" and stored.updated_via == "head-office"
    assert stored.version == rec.version + 1
    assert form.record.version == stored.version and form.read_only  # shown as stored, still the laptop's
    assert "属于质量问题" in panel.notes["quality"].text()
    # The register says who made it on the laptop and who changed it at head office.
    page = quality.registers["complaint"]
    page.ensure_loaded()
    row = next(r for r in page.rows() if r.id == rec.id)
    assert row[STAFF] == "王测试 → 孙品（品质部）" and row[ORIGIN] == "A1"
    assert not dialogs.unexpected


def test_the_general_manager_approves_from_the_form(open_window: Any, two_laptops: dict[str, Any], hq: Any,
                                                    qtbot: Any) -> None:
    rec = two_laptops["B2"]
    gm = open_window("赵总")
    form = gm.open_record("complaint", rec.id)
    panel = form.decisions
    assert not panel.buttons["quality"].isEnabled() and panel.buttons["gm"].isEnabled()
    combo = panel.choices["gm"]
    combo.setFocus()
    combo.setCurrentIndex(combo.findData("同意"))
    from tests.gui_helpers import type_text

    type_text(qtbot, panel.comments["gm"], "同意免费更换")
    panel.buttons["gm"].setFocus()
    qtbot.keyClick(panel.buttons["gm"], Qt.Key.Key_Space)  # the keyboard presses the button
    fields = hq.get("complaint", rec.id).values.fields
    assert (fields["gm_decision"], fields["gm_name"], fields["gm_date"]) == ("同意", "赵总", hq.clock.today())
    assert fields["approval_comment"] == "同意免费更换"


def test_proposals_are_accepted_and_merged_from_the_screen(open_window: Any, two_laptops: dict[str, Any],
                                                          hq: Any, dialogs: Any) -> None:
    clerk = open_window("钱员")
    readonly = clerk.open_proposals()
    assert readonly.list.rowCount() == 2 and not readonly.accept_button.isEnabled()
    assert not readonly.merge_button.isEnabled() and "售后部经理" in readonly.rights.text()
    readonly.close()

    manager = open_window("吴经理")
    dlg = manager.open_proposals()
    assert [dlg.list.item(r, 0).text() for r in range(dlg.list.rowCount())] == ["A1", "B2"]
    import re

    received = dlg.list.horizontalHeaderItem(6).text(), dlg.list.item(0, 6).text()
    assert received[0] == "收到时间" and re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d", received[1]), received
    assert any(dlg.detail.item(r, 1).text() == "010-65123456" for r in range(dlg.detail.rowCount()))
    dlg.list.setCurrentCell(0, 0)
    assert dlg.accept_button.isEnabled()
    dlg.accept_button.click()
    assert hq.count("customer") == 1
    entry = hq.all_records("customer")[0]
    # B2's proposal remains; the register's entry is offered to merge it into.
    assert dlg.list.rowCount() == 1 and dlg.list.item(0, 0).text() == "B2"
    dlg.list.setCurrentCell(0, 0)
    ids = [dlg.targets.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dlg.targets.count())]
    assert ids == [entry.id]
    dialogs.answer(QMessageBox.StandardButton.Ok)  # 合并？
    dlg.merge_button.click()
    assert hq.count("customer") == 1
    decided = {(p.laptop, p.status, p.target_id, p.decided_by) for p in list_proposals(hq, None)}
    assert decided == {("A1", "accepted", entry.id, "吴经理"), ("B2", "merged", entry.id, "吴经理")}
    assert dlg.list.rowCount() == 0
    manager.registers["customer"].ensure_loaded()
    assert manager.registers["customer"].total == 1
    assert not dialogs.unexpected
    dlg.close()


def test_the_window_refuses_a_database_it_cannot_use(pg_url: str, tmp_path: Path, capsys: Any) -> None:
    from desktop.cli import main

    assert main(["--data-dir", str(tmp_path / "d"), "--database", "bad-url"]) == 1
    err = capsys.readouterr().err
    assert "错误" in err and "数据库" in err and "Traceback" not in err
    assert main(["--data-dir", str(tmp_path / "d"), "--database", "postgresql://nobody@127.0.0.1:1/none"]) == 1
    err = capsys.readouterr().err
    assert "无法连接总部数据库" in err and "Traceback" not in err
    assert main(["--data-dir", str(tmp_path / "d"), "--database", pg_url]) == 1  # never initialised
    err = capsys.readouterr().err
    assert "尚未建立" in err and "server init" in err


def test_the_command_opens_the_login_then_the_window_as_that_user(pg_url: str, hq: Any, tmp_path: Path,
                                                                   gui_app: Any, dialogs: Any, monkeypatch: Any) -> None:
    """``aftersales-desk --database URL``: the login, then the head-office window (not a laptop's)."""
    from PySide6.QtWidgets import QApplication

    from desktop.cli import main
    from desktop.ui.head_office.window import HeadOfficeWindow

    def log_in(dlg: Any) -> Any:
        assert dlg.objectName() == "head_office_login" and "postgresql://" in dlg.where.text()
        dlg.name.setText("吴经理")
        dlg.password.setText(PASSWORD)
        dlg.try_login()
        return dlg.result()

    seen: list[Any] = []

    def run_loop(_app: Any = None) -> int:
        seen.extend(w for w in QApplication.topLevelWidgets() if isinstance(w, HeadOfficeWindow) and w.isVisible())
        return 0

    monkeypatch.setattr(QApplication, "exec", run_loop)
    dialogs.answer(log_in)
    assert main(["--data-dir", str(tmp_path / "d"), "--database", pg_url]) == 0
    assert len(seen) == 1 and seen[0].user.name == "吴经理" and "总部" in seen[0].windowTitle()
    assert (tmp_path / "d" / "head-office").is_dir()  # its window state beside, not in, a laptop's data
    from PySide6.QtCore import QTimer

    assert not seen[0].findChild(QTimer, "daily_backup_timer")  # no SQLite backup at head office
    dialogs.tearing_down = True
    seen[0].close()
    seen[0].deleteLater()
    # Refused: the dialog is closed without a login; exit 1, the window never opens.
    dialogs.tearing_down = False
    dialogs.answer(lambda dlg: QDialog.DialogCode.Rejected)
    seen.clear()
    assert main(["--data-dir", str(tmp_path / "d"), "--database", pg_url]) == 1
    assert not seen


def test_a_record_changed_on_the_laptop_and_decided_at_head_office_is_a_conflict_on_the_screen(
        open_window: Any, two_laptops: dict[str, Any], hq: Any) -> None:
    from desktop.services.tickets import raw_of

    rec, a = two_laptops["A1"], two_laptops["laptops"]["A1"]
    decide(hq, "孙品", "complaint", rec.id, "quality", {"quality_determination": "属于质量问题"})
    raw = raw_of(a.records.get("complaint", rec.id))
    raw["reason"] = "复查后补充：桶身标签模糊。"
    a.records.update("complaint", rec.id, raw, by="王测试")
    receive_batch(hq, "A1", dump_records(a.records, "complaint"))
    w = open_window("孙品")
    dialog = w.open_conflicts()  # 总部 ▸ 冲突记录…
    assert dialog.list.rowCount() == 1 and dialog.list.item(0, 0).text() == rec.number
    labels = [dialog.diffs.item(r, 0).text() for r in range(dialog.diffs.rowCount())]
    assert "质量界定" in labels and any("投诉原因" in t or "经过" in t for t in labels)
    dialog.close()


def test_a_decision_on_a_record_a_sync_changed_meanwhile_is_refused_and_the_new_version_shown(
        open_window: Any, two_laptops: dict[str, Any], hq: Any, dialogs: Any, pg_url: str) -> None:
    from desktop.services.tickets import raw_of

    rec, a = two_laptops["A1"], two_laptops["laptops"]["A1"]
    sync_server = server_records(pg_url, FixedClock(NOW))  # the sync service: another process, another service
    w = open_window("孙品")
    form = w.open_record("complaint", rec.id)
    raw = raw_of(a.records.get("complaint", rec.id))
    raw["reason"] = "复查后补充：桶身标签模糊。"
    a.records.update("complaint", rec.id, raw, by="王测试")
    receive_batch(sync_server, "A1", dump_records(a.records, "complaint"))
    sync_server.db.dispose()
    assert hq.get("complaint", rec.id).version == rec.version + 1 and form.record.version == rec.version
    panel = form.decisions
    panel.choices["quality"].setCurrentIndex(panel.choices["quality"].findData("不属于质量问题"))
    dialogs.answer(QMessageBox.StandardButton.Ok)
    assert not panel.decide("quality")
    assert "刚被修改过" in dialogs.seen[-1]["text"]
    stored = hq.get("complaint", rec.id)
    assert stored.values.fields.get("quality_determination") in (None, "")  # nothing written over the sync
    assert form.record.version == stored.version and form.editors["reason"].raw() == "复查后补充：桶身标签模糊。"
    panel.choices["quality"].setCurrentIndex(panel.choices["quality"].findData("不属于质量问题"))
    assert panel.decide("quality")  # on the version now shown
    assert hq.get("complaint", rec.id).values.fields["quality_determination"] == "不属于质量问题"


def test_a_return_request_is_approved_at_head_office_by_the_after_sales_manager(
        open_window: Any, two_laptops: dict[str, Any], hq: Any) -> None:
    from desktop.services.demo import example_object

    a = two_laptops["laptops"]["A1"]
    raw = {k: v for k, v in example_object("return-request", NOW.date()).items()
           if k not in ("kind", "status", "completed_date", "completion_note", "photos")
           and not k.startswith(("approv", "determin", "quality"))}
    rec = a.records.create("return-request", raw, by="王测试").record
    receive_batch(hq, "A1", dump_records(a.records, "return-request"))
    manager = open_window("吴经理")
    form = manager.open_record("return-request", rec.id)
    panel = form.decisions
    assert set(panel.buttons) == {"quality", "approval"}
    assert not panel.buttons["quality"].isEnabled() and "品质部" in panel.reason("quality")
    assert panel.buttons["approval"].isEnabled() and form.read_only
    panel.choices["approval"].setCurrentIndex(panel.choices["approval"].findData("同意"))
    assert panel.decide("approval")
    fields = hq.get("return-request", rec.id).values.fields
    assert (fields["approval_decision"], fields["approver_name"], fields["approver_role"]) == ("同意", "吴经理", "售后部经理")


def test_a_large_register_shows_the_newest_and_finds_the_rest_in_the_database(
        open_window: Any, two_laptops: dict[str, Any], hq: Any, qtbot: Any, monkeypatch: Any) -> None:
    """100,000 complaints are not loaded into the window: the register shows the newest that match
    (``register_limit``) and says so; a search, status or laptop asks the database again."""
    from tests.gui_helpers import type_text

    monkeypatch.setattr(type(hq), "register_limit", 1)
    w = open_window("钱员")
    page = w.registers["complaint"]
    w.tabs.setCurrentWidget(page)
    page.refresh()
    assert page.model.rowCount() == 1 and page.more and page.total == 2
    assert "显示最新的 1 条" in w.count_label.text() and "共 2 条" in w.count_label.text()
    shown = page.model.index(0, 0).data()
    other = next(r.number for r in (two_laptops["A1"], two_laptops["B2"]) if r.number != shown)
    type_text(qtbot, page.search, other)  # the older one, not among the rows shown
    page.apply_filter()
    assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == [other] and not page.more
    page.search.clear()
    page.apply_filter()
    page.origin_filter.setCurrentIndex(page.origin_filter.findData(other.split("-")[2]))
    assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == [other]


def test_a_home_figure_on_a_large_register_shows_its_first_records_not_only_the_newest(
        open_window: Any, two_laptops: dict[str, Any], hq: Any, qtbot: Any, monkeypatch: Any) -> None:
    """A 首页 figure (every open complaint) on a register that shows only the newest rows: the
    figure's records from its first on, found by the database, not those of them among the newest."""
    from tests.gui_helpers import type_text

    monkeypatch.setattr(type(hq), "register_limit", 1)
    w = open_window("钱员")
    page = w.registers["complaint"]
    w.tabs.setCurrentWidget(page)
    page.refresh()
    numbers = sorted(r.number for r in (two_laptops["A1"], two_laptops["B2"]))
    assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == [numbers[-1]]  # the newest
    page.show_group("complaints_open")
    assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == [numbers[0]]  # the figure's first
    assert page.more and "显示“未结投诉”中的前 1 条" in w.count_label.text()
    type_text(qtbot, page.search, numbers[-1])  # the figure's other record, by its number
    page.apply_filter()
    assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == [numbers[-1]] and not page.more
    assert hq.search("complaint", "", ids=[two_laptops["B2"].id, two_laptops["A1"].id]) and [
        r.number for r in hq.search("complaint", "", ids=[two_laptops["B2"].id, "no-such-id", two_laptops["A1"].id])
    ] == [two_laptops["B2"].number, two_laptops["A1"].number]  # in the order asked
    page.clear_filters()
    page.apply_filter()
    assert [page.model.index(r, 0).data() for r in range(page.model.rowCount())] == [numbers[-1]]


def test_head_office_sees_the_drafts_laptops_deleted_and_opens_one_it_kept(
        open_window: Any, two_laptops: dict[str, Any], hq: Any, qtbot: Any) -> None:
    """总部 ▸ 笔记本删除的草稿…: what laptops deleted after a sync, newest first, with what head office
    did (deleted too, or kept and why); by laptop; a kept record opens from the list."""
    import datetime as dt

    from desktop.storage.sync_tables import SyncDeletion

    kept = two_laptops["A1"]
    with hq.db.write() as s:
        s.add(SyncDeletion(id="d1", laptop="A1", kind="service-report", record_id="00000000-0000-4000-8000-000000000001",
                           number="FW-2026-A1-0003", outcome="deleted", reason="",
                           at=dt.datetime(2026, 11, 20, 1, 0, tzinfo=dt.UTC)))
        s.add(SyncDeletion(id="d2", laptop="A1", kind="complaint", record_id=kept.id, number=kept.number,
                           outcome="held", reason="总部已对它做出决定（质量界定）",
                           at=dt.datetime(2026, 11, 21, 1, 0, tzinfo=dt.UTC)))
    w = open_window("吴经理")
    assert w.act_deletions in w.head_office_menu.actions()
    dialog = w.open_deletions()
    table = dialog.table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    assert [r[3] for r in rows] == [kept.number, "FW-2026-A1-0003"]  # newest first
    assert rows[0][4] == "总部保留：总部已对它做出决定（质量界定）" and rows[1][4] == "总部已删除"
    assert rows[0][1] == "A1" and rows[0][2] == "投诉"
    dialog.laptop_filter.setCurrentIndex(dialog.laptop_filter.findData("B2"))
    assert table.rowCount() == 0 and dialog.empty.isVisibleTo(dialog) and "没有" in dialog.empty.text()
    dialog.laptop_filter.setCurrentIndex(0)
    table.setFocus()
    table.setCurrentCell(0, 0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    form = w.tabs.currentWidget()
    assert getattr(form, "record", None) is not None and form.record.id == kept.id


def test_a_refusal_of_head_office_is_said_in_the_windows_language(gui_app: Any) -> None:
    """A decision or a proposal the user may not make is refused in the window's language, the roles it
    names too (the services keep the message's template; the command line prints it filled in)."""
    from desktop.app import DEFAULT_LANG, install_translators
    from desktop.services.sync.proposals import ProposalRefused
    from desktop.ui.head_office import refusal_text

    refused = DecisionRefused("{user}（{role}）无权做这一步：需要 {roles}", user="周工", role="品质部",
                              roles="管理者代表、总经理")
    assert str(refused) == "周工（品质部）无权做这一步：需要 管理者代表、总经理"
    assert refusal_text(refused) == str(refused)  # Chinese first
    assert install_translators(gui_app, "en") == "en"
    try:
        assert refusal_text(refused) == ("周工 (Quality department) may not take this step: it needs "
                                         "Management representative, General manager")
        unknown = DecisionRefused("{user}（{role}）无权做这一步：需要 {roles}", user="x", role="未知用户", roles="总经理")
        assert "未知" not in refusal_text(unknown)
        done = ProposalRefused("这条提议已处理（{status}）", status="merged")
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in refusal_text(done))
    finally:
        install_translators(gui_app, DEFAULT_LANG)
