"""The registers: model checks, search as you type, sorting, opening records (the complaint's in
detail, then every form's)."""

from __future__ import annotations

import pytest
from gui_helpers import double_click_row, type_text, visible_rows
from PySide6.QtCore import QSortFilterProxyModel, Qt

from desktop.domain.forms import SPECS
from desktop.ui.register_table_model import ID_ROLE, SORT_ROLE, RegisterSortProxyModel, RegisterTableModel

pytestmark = pytest.mark.gui

BATCH, NUMBER, UNIT, STATUS = 4, 0, 2, 7


def test_register_model_passes_the_model_tester(qtmodeltester, gui_app, demo_ctx) -> None:
    model = RegisterTableModel("complaint")
    model.set_rows(demo_ctx.records.search("complaint"))
    qtmodeltester.check(model, force_py=True)
    model.sort(STATUS, Qt.SortOrder.DescendingOrder)  # the tester watches the layout change
    model.set_rows(demo_ctx.records.search("complaint", "医院"))  # and the reset


def test_register_proxy_passes_the_model_tester(qtmodeltester, gui_app, demo_ctx) -> None:
    model = RegisterTableModel("complaint")
    model.set_rows(demo_ctx.records.search("complaint"))
    proxy = RegisterSortProxyModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)
    proxy.sort(UNIT)


def test_the_model_sorts_as_a_plain_proxy_on_its_sort_role_would(gui_app, demo_ctx) -> None:
    model = RegisterTableModel("complaint")
    model.set_rows(demo_ctx.records.search("complaint"))
    plain = QSortFilterProxyModel()
    plain.setSourceModel(model)
    plain.setSortRole(SORT_ROLE)
    for column in range(model.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            ours = RegisterTableModel("complaint")
            ours.set_rows(demo_ctx.records.search("complaint"))
            ours.sort(column, order)
            plain.sort(column, order)
            expected = [plain.index(r, column).data(SORT_ROLE) for r in range(plain.rowCount())]
            assert [ours.index(r, column).data(SORT_ROLE) for r in range(ours.rowCount())] == expected


def test_register_lists_every_complaint_with_chinese_headers(demo_window, demo_ctx) -> None:
    page = demo_window.register
    headers = [page.proxy.headerData(i, Qt.Orientation.Horizontal) for i in range(page.proxy.columnCount())]
    assert headers == ["备案编号", "登记日期", "投诉单位", "产品", "生产批号", "投诉类别", "投诉性质", "状态"]
    assert page.proxy.rowCount() == 14
    assert demo_window.count_label.text() == "投诉登记簿：共 14 条"
    assert demo_window.windowTitle() == "消杀药品售后服务台[*]"
    assert str(demo_ctx.data_dir) in demo_window.folder_label.text()
    # Newest first until a header is clicked.
    dates = visible_rows(page.view, 1)
    assert dates == sorted(dates, reverse=True)


def test_search_filters_the_register_as_the_clerk_types(qtbot, demo_window, demo_ctx) -> None:
    page = demo_window.register
    all_batches = visible_rows(page.view, BATCH)
    batch = next(b for b in all_batches if "XD250315" in b)
    assert batch
    expected = sum("XD2503" in b for b in all_batches)
    assert 0 < expected < len(all_batches)

    type_text(qtbot, page.search, "xd2503")  # case does not matter
    qtbot.waitUntil(lambda: page.proxy.rowCount() == expected)
    assert all("XD2503" in b for b in visible_rows(page.view, BATCH))
    assert demo_window.count_label.text() == f"投诉登记簿：显示 {expected} 条，共 14 条"

    # Chinese words, several at once: every word must match.
    page.search.clear()
    type_text(qtbot, page.search, "北京 医院")
    beijing = len(demo_ctx.records.search("complaint", "北京 医院"))
    assert 0 < beijing < 14
    qtbot.waitUntil(lambda: page.proxy.rowCount() == beijing)
    # Every text a record holds is searched (an address on 北京西路, a hospital in the reason…).
    assert "北京市第一人民医院" in set(visible_rows(page.view, UNIT))

    # Enter searches at once, without waiting for the pause.
    page.search.clear()
    qtbot.keyClicks(page.search, "no-such-thing")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert page.proxy.rowCount() == 0
    assert page.empty.isVisible()

    page.search.clear()
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 14)
    assert not page.empty.isVisible()


