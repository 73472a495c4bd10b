"""Samples of the review models for the generic permission suite."""

from nghiquyet.reviews.models import ReviewMilestone
from tests.access.registry import sample
from tests.documents.access_samples import document


@sample("reviews.ReviewMilestone")
def milestone(unit, secret=False):
    return ReviewMilestone.objects.create(document=document(unit, secret), kind=ReviewMilestone.Kind.SO_KET,
                                          unit=unit, due_period="2023-Q2")
