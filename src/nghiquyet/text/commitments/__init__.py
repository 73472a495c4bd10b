"""Extraction of commitments: targets, assignments, follow-up plans and reviews.

``extract(document)`` fills ``document.targets``, ``document.assignments`` and
``document.reviews`` from its repaired body text (docs/labelling.md gives the
rules). The pieces are usable on their own: ``numbers`` (Vietnamese figures
and amounts), ``periods`` (deadlines and recurrences), ``bodies`` (body names
and the ``BodyDirectory`` resolver).
"""

from nghiquyet.text.commitments.assignments import extract_assignments
from nghiquyet.text.commitments.context import DocumentContext
from nghiquyet.text.commitments.reviews import extract_reviews
from nghiquyet.text.commitments.targets import extract_targets
from nghiquyet.text.model import ParsedDocument


def extract(document: ParsedDocument) -> None:
    """Fill the commitment lists of ``document`` (see docs/labelling.md for the rules)."""
    context = DocumentContext.of(document)
    document.targets = extract_targets(context)
    document.assignments = extract_assignments(context)
    document.reviews = extract_reviews(context)
