"""The application's style sheet: error marks, the message bar, status badges, primary buttons.

Only property selectors are used, so every other widget keeps the platform's own look.
"""

from __future__ import annotations

from .status_colours import TONES


def style_sheet() -> str:
    badges = "\n".join(
        f'QLabel#status_badge[tone="{tone}"] {{ background: {bg}; color: {fg}; border-color: {fg}; }}'
        for tone, (fg, bg) in TONES.items()
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
QFrame[scoreEditor="true"] {{ border: 1px solid transparent; border-radius: 4px; }}
QFrame[scoreEditor="true"]:focus {{ border-color: palette(highlight); background: #f5f9ff; }}
QFrame[scoreEditor="true"][invalid="true"] {{ border-color: #d32f2f; background: #fff6f6; }}
QToolButton[scoreButton="true"] {{
    border: 1px solid #90a4ae; border-radius: 3px; background: #ffffff; color: #37474f; font-weight: bold; }}
QToolButton[scoreButton="true"]:hover {{ border-color: #1565c0; background: #e3f2fd; }}
QToolButton[scoreButton="true"]:checked {{ background: #1565c0; border-color: #0d47a1; color: #ffffff; }}
QLabel#form_source {{ color: #37474f; }}
QGroupBox {{ font-weight: bold; }}
QGroupBox > QWidget, QGroupBox QLabel, QGroupBox QLineEdit, QGroupBox QComboBox, QGroupBox QCheckBox,
QGroupBox QPlainTextEdit, QGroupBox QTableView, QGroupBox QListView, QGroupBox QPushButton,
QGroupBox QHeaderView {{ font-weight: normal; }}
"""
