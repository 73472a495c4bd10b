"""Import files into the register: read, then store everything in one transaction.

``import_file`` never raises for bad input: it returns an ``ImportReport``
whose ``message`` says, in Vietnamese, why nothing was stored. A file either
lands whole (its original bytes, every document, reference, placeholder and
extracted item) or leaves nothing behind.

Importing again does not duplicate: the original is stored once per content
hash; a document is found again by symbol, date and issuer (a placeholder of
a cited document is filled in); staff corrections to metadata and reviewed
items are kept, only machine output is refreshed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.organisations.models import Unit, UnitKind
from nghiquyet.text.decoding import MAX_BYTES
from nghiquyet.text.errors import DocumentReadError
from nghiquyet.text.model import ParsedDocument, ParseResult
from nghiquyet.text.normalize import fold, match_key
from nghiquyet.text.read import parse_bytes

from ..models import Document, ExtractedItem, Kind, Reference, SourceFile
from ..symbols import kind_from_symbol, symbol_key
from .bodies import BodyResolver, document_names

logger = logging.getLogger(__name__)

Progress = Callable[[int, int, str], None]

# Larger files are refused before reading (the reader's own limit).
MAX_FILE_BYTES = MAX_BYTES

ITEM_LISTS = (
    (ExtractedItem.Type.TARGET, "targets"),
    (ExtractedItem.Type.ASSIGNMENT, "assignments"),
    (ExtractedItem.Type.REVIEW, "reviews"),
)


@dataclass
class ImportReport:
    """What happened to one file."""

    filename: str
    ok: bool = True
    message: str = ""
    created: list[dict] = field(default_factory=list)
    updated: list[dict] = field(default_factory=list)
    unchanged: list[dict] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def failed(self, message: str) -> "ImportReport":
        self.ok, self.message = False, message
        self.created, self.updated, self.unchanged = [], [], []
        return self

    def note(self, document: Document, outcome: str) -> None:
        getattr(self, outcome).append({"id": document.pk, "label": document.display_name})

    @property
    def documents(self) -> int:
        return len(self.created) + len(self.updated) + len(self.unchanged)

    def to_json(self) -> dict:
        return asdict(self)


# -- reading ----------------------------------------------------------------


def check_size(data: bytes, filename: str) -> None:
    if not data or not data.strip():
        raise DocumentReadError(_("Tệp “%(name)s” rỗng: không có nội dung để nhập.") % {"name": filename}, code="empty")
    if len(data) > MAX_FILE_BYTES:
        raise DocumentReadError(
            _("Tệp “%(name)s” quá lớn (%(size)s): chỉ nhận tệp đến %(max)s.")
            % {"name": filename, "size": filesizeformat(len(data)), "max": filesizeformat(MAX_FILE_BYTES)},
            code="too_large",
        )


def read(data: bytes, filename: str) -> ParseResult:
    """Read ``data`` with its commitments; ``DocumentReadError`` for bad input,
    including a file that holds no leadership document."""
    check_size(data, filename)
    return parse_bytes(data, filename)


# -- storing ----------------------------------------------------------------


def import_file(data: bytes, filename: str, user=None, progress: Progress | None = None) -> ImportReport:
    """Read and store one file; the report says what was created or why nothing was."""
    try:
        result = read(data, filename)
    except DocumentReadError as error:
        return ImportReport(filename).failed(str(error))
    return store_result(result, data, filename, user, progress)


def store_result(result: ParseResult, data: bytes, filename: str, user=None,
                 progress: Progress | None = None) -> ImportReport:
    """Store what was read from one file, all of it or nothing."""
    report = ImportReport(filename)
    importer = Importer(user, report, progress)
    try:
        with transaction.atomic():
            importer.store(data, filename, result)
    except BaseException as error:
        importer.discard_written_file()
        if not isinstance(error, Exception):
            raise
        logger.exception("import of %s failed", filename)
        return report.failed(
            _("Không lưu được tệp “%(name)s” (%(error)s). Không có dữ liệu nào của tệp này được lưu.")
            % {"name": filename, "error": error}
        )
    return report


class Importer:
    """Stores one parsed file; used inside the file's transaction."""

    def __init__(self, user, report: ImportReport, progress: Progress | None):
        self.user = user if user is not None and user.is_authenticated else None
        self.policy = AccessPolicy(self.user) if self.user else None
        self.report = report
        self.progress = progress or (lambda done, total, label: None)
        self.written_file: str | None = None
        self.seen: set[int] = set()
        self.names = document_names()

    # -- the file --------------------------------------------------------

    def store(self, data: bytes, filename: str, result: ParseResult) -> None:
        source = self.store_source(data, filename)
        total = len(result.documents)
        for index, parsed in enumerate(result.documents, start=1):
            self.store_document(parsed, source)
            self.progress(index, total, parsed.symbol or (parsed.title or "")[:60])
        self.report.absent = [
            " ".join(filter(None, [absent.symbol, absent.title, f"({absent.reason})" if absent.reason else None]))
            for absent in result.absent
        ]

    def store_source(self, data: bytes, filename: str) -> SourceFile:
        digest = SourceFile.digest(data)
        source = SourceFile.objects.filter(sha256=digest).first()
        if source is not None:
            return source
        source = SourceFile(sha256=digest, filename=filename[:255], size=len(data), imported_by=self.user)
        source.file.save(filename, ContentFile(data), save=False)
        self.written_file = source.file.name
        source.save()
        return source

    def discard_written_file(self) -> None:
        if self.written_file:
            SourceFile._meta.get_field("file").storage.delete(self.written_file)

    # -- one document ----------------------------------------------------

    def store_document(self, parsed: ParsedDocument, source: SourceFile) -> Document:
        resolver = BodyResolver(near=self.context_unit(), day=parsed.issued_on, names=self.names)
        issuer_unit = self.issuer_unit(parsed, resolver)
        document = find_existing(parsed, issuer_unit)
        if document is not None and document.pk in self.seen:
            self.report.warnings.append(_("Văn bản %(name)s xuất hiện hai lần trong tệp; lấy lần sau.") % {"name": document.display_name})
        if document is not None and not document.is_placeholder and self.policy and not self.policy.can_change(document):
            self.report.note(document, "unchanged")
            return document
        outcome = "updated" if document is not None and not document.is_placeholder else "created"
        document = document or Document()
        self.fill_metadata(document, parsed, issuer_unit, source)
        document.save()
        self.seen.add(document.pk)
        resolver = BodyResolver(near=document.issuer_unit, day=parsed.issued_on, names=self.names)
        self.add_recipients(document, parsed, resolver)
        self.store_references(document, parsed)
        self.store_items(document, parsed, resolver)
        self.report.warnings += [f"{document.display_name}: {warning}" for warning in parsed.warnings]
        self.report.note(document, outcome)
        return document

    def context_unit(self) -> Unit | None:
        """Names in a file are read as seen from the importing user's unit."""
        if self.policy and self.policy.home_units:
            return min(self.policy.home_units, key=lambda unit: unit.depth)
        return None

    def issuer_unit(self, parsed: ParsedDocument, resolver: BodyResolver) -> Unit | None:
        """The header block names the organisation ("TỈNH ỦY BẮC GIANG"); the
        "T/M ..." line only the organ, so it is used when there is no block."""
        if parsed.issuer_block:
            units = resolver.resolve_header(parsed.issuer_block).units
        else:
            units = resolver.resolve(parsed.issuer or "").units
        if len(units) != 1:
            return None
        unit = units[0]
        # A standing board acts for its committee: the committee owns the document.
        if unit.kind.category == UnitKind.Category.STANDING and unit.parent_id:
            unit = unit.parent
        return unit

    def fill_metadata(self, document: Document, parsed: ParsedDocument, issuer_unit: Unit | None,
                      source: SourceFile) -> None:
        values = {
            "kind": parsed.kind if parsed.kind in Kind.values else Kind.KHAC,
            "symbol": parsed.symbol or "",
            "issued_on": parsed.issued_on,
            "issuer": parsed.issuer or "",
            "issuer_unit": issuer_unit,
            "title": parsed.title or "",
            "signer": parsed.signer or "",
            "signer_position": parsed.signer_position or "",
            "secret": parsed.secret,
            "dissemination": parsed.dissemination or "",
            "recipients": "\n".join(parsed.recipients),
        }
        for name, value in values.items():
            if name in document.edited_fields:
                continue
            if isinstance(value, str):
                value = value[: _max_length(name)]
            setattr(document, name, value)
        document.place = (parsed.place or "")[:100]
        document.issuer_block = (parsed.issuer_block or "")[:255]
        document.is_placeholder = False
        document.source_file = source
        document.first_line, document.last_line = parsed.source.first_line, parsed.source.last_line
        document.text = parsed.body.text
        document.anchors = [list(anchor) for anchor in parsed.body.anchors]
        document.outline = [outline_json(node) for node in parsed.outline]
        document.warnings = list(parsed.warnings)

    def add_recipients(self, document: Document, parsed: ParsedDocument, resolver: BodyResolver) -> None:
        units = {unit.pk for name in parsed.recipients for unit in resolver.resolve(name).units}
        if units:
            document.recipient_units.add(*units)
        if self.policy and not self.policy.can_view(document):
            # The importer holds the document: let their units find it again.
            document.recipient_units.add(*[unit.pk for unit in self.policy.home_units])

    # -- references ------------------------------------------------------

    def store_references(self, document: Document, parsed: ParsedDocument) -> None:
        """The document's references as read now; unchanged ones are kept as they are."""
        previous = {ref.mention_key(): ref for ref in document.references.all()}
        cited_before = {ref.to_document_id for ref in previous.values() if ref.to_document_id}
        for mention in parsed.references:
            cited = cited_document(mention, document)
            relation = mention.relation if mention.relation in Reference.Relation.values else Reference.Relation.TRICH_DAN
            reference = previous.pop((mention.symbol or "", mention.issued_on, relation, mention.start, mention.end), None)
            if reference is None:
                Reference.objects.create(
                    from_document=document, to_document=cited, relation=relation,
                    symbol=(mention.symbol or "")[:100], issued_on=mention.issued_on,
                    kind=mention.kind if mention.kind in Kind.values else "", title=mention.title or "",
                    line=mention.line, quote=mention.quote, start=mention.start, end=mention.end,
                )
            elif reference.to_document_id != (cited.pk if cited else None):
                reference.to_document = cited
                reference.save()
            if cited is not None:
                apply_relation(document, cited, relation)
        for reference in previous.values():
            reference.delete()
        drop_orphan_placeholders(cited_before)

    # -- extracted items -------------------------------------------------

    def store_items(self, document: Document, parsed: ParsedDocument, resolver: BodyResolver) -> None:
        """Items as extracted now. Reviewed ones stay (moved to where their quote
        now is) and are not proposed again; unchanged proposals are kept."""
        items = list(document.items.all())
        reviewed = {(item.type, fold(item.quote)) for item in items if item.status != ExtractedItem.Status.PROPOSED}
        for item in items:
            if item.status != ExtractedItem.Status.PROPOSED:
                realign(item, document)
        proposed = {item.content_key(): item for item in items if item.status == ExtractedItem.Status.PROPOSED}
        for item_type, attribute in ITEM_LISTS:
            for found in getattr(parsed, attribute):
                data = found.to_json()
                line, quote = data.pop("line"), data.pop("quote")
                if (item_type, fold(quote)) in reviewed:
                    continue
                item = ExtractedItem(
                    document=document, type=item_type, fields=data, start=found.start, end=found.end,
                    line=line, quote=quote, confidence=found.confidence,
                )
                same = proposed.pop(item.content_key(), None)
                if same is None:
                    resolve_item_bodies(item, resolver)
                elif same.unresolved:  # the tree or the mappings may name them now
                    resolve_item_bodies(same, resolver)
        for item in proposed.values():
            item.delete()


