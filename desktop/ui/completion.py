"""Completion as you type in the forms (issue 6): customer, contact, product and batch.

Installed on every form by :func:`install` (registered as a form extra for every kind, see
``form_extras.EXTRA_MODULES``), it adds to the form's existing editors:

- the customer field (``spec.customer_field``): the units of the customer register matching part of
  the name, a phone number, the number or the pinyin (``bjdyyy`` → 北京第一医院); choosing one fills
  the form's empty address, contact and phone fields from the customer's record (by their roles,
  :func:`customer_fills`);
- the contact name fields: the contacts of the chosen unit; choosing one fills the phone;
- product names, on the form and in item tables: the product register; choosing one fills the
  row's (or form's) empty unit, packaging and registration number;
- batch numbers: the batches delivered to this customer (of this product when one is named), with
  their delivery and expiry dates.

Nothing is read when the form opens: the look-up is built when a field is first typed in (in a
background thread as soon as the customer field gets the focus).  Fills only ever write empty
fields, and they are edits like the user's own: the form becomes dirty.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFocusEvent, QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidgetItem,
    QWidget,
)

from ..domain import roles
from ..domain.fields import FieldType, FormSpec
from ..domain.forms import SPECS

if TYPE_CHECKING:
    from ..services.lookup import BatchHit, CustomerHit, Lookups, ProductHit
    from .form_view import FormView
    from .item_table_editor import ItemTableEditor

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
PAYLOAD = Qt.ItemDataRole.UserRole + 1
VALUE = Qt.ItemDataRole.UserRole + 2

# What choosing a product fills in its row or form: product line role → attribute of ProductHit.
PRODUCT_FILLS = {roles.MEASURE: "unit", roles.PACKAGING: "packaging", roles.REGISTRATION_NO: "registration_no"}


def customer_fills(spec: FormSpec) -> dict[str, str]:
    """What choosing a customer fills on a form, by the fields' roles: field → what of the customer
    (``roles.CUSTOMER_ATTRIBUTES``: the address, the unit's phone and number, the sales rep, the
    primary contact — not where the contact is whoever rang)."""
    out = {}
    for role, what in roles.CUSTOMER_ATTRIBUTES.items():
        key = spec.role(role)
        if key and "." not in key and (spec.customer_fills_contact or role not in roles.CONTACT_ROLES):
            out[key] = what
    return out


def contact_fields(spec: FormSpec) -> dict[str, tuple[str, str]]:
    """The contact name field → its phone field and its post field ("" if none), by role."""
    name = spec.role(roles.CONTACT)
    return {name: (spec.role(roles.CONTACT_PHONE), spec.role(roles.CONTACT_POST))} if name else {}


def _product_field(spec: FormSpec, role: str) -> str:
    """The field (not a table column) playing a product line ``role``, "" if none."""
    key = spec.role(role)
    return "" if "." in key else key


# ------------------------------------------------------------------------- a suggestion popup

_CLOSING_KEYS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab, Qt.Key.Key_Backtab,
                           Qt.Key.Key_Escape})


@dataclass(frozen=True)
class Suggestion:
    text: str  # shown in the list
    value: str  # written into the field
    payload: Any


def _closes_list(event: QEvent) -> bool:
    kind = event.type()
    if kind == QEvent.Type.KeyPress:
        return isinstance(event, QKeyEvent) and event.key() in _CLOSING_KEYS
    if kind == QEvent.Type.FocusOut:
        return isinstance(event, QFocusEvent) and event.reason() != Qt.FocusReason.PopupFocusReason
    return kind in (QEvent.Type.Hide, QEvent.Type.DeferredDelete)


class Suggestions(QObject):
    """A popup of suggestions under a line edit, filled by ``source(text)`` as the user types.

    The list is filtered by the source (pinyin initials, phone digits), not by Qt: the completer
    shows it unfiltered.  ``picked`` is emitted with the :class:`Suggestion` chosen (Enter or a
    click), after the line edit shows its value."""

    picked = Signal(object)

    def __init__(self, line: QLineEdit, source: Callable[[str], list[Suggestion]], name: str,
                 min_chars: int = 1) -> None:
        super().__init__(line)
        self.line = line
        self.source = source
        self.min_chars = min_chars
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setObjectName(f"{name}_completer")
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setMaxVisibleItems(12)
        self.completer.setWidget(line)
        self.completer.popup().setObjectName(f"{name}_suggestions")
        self.completer.popup().installEventFilter(self)
        self.completer.activated[QModelIndex].connect(self._activated)
        line.textEdited.connect(self.refresh)
        line.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Close the list when its field is done with: Enter, Tab or Esc reaching the field itself,
        the field losing the focus to anything but the list, or going away (a table cell's editor
        closing) — a list left open would keep the window's focus."""
        if obj is self.line and self.popup().isVisible() and _closes_list(event):
            self.popup().hide()
        elif obj is self.popup() and event.type() == QEvent.Type.WindowActivate and not self.popup().isVisible():
            # A platform that activates every window it shows (offscreen) may do so after a list
            # shown and closed at once: give the activation back to the form's window.
            host = self.line.window()
            if host is not None and host is not self.popup():
                host.activateWindow()
        return False

    def popup(self) -> QWidget:
        return self.completer.popup()

    def refresh(self, text: str | None = None) -> None:
        text = self.line.text() if text is None else text
        try:
            found = self.source(text) if len(text.strip()) >= self.min_chars else []
        except Exception:  # a look-up must never break typing
            log.exception("completion failed for %r", text)
            found = []
        self.model.clear()
        for s in found:
            item = QStandardItem(s.text)
            item.setData(s, PAYLOAD)
            item.setData(s.value, VALUE)
            item.setEditable(False)
            self.model.appendRow(item)
        if found:
            # Nothing chosen yet: Enter keeps what was typed, ↓ then Enter takes a suggestion.
            self.completer.complete()
        else:
            self.popup().hide()

    def suggestions(self) -> list[Suggestion]:
        return [self.model.item(r).data(PAYLOAD) for r in range(self.model.rowCount())]

    def choose(self, row: int) -> None:
        """Choose the ``row``-th suggestion, as a click on it does."""
        self._chosen(self.model.item(row).data(PAYLOAD))

    def _activated(self, index: QModelIndex) -> None:
        s = index.data(PAYLOAD)
        if isinstance(s, Suggestion):
            self._chosen(s)

    def _chosen(self, s: Suggestion) -> None:
        self.popup().hide()
        if self.line.text() != s.value:
            self.line.setText(s.value)
            self.line.textEdited.disconnect(self.refresh)
            try:
                self.line.textEdited.emit(s.value)  # an edit: the form becomes dirty
            finally:
                self.line.textEdited.connect(self.refresh)
        self.picked.emit(s)


