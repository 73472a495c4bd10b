"""Extraction of commitments: targets, assignments, follow-up plans and reviews.

``extract(document)`` fills ``document.targets``, ``document.assignments`` and
``document.reviews`` from its repaired body text and outline.
"""

from nghiquyet.text.model import ParsedDocument


def extract(document: ParsedDocument) -> None:
    """Fill the commitment lists of ``document`` (see docs/labelling.md for the rules)."""
