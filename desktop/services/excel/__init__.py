"""Excel (.xlsx): the import template, the import of the registers, and the 台账 export.

Everything here is driven by the form specifications (``domain.forms.SPECS``): the columns of a
sheet are the spec's fields (label as header, ``*`` on the required ones, a drop-down for choices,
dates formatted as dates), never a hand-written list.

Import (:func:`import_workbook`) reads the sheets 产品, 客户 (with 客户联系人, linked to the customer
by 单位名称) and 发货批次 of a workbook made from :func:`write_template`.  Every row goes through the
spec (``validation.parse_record`` and the form's rules); every problem is reported with its sheet,
row, column letter and label, and if there is any problem nothing at all is written.  Otherwise
everything is written in one transaction, products first (a delivery takes its shelf life from a
product of the same file), then customers with their contacts, then deliveries, through
``RecordService.insert`` so the save hooks (follow-ups planned after a delivery) run as for a record
typed in the window.

What an office expects when the file names what the registers already have:

- a customer or product of the same name is **updated**: the cells filled in the file replace what
  is on file, empty cells keep it (so a file with only the new phone numbers is enough).  Contacts
  are merged by name: a contact of the same name is updated, a new one is added, the others stay.
  A new 主要联系人 takes the mark from the old one.  A record the file does not change is left as it
  is (importing the same file twice changes nothing).
- a delivery of the same customer, product, batch number and delivery date is **skipped** (the
  same delivery list imported twice does not double the deliveries); to correct a delivery, edit it
  in the program.
- the same customer, product or delivery twice in one file is an error, as is a delivery to a
  customer that neither the file nor the customer register knows, or of a product neither knows
  (unless the row gives its own 保质期, the expiry would otherwise silently use the default).

Export (:func:`export_workbook`) writes one sheet per kind (every form list and register) with the
number, the status and every field, and one sheet per item table keyed by the record's number; dates
are real Excel dates and amounts numbers.  It uses openpyxl's write-only mode: 10,000 complaints take
a few seconds.
"""

from __future__ import annotations

from .export import ExportResult, export_workbook
from .importer import (
    AT_CELL,
    AT_ROW,
    AT_ROW_LABEL,
    AT_SHEET,
    ExcelProblem,
    ImportResult,
    cell_value,
    import_workbook,
)
from .layout import IMPORT_KINDS, template_layout
from .template import write_template

__all__ = [
    "AT_CELL",
    "AT_ROW",
    "AT_ROW_LABEL",
    "AT_SHEET",
    "ExcelProblem",
    "ExportResult",
    "IMPORT_KINDS",
    "ImportResult",
    "cell_value",
    "export_workbook",
    "import_workbook",
    "template_layout",
    "write_template",
]