# ------------------------------------------------------------------------- what the look-ups offer


def customer_suggestions(lookups: Lookups, text: str) -> list[Suggestion]:
    out = []
    for hit in lookups.customers.find(text, 20):
        extra = "　".join(p for p in (hit.region, hit.phone, hit.number) if p)
        out.append(Suggestion(f"{hit.name}　{extra}" if extra else hit.name, hit.name, hit))
    return out


def product_suggestions(lookups: Lookups, text: str) -> list[Suggestion]:
    out = []
    for hit in lookups.products.find(text, 20):
        extra = "　".join(p for p in (hit.pack_size, hit.registration_no) if p)
        out.append(Suggestion(f"{hit.name}　{extra}" if extra else hit.name, hit.name, hit))
    return out


def batch_suggestions(lookups: Lookups, text: str, customer: str, product: str) -> list[Suggestion]:
    hits = lookups.batches(customer=customer, product=product, text=text, limit=30)
    if not hits and customer:  # a batch the register has under another unit name
        hits = lookups.batches(product=product, text=text, limit=30) if (product or text.strip()) else []
    out, seen = [], set()
    for hit in hits:
        key = (hit.batch_no, hit.product_name, hit.delivery_date)
        if key in seen:
            continue
        seen.add(key)
        shown = QCoreApplication.translate("FormCompletion", "{batch}　{product}　发货 {delivered}　有效期至 {expiry}").format(
            batch=hit.batch_no, product=hit.product_name,
            delivered=hit.delivery_date.isoformat() if hit.delivery_date else "—",
            expiry=hit.expiry_date.isoformat() if hit.expiry_date else "—")
        out.append(Suggestion(shown, hit.batch_no, hit))
    return out


