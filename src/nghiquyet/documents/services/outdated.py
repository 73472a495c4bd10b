"""Documents that may no longer fit: old, still in force, never reviewed.

The directive in the seeds asks committees to review resolutions that no
longer fit and amend or replace them; this finds the candidates.
"""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone

from ..models import Document, DocumentLink, Kind, Reference

DEFAULT_YEARS = 5
IN_FORCE = (Document.Status.IN_FORCE, Document.Status.AMENDED)
REVIEW_WORDS = ("so ket", "tong ket")  # folded: sơ kết, tổng kết


def years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def reviewed_ids(policy) -> QuerySet:
    """Ids of documents with a review on record that the user may see:

    - a review milestone (sơ kết or tổng kết) of the document marked held
      (status "done", or a day it was held entered), or
    - a review report in the register: a document of kind báo cáo whose title
      says sơ kết or tổng kết, citing the document (reference or link).

    A milestone whose due date merely passed is not a review: overdue reviews
    are exactly what the list is for ("reviews done 5 years late").
    """
    from nghiquyet.reviews.models import ReviewMilestone  # reviews builds on documents

    held = policy.scope(ReviewMilestone.objects.filter(
        Q(status=ReviewMilestone.Status.DONE) | Q(completed_on__isnull=False)))
    says_review = Q()
    for words in REVIEW_WORDS:
        says_review |= Q(folded__contains=words)
    reports = Document.objects.real().readable_by(policy).filter(kind=Kind.BAO_CAO).filter(says_review)
    cited = Reference.objects.filter(from_document__in=reports.values("pk"), to_document__isnull=False)
    linked = DocumentLink.objects.filter(from_document__in=reports.values("pk"))
    return (
        Document.objects.filter(
            Q(pk__in=held.values("document_id"))
            | Q(pk__in=cited.values("to_document_id"))
            | Q(pk__in=linked.values("to_document_id"))
        ).values("pk")
    )


def outdated(policy, years: int = DEFAULT_YEARS, today: datetime.date | None = None) -> QuerySet:
    """Real documents the user may read, in force (amended ones still are),
    issued ``years`` years or more before ``today``, with no review on record."""
    cutoff = years_before(today or timezone.localdate(), years)
    return (
        Document.objects.real().readable_by(policy).listing()
        .filter(status__in=IN_FORCE, issued_on__lte=cutoff)
        .exclude(pk__in=reviewed_ids(policy))
    )
