"""Errors of the services (beside the domain's ``ValidationFailed`` and ``TransitionRefused``)."""

from __future__ import annotations


class NotFound(Exception):
    """No record with that id (or number, or revision)."""
