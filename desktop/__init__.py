"""Aftersales Desk: the after-sales service desk for disinfection and pest-control chemicals."""

__version__ = "0.2.0.dev0"
"""The one version number: ``aftersales-desk --version``, 帮助 ▸ 关于, the package metadata
(pyproject reads it), the installer (packaging/build_*.sh/ps1 pass it to makensis) and CHANGELOG.md."""
