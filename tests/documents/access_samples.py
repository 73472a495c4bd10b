"""Samples and routes of the register (and of the first tracking models, which
only acceptance creates so far) for the generic permission suite."""

import secrets

from django.core.files.base import ContentFile

from nghiquyet.documents.models import (
    BodyMapping,
    CalendarToken,
    Document,
    DocumentLink,
    ExtractedItem,
    ImportJob,
    Reference,
    SourceFile,
)
from nghiquyet.organisations.models import Membership, Role, User
from nghiquyet.tracking.models import Indicator, Task
from tests.access.registry import route, sample

TEXT = "Phấn đấu đến năm 2025, tỷ lệ chi bộ sinh hoạt đúng kỳ đạt 100%."


def _member(unit) -> User:
    user = User.objects.create_user(f"u-{unit.code.lower()}-{secrets.token_hex(3)}", password="mat-khau-dai-1")
    Membership.objects.create(user=user, unit=unit, role=Role.REPORTER)
    return user


@sample("documents.Document")
def document(unit, secret=False):
    data = f"{unit.code} {secrets.token_hex(8)}\n{TEXT}".encode()
    source = SourceFile(sha256=SourceFile.digest(data), filename="mau.txt", size=len(data))
    source.file.save("mau.txt", ContentFile(data), save=False)
    source.save()
    doc = Document.objects.create(
        kind="ke_hoach", symbol=f"{secrets.randbelow(900) + 1}-KH/{unit.code}", title="về mẫu thử",
        issuer_unit=unit, secret=secret, source_file=source, text=TEXT, anchors=[[0, 2]], first_line=1, last_line=2,
    )
    ExtractedItem.objects.create(
        document=doc, type=ExtractedItem.Type.TARGET, start=0, end=len(TEXT), line=2, quote=TEXT, confidence=0.95,
        fields={"indicator": "Tỷ lệ chi bộ sinh hoạt đúng kỳ", "value": 100, "unit": "%", "comparator": "eq",
                "deadline": "2025", "value_max": None, "scope": None, "recurrence": None, "baseline": None},
    )
    return doc


@sample("documents.SourceFile")
def source_file(unit, secret=False):
    return document(unit, secret).source_file


@sample("documents.Reference")
def reference(unit, secret=False):
    doc = document(unit, secret)
    return Reference.objects.create(from_document=doc, symbol="57-NQ/TW", relation="thuc_hien", line=2, quote="57-NQ/TW")


@sample("documents.DocumentLink")
def document_link(unit, secret=False):
    plan = document(unit, secret)
    return DocumentLink.objects.create(from_document=plan, to_document=document(unit, secret), relation="thuc_hien")


@sample("documents.ExtractedItem")
def extracted_item(unit, secret=False):
    return document(unit, secret).items.get()


@sample("documents.BodyMapping")
def body_mapping(unit, secret=False):
    return BodyMapping.objects.create(name=f"Tên gọi của {unit.code}", unit=unit)


@sample("documents.ImportJob")
def import_job(unit, secret=False):
    return ImportJob.objects.create(user=_member(unit), files=[])


@sample("documents.CalendarToken")
def calendar_token(unit, secret=False):
    return CalendarToken.for_user(_member(unit))


@sample("tracking.Task")
def task(unit, secret=False):
    return Task.objects.create(document=document(unit, secret), title="Xây dựng kế hoạch", lead_unit=unit,
                               kind=Task.Kind.PLAN, due_period="2021-09")


@sample("tracking.Indicator")
def indicator(unit, secret=False):
    return Indicator.objects.create(document=document(unit, secret), name="Tỷ lệ chi bộ sinh hoạt đúng kỳ",
                                    target_value=100, unit_of_measure="%", owner_unit=unit, due_period="2025")


def _pk(record):
    return {"pk": record.pk}


for name in ("detail", "edit", "source", "text", "review", "item_add", "accept_confident", "map_body",
             "lineage", "link_add", "mark_status"):
    route(f"documents:{name}", "documents.Document", _pk)
for name in ("item_accept", "item_reject", "item_edit"):
    route(f"documents:{name}", "documents.ExtractedItem", _pk)
for name in ("job", "job_start", "job_progress"):
    route(f"documents:{name}", "documents.ImportJob", _pk)
route("documents:link_delete", "documents.DocumentLink", _pk)
route("documents:calendar_feed", "documents.CalendarToken", lambda token: {"token": token.token})
route("api:get_document", "documents.Document", lambda doc: {"document_id": doc.pk})
route("api:list_items", "documents.Document", lambda doc: {"document_id": doc.pk})
