"""The documents the app prints (ReportLab).

:data:`LAYOUT` names the layout of a record's pages.  It is part of what ``verify`` compares
(``services.export.renderer_tag``, written into every PDF as ``/AsdRenderer``): a signed PDF whose
tag is today's is rendered again and must be identical byte for byte, or it is called forged.  So
any change to what these modules put on a record's page must come with a new ``LAYOUT``, or a
customer's genuine signed form would be called a forgery after an update.
``tests/test_layout_version.py`` holds the digests of sample pages of every kind for the current
``LAYOUT`` and fails when the pages change without it (``scripts/record_layout.py`` records them
after the bump).
"""

LAYOUT = 1
