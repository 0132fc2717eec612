"""The application's style sheet: error marks, the message bar, status badges, primary buttons.

Only property selectors are used, so every other widget keeps the platform's own look.
"""

from __future__ import annotations

from ..domain import complaint as c

_STATUS_BADGES = {
    c.REGISTERED: ("#e3f2fd", "#0d47a1"),
    c.INVESTIGATING: ("#fff3e0", "#e65100"),
    c.DETERMINED: ("#f3e5f5", "#6a1b9a"),
    c.HANDLING: ("#fce4ec", "#ad1457"),
    c.FED_BACK: ("#e0f7fa", "#006064"),
    c.REVISITED: ("#e8f5e9", "#1b5e20"),
    c.CLOSED: ("#eeeeee", "#424242"),
}


def style_sheet() -> str:
    badges = "\n".join(
        f'QLabel#status_badge[status="{status}"] {{ background: {bg}; color: {fg}; border-color: {fg}; }}'
        for status, (bg, fg) in _STATUS_BADGES.items()
    )
    return f"""
*[invalid="true"] {{ border: 1px solid #d32f2f; background: #fff6f6; }}
QLabel[fieldError="true"] {{ color: #c62828; }}
QLabel[hint="true"] {{ color: #6b7280; }}
QLabel#message_bar, QLabel#register_notice {{ padding: 8px 14px; }}
QLabel#message_bar[kind="error"] {{ background: #fdecea; color: #b71c1c; border-bottom: 1px solid #f5c6cb; }}
QLabel#message_bar[kind="info"] {{ background: #e8f5e9; color: #1b5e20; border-bottom: 1px solid #c8e6c9; }}
QLabel#message_bar[kind="sticky"], QLabel#register_notice {{
    background: #fff8e1; color: #795548; border: 1px solid #ffe082; }}
QFrame#form_header {{ background: palette(window); border-bottom: 1px solid palette(mid); }}
QLabel#form_title {{ font-size: 15pt; font-weight: bold; }}
QLabel#form_number {{ font-size: 12pt; color: #37474f; }}
QLabel#status_badge {{ padding: 2px 10px; border: 1px solid #90a4ae; border-radius: 9px; background: #eceff1; }}
{badges}
QPushButton[step="true"] {{ font-weight: bold; }}
QGroupBox {{ font-weight: bold; }}
QGroupBox > QWidget, QGroupBox QLabel, QGroupBox QLineEdit, QGroupBox QComboBox, QGroupBox QCheckBox,
QGroupBox QPlainTextEdit, QGroupBox QTableView, QGroupBox QListView, QGroupBox QPushButton,
QGroupBox QHeaderView {{ font-weight: normal; }}
"""