def test_clicking_a_header_sorts_by_that_column(qtbot, demo_window) -> None:
    page = demo_window.register
    header = page.view.horizontalHeader()
    x = header.sectionViewportPosition(NUMBER) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=header.rect().center().__class__(x, 5))
    numbers = visible_rows(page.view, NUMBER)
    assert numbers in (sorted(numbers), sorted(numbers, reverse=True))
    page.view.selectRow(5)
    selected = page.selected_id()
    page.view.sortByColumn(STATUS, Qt.SortOrder.AscendingOrder)
    order = ["已登记", "调查中", "已界定", "处理中", "已反馈", "已回访", "已关闭"]
    statuses = visible_rows(page.view, STATUS)
    assert statuses == sorted(statuses, key=order.index)  # in the order of work, not by character
    assert page.selected_id() == selected  # the selected complaint stays selected

    # A new search keeps the order the clerk chose.
    page.view.sortByColumn(UNIT, Qt.SortOrder.DescendingOrder)
    type_text(qtbot, page.search, "医院")
    qtbot.waitUntil(lambda: 0 < page.proxy.rowCount() < 14)
    units = visible_rows(page.view, UNIT)
    assert units == sorted(units, reverse=True)


def test_double_click_and_enter_open_the_record(qtbot, demo_window) -> None:
    page = demo_window.register
    double_click_row(qtbot, page.view, 2)
    form = demo_window.current_form()
    record_id = page.proxy.index(2, 0).data(ID_ROLE)
    assert form is not None and form.record.id == record_id
    assert demo_window.tabs.tabText(demo_window.tabs.currentIndex()) == form.record.number

    # Back to the register; Enter on the same line brings the open tab forward, no second copy.
    demo_window.tabs.setCurrentWidget(page)
    tabs = demo_window.tabs.count()
    page.view.setFocus()
    page.view.setCurrentIndex(page.proxy.index(2, 0))
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert demo_window.current_form() is form and demo_window.tabs.count() == tabs

    # Down from the search box goes into the results; Enter opens.
    demo_window.focus_search()
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.view.hasFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    assert demo_window.current_form().record.id == page.proxy.index(0, 0).data(ID_ROLE)


def test_open_action_opens_the_selected_record(demo_window) -> None:
    page = demo_window.register
    page.view.selectRow(3)
    demo_window.act_open.trigger()
    assert demo_window.current_form().record.id == page.proxy.index(3, 0).data(ID_ROLE)


# ------------------------------------------------------------------------------ every form's register

KINDS = list(SPECS)


@pytest.mark.parametrize("kind", KINDS)
def test_every_register_model_passes_the_model_tester(qtmodeltester, gui_app, forms_ctx, kind) -> None:
    rows = forms_ctx.records.search(kind)
    assert rows, kind
    model = RegisterTableModel(kind)
    model.set_rows(rows)
    qtmodeltester.check(model, force_py=True)
    for column in range(model.columnCount()):
        model.sort(column, Qt.SortOrder.DescendingOrder)
    proxy = RegisterSortProxyModel()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy, force_py=True)


@pytest.mark.parametrize("kind", KINDS)
def test_every_register_lists_and_searches_its_records(qtbot, forms_window, forms_ctx, kind) -> None:
    window, service = forms_window, forms_ctx.records
    spec = SPECS[kind]
    page = window.registers[kind]
    window.tabs.setCurrentWidget(page)
    assert window.tabs.tabText(window.tabs.currentIndex()) == spec.short_title
    assert window.tabs.tabToolTip(window.tabs.currentIndex()) == spec.register_title
    headers = [page.proxy.headerData(i, Qt.Orientation.Horizontal) for i in range(page.proxy.columnCount())]
    assert headers == [spec.label_of(k) for k in ("number", *spec.register, "status")]
    total = len(service.search(kind))
    assert page.proxy.rowCount() == total
    assert window.count_label.text() == f"{spec.register_title}：共 {total} 条"
    assert page.new_button.text() == f"新建{spec.short_title}"
    assert window.act_new.text() == f"新建{spec.short_title}"
    assert visible_rows(page.view, 0) and all(n.startswith(spec.number_prefix) for n in visible_rows(page.view, 0))

    # Search by the customer (a product by its name): only those records, as the service finds them.
    unit_col = page.model.column_of(spec.customer_field or "name")
    unit = visible_rows(page.view, unit_col)[0]
    type_text(qtbot, page.search, unit)
    expected = len(service.search(kind, unit))
    qtbot.waitUntil(lambda: page.proxy.rowCount() == expected)
    assert set(visible_rows(page.view, unit_col)) == {unit}
    assert window.count_label.text() == f"{spec.register_title}：显示 {expected} 条，共 {total} 条"

    # Ctrl+N here makes a record of this kind; the register's button too.
    page.search.clear()
    window.act_new.trigger()
    assert window.current_form().kind == kind
    window.close_current_tab()
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert window.current_form().kind == kind
    window.close_current_tab()