def _max_length(field_name: str) -> int:
    return Document._meta.get_field(field_name).max_length or 1_000_000


def outline_json(node) -> dict:
    """The outline with offsets, so the page can link each section to the text."""
    return {
        "label": node.label, "heading": node.heading, "line": node.line,
        "start": node.start, "end": node.end,
        "children": [outline_json(child) for child in node.children],
    }


def realign(item: ExtractedItem, document: Document) -> None:
    """Move a reviewed item's span to where its quote now is in the re-read text."""
    if not item.quote:
        return
    start = document.text.find(item.quote)
    if start >= 0 and start != item.start:
        item.start, item.end = start, start + len(item.quote)
        item.line = document.line_at(start) or item.line
        item.save(update_fields=["start", "end", "line"])


def resolve_item_bodies(item: ExtractedItem, resolver: BodyResolver) -> None:
    """Save ``item`` with its body names resolved to units (assignments only)."""
    unresolved: list[str] = []
    lead, partners, report_to = [], [], None
    if item.type == ExtractedItem.Type.ASSIGNMENT:
        for name, units in (("lead", lead), ("partners", partners)):
            for resolution in resolver.resolve_all(item.fields.get(name) or []):
                units += resolution.units
                if not resolution.resolved:
                    unresolved.append(resolution.name)
        if item.fields.get("report_to"):
            resolutions = resolver.resolve_all([item.fields["report_to"]])
            units = {unit.pk: unit for resolution in resolutions for unit in resolution.units}
            report_to = next(iter(units.values())) if len(units) == 1 else None
            unresolved += [resolution.name for resolution in resolutions if not resolution.resolved]
    item.report_to_unit = report_to
    item.set_unresolved(unresolved)
    fresh = item._state.adding
    item.save()
    partners = [unit for unit in partners if unit not in lead]
    if lead or not fresh:  # a new item has no units to clear
        item.lead_units.set(lead)
    if partners or not fresh:
        item.partner_units.set(partners)