def contact_suggestions(lookups: Lookups, customer: str, text: str) -> list[Suggestion]:
    hit = lookups.customers.by_name(customer) if customer.strip() else None
    if hit is None:
        return []
    key = text.strip().lower()
    out = []
    for c in hit.contacts:
        if key and key not in c.name.lower() and key not in c.phone and key not in c.position.lower():
            continue
        extra = "　".join(p for p in (c.position, c.phone) if p)
        out.append(Suggestion(f"{c.name}　{extra}" if extra else c.name, c.name, c))
    return out


# ------------------------------------------------------------------------- filling a form


def _empty(editor: Any) -> bool:
    return editor.raw() in ("", None)


def set_if_empty(form: FormView, key: str, value: Any) -> bool:
    """Write ``value`` into the form's empty field ``key`` as an edit; False if not written."""
    ed = form.editors.get(key)
    if ed is None or value in ("", None) or ed.field.read_only or form.read_only or not _empty(ed):
        return False
    f = ed.field
    if f.type is FieldType.CHOICE and value not in f.choices:
        return False
    ed.set_value(value)
    ed.edited.emit()
    ed.committed.emit()
    return True


def customer_value(hit: CustomerHit, what: str) -> str:
    contact = hit.primary_contact()
    if what == "contact_name":
        return contact.name if contact else ""
    if what == "contact_phone":
        return (contact.phone if contact else "") or hit.phone
    if what == "contact_post":
        return contact.position if contact else ""
    return str(getattr(hit, what, "") or "")


def fill_from_customer(form: FormView, hit: CustomerHit) -> list[str]:
    """Fill the form's empty fields from the customer's record; the keys written."""
    return [key for key, what in customer_fills(form.spec).items()
            if set_if_empty(form, key, customer_value(hit, what))]


def fill_row_from_product(spec: FormSpec, table: ItemTableEditor, row: int, hit: ProductHit) -> list[str]:
    """Fill the row's empty unit, packaging and registration number cells from the product: in the
    form's table of product lines by the columns' roles; in another table of products (a service
    report's 用药) by the product register's own keys."""
    written: list[str] = []
    if table.spec.key == spec.item_table():
        fills = {spec.role_column(r): what for r, what in PRODUCT_FILLS.items() if spec.role_column(r)}
    else:
        fills = {what: what for what in PRODUCT_FILLS.values()}
    for c, col in enumerate(table.spec.columns):
        what = fills.get(col.key)
        if what is None:
            continue
        value = getattr(hit, what, "")
        if not value or (col.type is FieldType.CHOICE and value not in col.choices):
            continue
        item = table.table.item(row, c)
        if item is None:
            item = QTableWidgetItem("")
            table.table.setItem(row, c, item)
        if str(item.data(Qt.ItemDataRole.EditRole) or "").strip():
            continue
        item.setData(Qt.ItemDataRole.EditRole, value)  # itemChanged: the form's edit
        written.append(col.key)
    return written


def _cell(table: ItemTableEditor, row: int, key: str) -> str:
    keys = [c.key for c in table.spec.columns]
    if key not in keys:
        return ""
    item = table.table.item(row, keys.index(key))
    return str(item.data(Qt.ItemDataRole.EditRole) or "").strip() if item is not None else ""


# ------------------------------------------------------------------------- item tables


class CompletingDelegate(QStyledItemDelegate):
    """The line edit of a product name or batch number cell, with suggestions; choosing one
    commits the cell and fills the row's other empty cells."""

    def __init__(self, completion: FormCompletion, table: ItemTableEditor, column_key: str) -> None:
        super().__init__(table.table)
        self.completion = completion
        self.table = table
        self.column_key = column_key

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setObjectName(f"{self.column_key}_editor")
        editor.setFrame(False)
        row = index.row()
        if self.column_key == "product_name":
            source = self.completion.products
        else:
            def source(text: str, row: int = row) -> list[Suggestion]:
                return self.completion.batches(text, _cell(self.table, row, "product_name"))
        suggestions = Suggestions(editor, source, f"{self.table.spec.key}_{self.column_key}")
        suggestions.picked.connect(lambda s, e=editor, r=row: self._picked(e, r, s))
        editor.setProperty("suggestions", suggestions)  # for the tests: editor.property("suggestions")
        self.completion.last_cell_suggestions = suggestions
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        before = str(index.data(Qt.ItemDataRole.EditRole) or "")
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
        if self.column_key == "product_name" and editor.text().strip() and editor.text() != before:
            # A product typed out in full fills the row as choosing it does.
            product = self.completion.product_named(editor.text())
            if product is not None:
                fill_row_from_product(self.completion.spec, self.table, index.row(), product)

    def _picked(self, editor: QLineEdit, row: int, s: Suggestion) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor, QStyledItemDelegate.EndEditHint.NoHint)
        self.completion.row_picked(self.table, row, self.column_key, s.payload)


