"""Aftersales Desk: the after-sales service desk for disinfection and pest-control chemicals."""

__version__ = "0.1.0"