# -- cited documents ----------------------------------------------------------


def same_issuer(document: Document, unit: Unit | None, block_key: str) -> bool:
    if document.issuer_unit_id and unit is not None:
        return document.issuer_unit_id == unit.pk
    own_key = match_key(document.issuer_block or document.issuer)
    return not own_key or not block_key or own_key == block_key


def find_existing(parsed: ParsedDocument, issuer_unit: Unit | None) -> Document | None:
    """The register's copy of ``parsed``, or the placeholder it fills."""
    block_key = match_key(parsed.issuer_block or parsed.issuer or "")
    if parsed.symbol:
        key = symbol_key(parsed.symbol)
        candidates = list(Document.objects.filter(symbol_key=key, issued_on=parsed.issued_on))
    else:
        probe = Document(title=parsed.title or "", issued_on=parsed.issued_on)
        prefix = probe.compute_identity().rsplit("|", 1)[0] + "|"
        candidates = list(Document.objects.filter(identity_key__startswith=prefix))
    for document in sorted(candidates, key=lambda d: d.is_placeholder):
        if same_issuer(document, issuer_unit, block_key):
            return document
    if parsed.symbol and parsed.issued_on:
        # An undated citation's placeholder, when this is the only document of that symbol.
        others = Document.objects.filter(symbol_key=symbol_key(parsed.symbol)).exclude(issued_on=None)
        if not others.exists():
            return Document.objects.filter(symbol_key=symbol_key(parsed.symbol), issued_on=None,
                                           is_placeholder=True).first()
    return None