# ------------------------------------------------------------------------- one form


class FormCompletion(QObject):
    """The completion of one form (made by :func:`install`)."""

    def __init__(self, form: FormView) -> None:
        super().__init__(form)
        self.form = form
        self.kind = form.kind
        self.spec = form.spec
        self._lookups: Lookups | None = None
        self.suggestions: dict[str, Suggestions] = {}
        self.last_cell_suggestions: Suggestions | None = None
        self._filled_for = ""  # the customer whose details were last filled in
        self._left: dict[str, str] = {}  # field → its text when last left or loaded
        form.loaded.connect(self._forget_filled)
        key = self.spec.customer_field
        editors = form.editors
        if key and isinstance(editors.get(key), QLineEdit) and self.kind != "customer":
            s = self._attach(key, self.customers)
            s.picked.connect(lambda sug: self.customer_picked(sug.payload))
            editors[key].committed.connect(self._customer_committed)
            editors[key].installEventFilter(self)  # warm the look-up when the field gets the focus
        for name_key, (phone_key, post_key) in contact_fields(self.spec).items():
            if isinstance(editors.get(name_key), QLineEdit):
                s = self._attach(name_key, self.contacts)
                s.picked.connect(lambda sug, p=phone_key, q=post_key: self.contact_picked(sug.payload, p, q))
        # A form holding one product (by role) completes its product and batch fields; a table of
        # product lines its product and batch columns.
        self.product_key = _product_field(self.spec, roles.PRODUCT)
        self.batch_key = _product_field(self.spec, roles.BATCH)
        if isinstance(editors.get(self.product_key), QLineEdit):
            s = self._attach(self.product_key, self.products)
            s.picked.connect(lambda sug: self.product_picked(sug.payload))
            editors[self.product_key].committed.connect(self._product_committed)
        if isinstance(editors.get(self.batch_key), QLineEdit):
            s = self._attach(self.batch_key, lambda text: self.batches(text, self._form_text(self.product_key)))
            s.picked.connect(lambda sug: self.batch_picked(sug.payload))
        for table in form.tables.values():
            keys = [c.key for c in table.spec.columns]
            for key in ("product_name", "batch_no"):  # the product register's keys, in every product table
                if key in keys:
                    table.table.setItemDelegateForColumn(keys.index(key), CompletingDelegate(self, table, key))

    def _attach(self, key: str, source: Callable[[str], list[Suggestion]]) -> Suggestions:
        s = Suggestions(self.form.editors[key], source, key)
        self.suggestions[key] = s
        return s

    # ---------------------------------------------------------------- the look-ups, built late

    @property
    def lookups(self) -> Lookups:
        if self._lookups is None:
            from ..services.lookup import lookup_for

            self._lookups = lookup_for(self.form.service)
        return self._lookups

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            warm_in_background(self.lookups)
        return False

    # ---------------------------------------------------------------- sources

    def customers(self, text: str) -> list[Suggestion]:
        return customer_suggestions(self.lookups, text)

    def products(self, text: str) -> list[Suggestion]:
        return product_suggestions(self.lookups, text)

    def contacts(self, text: str) -> list[Suggestion]:
        return contact_suggestions(self.lookups, self._form_text(self.spec.customer_field), text)

    def batches(self, text: str, product: str) -> list[Suggestion]:
        return batch_suggestions(self.lookups, text, self._form_text(self.spec.customer_field), product)

    def _form_text(self, key: str) -> str:
        ed = self.form.editors.get(key)
        return str(ed.raw() or "").strip() if ed is not None else ""

    def _forget_filled(self) -> None:
        """A record (or a new one) was loaded: what it holds was not typed now."""
        self._filled_for = ""
        self._left = {key: self._form_text(key) for key in (self.spec.customer_field, self.product_key)}

    def _changed_since_left(self, key: str) -> bool:
        """Whether the field's text differs from when it was last left (or loaded): tabbing
        through a saved record's fields fills nothing."""
        text = self._form_text(key)
        changed = text != self._left.get(key, "")
        self._left[key] = text
        return changed

    # ---------------------------------------------------------------- typed out in full

    def customer_named(self, name: str) -> CustomerHit | None:
        """The customer of exactly this unit name (only once the look-up was used: leaving the
        field of a record being looked at reads nothing)."""
        if self._lookups is None or not name.strip():
            return None
        return self.lookups.customers.by_name(name)

    def product_named(self, name: str) -> ProductHit | None:
        if not name.strip():
            return None
        return self.lookups.products.by_name(name)

    def _customer_committed(self) -> None:
        """A unit name typed out in full (or pasted) fills the form as choosing it does."""
        if not self._changed_since_left(self.spec.customer_field):
            return
        hit = self.customer_named(self._form_text(self.spec.customer_field))
        if hit is not None and hit.id != self._filled_for and not self.form.read_only:
            self.customer_picked(hit)

    def _product_committed(self) -> None:
        if not self._changed_since_left(self.product_key):
            return
        hit = self.product_named(self._form_text(self.product_key)) if self._lookups is not None else None
        if hit is not None and not self.form.read_only:
            self.product_picked(hit)

    # ---------------------------------------------------------------- choosing

    def customer_picked(self, hit: CustomerHit) -> None:
        self._filled_for = hit.id  # leaving the field then does not fill again what was cleared
        fill_from_customer(self.form, hit)

    def contact_picked(self, contact: Any, phone_key: str, post_key: str) -> None:
        set_if_empty(self.form, phone_key, contact.phone)
        if post_key:
            set_if_empty(self.form, post_key, contact.position)

    def product_picked(self, hit: ProductHit) -> None:
        for role, what in PRODUCT_FILLS.items():
            key = _product_field(self.spec, role)
            if key:
                set_if_empty(self.form, key, getattr(hit, what, ""))

    def batch_picked(self, hit: BatchHit) -> None:
        set_if_empty(self.form, self.product_key, hit.product_name)
        set_if_empty(self.form, "delivery_number", hit.number)  # a use record names its delivery
        measure = _product_field(self.spec, roles.MEASURE)
        if measure:
            set_if_empty(self.form, measure, hit.unit)

    def row_picked(self, table: ItemTableEditor, row: int, column_key: str, payload: Any) -> None:
        from ..services.lookup import BatchHit, ProductHit

        if isinstance(payload, ProductHit):
            fill_row_from_product(self.spec, table, row, payload)
        elif isinstance(payload, BatchHit):
            keys = [c.key for c in table.spec.columns]
            if "product_name" in keys and not _cell(table, row, "product_name") and payload.product_name:
                item = table.table.item(row, keys.index("product_name"))
                if item is not None:
                    item.setData(Qt.ItemDataRole.EditRole, payload.product_name)
                product = self.lookups.products.by_name(payload.product_name)
                if product is not None:
                    fill_row_from_product(self.spec, table, row, product)


def warm_in_background(lookups: Lookups) -> None:
    """Build the customer and product look-ups in a thread (once per look-up), so the first
    key press finds them ready; a look-up made meanwhile waits for the build."""
    if getattr(lookups, "warming", False):
        return
    lookups.warming = True  # type: ignore[attr-defined]

    def run() -> None:
        try:
            lookups.customers.warm()
            lookups.products.warm()
        except Exception:  # the database closed meanwhile: the next look-up builds it
            log.debug("warming the look-up failed", exc_info=True)

    threading.Thread(target=run, name="lookup-warm", daemon=True).start()


def install(form: FormView) -> FormCompletion | None:
    """Add completion to ``form`` (nothing for read-only archived revisions)."""
    if getattr(form, "archived", False):
        return None
    completion = FormCompletion(form)
    form.completion = completion  # type: ignore[attr-defined]
    return completion


# Registered as a form extra of every kind that has something to complete: it adds no widget.
def _register() -> None:
    from .form_extras import extra

    for kind in SPECS:
        if kind in ("customer", "product"):
            continue

        @extra(kind)
        def _install(form: FormView, parent: QWidget) -> QWidget | None:
            install(form)
            return None


_register()
