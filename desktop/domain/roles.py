"""Field roles: what a field of a form *is* in the after-sales world, whatever its key.

A complaint calls its customer unit ``complainant_unit``, a service report ``customer_unit``, the
customer register ``name``; a complaint's products are rows of ``items``, a delivery's one product
is a field.  Each spec declares once which of its fields plays which role (``FormSpec.roles``), and
everything that moves a customer, a contact, a product or a batch from one record to another
reads the roles instead of a list of keys per kind: completion from the registers, the values a
follow-on record starts with (``links``), follow-up planning, the keys that match an Excel row to a
record, the hotline desk — and matching the same customer across laptops.  A new kind of form is
its spec, its workflow and its roles.

Roles of the record (a field): the customer unit, its customer number, address, phone and sales
representative, the contact person with phone and post, the staff member.  Roles of a product
line (a column of an item table, or a field where the form holds one product): product, batch,
packaging, quantity and unit of measure, registration number.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from .fields import FormSpec

UNIT = "unit"  # 客户单位 (the customer register's name)
UNIT_NUMBER = "unit_number"  # 客户编号
ADDRESS = "address"
UNIT_PHONE = "unit_phone"  # the unit's own phone
SALES_REP = "sales_rep"  # 业务员 in charge of the customer
CONTACT = "contact"  # the person: complainant, contact, respondent, caller
CONTACT_PHONE = "contact_phone"
CONTACT_POST = "contact_post"  # 职务/部门
STAFF = "staff"  # this laptop's clerk (受理人, 服务人员, 调查人, …)

RECORD_ROLES = (UNIT, UNIT_NUMBER, ADDRESS, UNIT_PHONE, SALES_REP, CONTACT, CONTACT_PHONE, CONTACT_POST, STAFF)

PRODUCT = "product"
BATCH = "batch"
PACKAGING = "packaging"
QUANTITY = "quantity"
MEASURE = "measure"  # unit of measure (瓶, 箱, kg)
REGISTRATION_NO = "registration_no"

ITEM_ROLES = (PRODUCT, BATCH, PACKAGING, QUANTITY, MEASURE, REGISTRATION_NO)

ROLES = RECORD_ROLES + ITEM_ROLES

# What a customer picked from the register fills, by role: role → the attribute of the customer
# (``services.lookup.CustomerHit``; the contact ones are its primary contact, else the first).
CUSTOMER_ATTRIBUTES = {ADDRESS: "address", UNIT_PHONE: "phone", UNIT_NUMBER: "number", SALES_REP: "sales_rep",
                       CONTACT: "contact_name", CONTACT_PHONE: "contact_phone", CONTACT_POST: "contact_post"}
CONTACT_ROLES = (CONTACT, CONTACT_PHONE, CONTACT_POST)


def declare(**paths: str) -> tuple[tuple[str, str], ...]:
    """The roles of a spec: ``declare(unit="complainant_unit", product="items.product_name")``.  A
    product line role names an item table's column as ``table.column``, or a field."""
    unknown = sorted(set(paths) - set(ROLES))
    if unknown:
        raise ValueError(f"unknown roles {unknown}")
    record_in_table = [r for r in RECORD_ROLES if "." in paths.get(r, "")]
    if record_in_table:
        raise ValueError(f"record roles name fields, not table columns: {record_in_table}")
    tables = {p.split(".")[0] for r, p in paths.items() if r in ITEM_ROLES and "." in p}
    if len(tables) > 1:
        raise ValueError(f"the product line roles of one spec are in one table, not {sorted(tables)}")
    return tuple(sorted(paths.items()))


def check(spec: FormSpec) -> list[str]:
    """What is wrong with a spec's roles (each names a field or column the spec has)."""
    problems = []
    for role, path in spec.roles:
        table, _, column = path.partition(".")
        try:
            if column:
                spec.element(table).column(column)  # type: ignore[union-attr]
            else:
                spec.field(path)
        except (KeyError, AttributeError):
            problems.append(f"{spec.kind}: role {role} names {path}, which the form does not have")
    return problems


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def carry(source: FormSpec, values: Mapping[str, Any], target: FormSpec, *,
          roles: Iterable[str] = (), staff: bool = False) -> dict[str, Any]:
    """What a new ``target`` record takes over from a ``source`` record, by role: the customer,
    contact and address fields, and every product line (each row its own, as the source has
    them; one row from a form that holds one product; a form that holds one product from several
    rows gets them joined by 、 within its field's length).  ``values`` are the source's fields and
    its tables' rows (lists of dicts) by key; ``roles`` limits what is carried; the staff member
    only with ``staff``.  Empty values are left out."""
    wanted = set(roles) or set(ROLES)
    if not staff:
        wanted.discard(STAFF)
    out: dict[str, Any] = {}
    for role in RECORD_ROLES:
        s, t = source.role(role), target.role(role)
        if role in wanted and s and t and values.get(s) not in (None, ""):
            out[t] = values.get(s)
    item_roles = [r for r in ITEM_ROLES if r in wanted and source.role(r) and target.role(r)]
    if not item_roles:
        return out
    source_table, target_table = source.item_table(), target.item_table()
    if source_table:
        rows = [{r: row.get(source.role_column(r)) for r in item_roles if source.role_column(r)}
                for row in values.get(source_table, []) or []]
    else:
        rows = split_joined({r: values.get(source.role(r)) for r in item_roles})
    rows = [row for row in rows if any(_text(v) for v in row.values())]
    if target_table:
        out[target_table] = [{target.role_column(r): v for r, v in row.items() if target.role_column(r)}
                             for row in rows]
        return out
    for r in item_roles:  # one product on the target: several lines' values joined
        key = target.role(r)
        seen = list(dict.fromkeys(_text(row.get(r)) for row in rows if _text(row.get(r))))
        if not seen:
            continue
        if len(seen) == 1:  # the value as the source holds it (a number stays a number)
            out[key] = next(row[r] for row in rows if _text(row.get(r)))
        else:
            out[key] = "、".join(seen)[: target.field(key).default_max_length]
    return out


JOINED = "、"


def split_joined(line: Mapping[str, Any]) -> list[dict[str, Any]]:
    """One product line of a form that holds one product, as the lines it stands for: a follow-up
    planned for a delivery of two products holds "过氧乙酸消毒液、84 消毒液" and "GY250218、SH250301"
    (``carry`` joined them with 、), and the service report made from it gets one row each (issue
    14).  Split only when every value given splits into as many parts as the product does: else
    which batch belongs to which product is not known, and the line stays as it is."""
    parts = {r: [p.strip() for p in v.split(JOINED) if p.strip()] if isinstance(v, str) else None
             for r, v in line.items() if _text(v)}
    n = len(parts.get(PRODUCT) or ())
    if n < 2 or any(p is None or len(p) != n for p in parts.values()):
        return [dict(line)]
    return [{r: parts[r][i] if r in parts else None for r in line} for i in range(n)]


_SPACES = re.compile(r"\s+")


def unit_key(text: str | None) -> str:
    """A unit name as compared for sameness, here and across laptops: no spaces at all, full-width
    brackets as half-width, lower case (北京第一医院（东院） = 北京第一医院(东院))."""
    t = _SPACES.sub("", str(text or "")).lower()
    return t.replace("（", "(").replace("）", ")")


def unit_of(spec: FormSpec, values: Mapping[str, Any]) -> str:
    """The key of the customer unit a record names (its ``UNIT`` field), "" if none: the same
    customer whichever form, laptop or spelling of brackets and spaces it comes from."""
    key = spec.role(UNIT)
    return unit_key(values.get(key)) if key else ""