def cited_document(mention, citing: Document) -> Document | None:
    """The document a reference points to; a placeholder when it is not in the register."""
    if not mention.symbol:
        return None
    key = symbol_key(mention.symbol)
    if key == citing.symbol_key and mention.issued_on in (None, citing.issued_on):
        return None  # the document naming itself
    same_symbol = Document.objects.filter(symbol_key=key)
    if mention.issued_on:
        cited = same_symbol.filter(issued_on=mention.issued_on).order_by("is_placeholder", "pk").first()
        if cited is None and not same_symbol.exclude(issued_on=None).exists():
            # An undated citation's placeholder learns its date rather than get a twin.
            cited = same_symbol.filter(issued_on=None, is_placeholder=True).first()
            if cited is not None:
                cited.issued_on = mention.issued_on
                cited.save()
    else:
        # Undated: the latest document of that symbol issued before the citing one.
        earlier = same_symbol.exclude(issued_on=None)
        if citing.issued_on:
            earlier = earlier.filter(issued_on__lte=citing.issued_on)
        cited = earlier.order_by("-issued_on").first() or same_symbol.filter(issued_on=None).first()
    if cited is None:
        cited = Document(
            symbol=mention.symbol[:100], issued_on=mention.issued_on, is_placeholder=True,
            kind=mention.kind if mention.kind in Kind.values else (kind_from_symbol(mention.symbol) or Kind.KHAC),
            title=mention.title or "", secret=citing.secret,
        )
        cited.save()
    elif cited.is_placeholder:
        fill_placeholder(cited, mention, citing)
    return cited


def fill_placeholder(placeholder: Document, mention, citing: Document) -> None:
    """What a new citation tells about a placeholder; cited openly, it is no longer secret."""
    changed = []
    if mention.title and not placeholder.title:
        placeholder.title, changed = mention.title, [*changed, "title"]
    if mention.kind in Kind.values and placeholder.kind == Kind.KHAC:
        placeholder.kind, changed = mention.kind, [*changed, "kind"]
    if placeholder.secret and not citing.secret:
        placeholder.secret, changed = False, [*changed, "secret"]
    if changed:
        placeholder.save()


def apply_relation(citing: Document, cited: Document, relation: str) -> None:
    """A newer document that replaces, repeals or amends an older one changes its status."""
    if "status" in cited.edited_fields:
        return
    if citing.issued_on and cited.issued_on and cited.issued_on > citing.issued_on:
        return
    if relation == Reference.Relation.THAY_THE:
        cited.status, cited.replaced_by = Document.Status.REPLACED, citing
    elif relation == Reference.Relation.BAI_BO:
        cited.status = Document.Status.EXPIRED
    elif relation in (Reference.Relation.SUA_DOI, Reference.Relation.BO_SUNG) and cited.status == Document.Status.IN_FORCE:
        cited.status = Document.Status.AMENDED
    else:
        return
    cited.save()


def drop_orphan_placeholders(document_ids: set[int]) -> None:
    """Placeholders no reference, link added by staff or replacement points to any
    more are removed (audited deletes)."""
    orphans = Document.objects.filter(pk__in=document_ids, is_placeholder=True,
                                      cited_by=None, linked_from=None, replaces=None)
    for placeholder in orphans:
        placeholder.delete()