def test_columns_sort_by_their_type(gui_app, forms_ctx) -> None:
    model = RegisterTableModel("survey")
    model.set_rows(forms_ctx.records.search("survey"))
    score = model.column_of("score_overall")
    model.sort(score, Qt.SortOrder.DescendingOrder)
    scores = [model.index(r, score).data(SORT_ROLE) for r in range(model.rowCount())]
    assert scores == sorted(scores, reverse=True) and isinstance(scores[0], int)
    shown = [model.index(r, score).data() for r in range(model.rowCount())]
    assert shown[0] in ("5 很满意", "4 满意") and shown[-1] == ""  # not given: last, shown empty
    status = model.column_of("status")
    model.sort(status, Qt.SortOrder.AscendingOrder)
    statuses = [model.index(r, status).data() for r in range(model.rowCount())]
    assert statuses == sorted(statuses, key=["已发放", "已回收"].index)
    date = model.column_of("survey_date")
    model.sort(date, Qt.SortOrder.AscendingOrder)
    dates = [model.index(r, date).data() for r in range(model.rowCount())]
    assert dates == sorted(dates)


def test_a_customer_head_office_did_not_take_is_greyed_with_who_and_when_until_it_is_changed(
        qtbot, window, service) -> None:
    """Issue 12: a laptop's customer that head office rejected stays on the laptop; its register row
    says so (grey, the tool tip names who decided and that a change proposes it again)."""
    import datetime as dt

    from desktop.services.tickets import raw_of
    from desktop.storage.sync_tables import SyncRegisterNote
    from desktop.ui.row_tones import BACKGROUNDS, NOT_TAKEN

    mine = service.create("customer", {"name": "上海某物业公司", "phone": "021-55550000",
                                       "registered_date": "2026-03-10"}).record
    other = service.create("customer", {"name": "无锡市人民医院", "phone": "0510-82700775",
                                        "registered_date": "2026-03-10"}).record
    with service.db.write() as s:
        s.add(SyncRegisterNote(record_id=mine.id, kind="customer", number=mine.number, name="上海某物业公司",
                               status="rejected", tag=mine.version_tag, decided_by="吴经理",
                               decided_at=dt.datetime(2026, 3, 18, 2, 0, tzinfo=dt.UTC)))
    page = window.registers["customer"]
    window.tabs.setCurrentWidget(page)
    page.refresh()

    def looks(record_id: str) -> tuple[object, object]:
        row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 0).data(ID_ROLE) == record_id)
        index = page.model.index(row, 0)
        return index.data(Qt.ItemDataRole.BackgroundRole), index.data(Qt.ItemDataRole.ToolTipRole)

    background, tip = looks(mine.id)
    assert background == BACKGROUNDS[NOT_TAKEN] and "总部未采纳" in tip and "吴经理 2026-03-18" in tip
    signs = {page.model.index(r, 0).data(ID_ROLE): page.model.index(r, 0).data(Qt.ItemDataRole.DecorationRole)
             for r in range(page.model.rowCount())}
    assert signs[mine.id] is not None and signs[other.id] is None  # a warning sign in the first cell
    assert looks(other.id)[0] is None
    raw = raw_of(service.get("customer", mine.id))
    raw["phone"] = "021-55551111"  # changed: proposed again at the next sync, no longer marked
    service.update("customer", mine.id, raw)
    page.refresh()
    assert looks(mine.id)[0] is None
