"""The lineage of a document: what it builds on, and what was built on it.

Four sources say that document A builds on document B:

- a reference read in A's text that points to B (thực hiện, căn cứ, thay thế…),
  B being a placeholder while it is only cited;
- a link staff added by hand (``DocumentLink``);
- a plan a unit filed for B (``Task`` of kind plan with ``plan_document`` A):
  this is what carries the chain down the tree, from the province's programme
  to the district plans and the cell plans;
- B's ``replaced_by`` being A.

Both directions are walked breadth first from the document, a level at a time
(a few queries per level, whatever the number of nodes). Only documents the
user's access policy lets them read become nodes, and the walk does not pass
through the others: a secret or out-of-scope document is neither shown nor
counted, and neither is anything reached only through it. Every node appears
once (cycles end where a node was already reached), and the walk stops at
``MAX_DEPTH`` levels and ``MAX_NODES`` nodes each way.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from ..models import Document, DocumentLink, Reference

MAX_DEPTH = 6
MAX_NODES = 150

UP, DOWN = "up", "down"

# Strongest first: an edge read as both "thay thế" and "trích dẫn" is shown as the former.
RELATION_ORDER = ["thay_the", "bai_bo", "sua_doi", "bo_sung", "thuc_hien", "tiep_tuc_thuc_hien", "can_cu", "trich_dan"]
IMPLEMENTS = "thuc_hien"
REPLACES = "thay_the"


def relation_label(code: str) -> str:
    try:
        return str(Reference.Relation(code).label)
    except ValueError:
        return code


@dataclass
class Edge:
    """``source`` builds on ``target``."""

    source: int
    target: int
    relations: set[str] = field(default_factory=set)
    origins: set[str] = field(default_factory=set)  # reference, link, plan, replaced

    @property
    def relation(self) -> str:
        return min(self.relations, key=lambda code: RELATION_ORDER.index(code) if code in RELATION_ORDER else 99)

    @property
    def label(self) -> str:
        return relation_label(self.relation)


@dataclass
class Node:
    document: Document
    level: int  # < 0 above the document, 0 the document, > 0 below
    via: int | None = None  # the node it was reached from, for the tree list
    children: list["Node"] = field(default_factory=list)
    edge: Edge | None = None  # the edge to ``via``

    @property
    def pk(self) -> int:
        return self.document.pk


@dataclass
class Lineage:
    root: Node
    nodes: dict[int, Node]
    edges: list[Edge]
    truncated: bool = False

    @property
    def ancestors(self) -> list[Node]:
        """The tree above the document, its first level first."""
        return [node for node in self.root.children if node.level < 0]

    @property
    def descendants(self) -> list[Node]:
        return [node for node in self.root.children if node.level > 0]

    def levels(self) -> dict[int, list[Node]]:
        rows = defaultdict(list)
        for node in self.nodes.values():
            rows[node.level].append(node)
        return dict(sorted(rows.items()))

    def __len__(self) -> int:
        return len(self.nodes)


def edges_from(ids: set[int], direction: str) -> list[tuple[int, int, str, str]]:
    """(source, target, relation, origin) of every edge touching ``ids`` on the
    side the walk goes: ``ids`` as sources going up, as targets going down."""
    from nghiquyet.tracking.models import Task  # tracking builds on documents, not the reverse

    side = "from_document__in" if direction == UP else "to_document__in"
    found = [
        (source, target, relation, "reference")
        for source, target, relation in Reference.objects.filter(**{side: ids}, to_document__isnull=False)
        .values_list("from_document_id", "to_document_id", "relation")
    ]
    found += [
        (source, target, relation, "link")
        for source, target, relation in DocumentLink.objects.filter(**{side: ids})
        .values_list("from_document_id", "to_document_id", "relation")
    ]
    plans = Task.objects.plans().filter(plan_document__isnull=False)
    plans = plans.filter(plan_document__in=ids) if direction == UP else plans.filter(document__in=ids)
    found += [(source, target, IMPLEMENTS, "plan") for source, target in plans.values_list("plan_document_id", "document_id")]
    replaced = Document.objects.filter(replaced_by__isnull=False)
    replaced = replaced.filter(replaced_by__in=ids) if direction == UP else replaced.filter(pk__in=ids)
    found += [(source, target, REPLACES, "replaced") for target, source in replaced.values_list("pk", "replaced_by_id")]
    return [edge for edge in found if edge[0] != edge[1]]


def readable(policy, ids: set[int]) -> dict[int, Document]:
    if not ids:
        return {}
    documents = policy.scope(Document.objects.filter(pk__in=ids)).listing().select_related("issuer_unit")
    return {document.pk: document for document in documents}


def document_order(document: Document):
    return (document.issued_on is None, document.issued_on or 0, document.symbol_key, document.pk)


def lineage(document: Document, policy) -> Lineage:
    """The lineage of ``document`` as ``policy``'s user may see it."""
    root = Node(document, 0)
    result = Lineage(root, {document.pk: root}, [])
    edges: dict[tuple[int, int], Edge] = {}
    for direction in (UP, DOWN):
        _walk(result, edges, direction, policy)
    result.edges = list(edges.values())
    for node in sorted(result.nodes.values(), key=lambda node: (abs(node.level), document_order(node.document))):
        if node.via is not None:
            result.nodes[node.via].children.append(node)
    return result


def _walk(result: Lineage, edges: dict, direction: str, policy) -> None:
    step = -1 if direction == UP else 1
    frontier, added = {result.root.pk}, 0
    for depth in range(1, MAX_DEPTH + 1):
        found = edges_from(frontier, direction)
        near = {target if direction == UP else source for source, target, _relation, _origin in found}
        visible = readable(policy, near)
        reached: dict[int, int] = {}  # new node -> the frontier node it came from
        for source, target, relation, origin in sorted(found):
            here, there = (source, target) if direction == UP else (target, source)
            if there not in visible:
                continue
            edge = edges.setdefault((source, target), Edge(source, target))
            edge.relations.add(relation)
            edge.origins.add(origin)
            if there not in result.nodes:
                reached.setdefault(there, here)
        frontier = set()
        for pk in sorted(reached, key=lambda pk: document_order(visible[pk])):
            if added >= MAX_NODES:
                result.truncated = True
                return
            via = reached[pk]
            result.nodes[pk] = Node(visible[pk], step * depth, via, edge=edges[(pk, via) if direction == DOWN else (via, pk)])
            frontier.add(pk)
            added += 1
        if not frontier:
            return
    beyond = {target if direction == UP else source for source, target, _r, _o in edges_from(frontier, direction)}
    if set(readable(policy, beyond - result.nodes.keys())):
        result.truncated = True


# -- drawing -------------------------------------------------------------------------------

NODE_WIDTH, NODE_HEIGHT = 200, 64
GAP_X, GAP_Y, MARGIN = 24, 64, 12
LINE_CHARS = 30

# Fill and stroke by kind of document: leading documents, plans, the rest.
LEADING_KINDS = {"nghi_quyet", "chi_thi", "ket_luan", "quyet_dinh", "quy_dinh", "quy_che"}
PLAN_KINDS = {"ke_hoach", "chuong_trinh", "de_an", "huong_dan"}
COLOURS = {"leading": ("#fdecea", "#b42318"), "plan": ("#e6efff", "#1d4ed8"), "other": ("#eef0f2", "#4b5563")}


def kind_family(document: Document) -> str:
    if document.kind in LEADING_KINDS:
        return "leading"
    return "plan" if document.kind in PLAN_KINDS else "other"


def shorten(text: str, limit: int = LINE_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def ordered_rows(result: Lineage) -> dict[int, list[Node]]:
    """Rows by level, each node placed under (or over) the node it was reached from."""
    rows = result.levels()
    position = {result.root.pk: 0}
    for levels in (sorted((level for level in rows if level > 0)), sorted((level for level in rows if level < 0), reverse=True)):
        for level in levels:
            row = sorted(rows[level], key=lambda node: (position.get(node.via, 0), document_order(node.document)))
            rows[level] = row
            position.update({node.pk: index for index, node in enumerate(row)})
    return rows


def place_columns(result: Lineage, rows: dict[int, list[Node]]) -> dict[int, float]:
    """x of every node: siblings centred on the node they were reached from,
    pushed right where they would overlap."""
    step = NODE_WIDTH + GAP_X
    x = {result.root.pk: 0.0}
    outward = sorted((level for level in rows if level > 0)) + sorted((level for level in rows if level < 0), reverse=True)
    for level in outward:
        siblings = defaultdict(list)
        for node in rows[level]:
            siblings[node.via].append(node)
        previous = None
        for node in rows[level]:
            group = siblings[node.via]
            wanted = x.get(node.via, 0.0) + (group.index(node) - (len(group) - 1) / 2) * step
            x[node.pk] = wanted if previous is None else max(wanted, previous + step)
            previous = x[node.pk]
    return x


def svg(result: Lineage) -> str:
    """The lineage as a layered SVG drawing: what the document builds on above it,
    what was built on it below; each node links to its document's page."""
    from django.utils.html import escape
    from django.utils.safestring import mark_safe
    from django.utils.translation import gettext as _

    rows = ordered_rows(result)
    columns = place_columns(result, rows)
    left = min(columns.values())
    width = max(columns.values()) - left + NODE_WIDTH + 2 * MARGIN
    top = min(rows)
    height = len(rows) * (NODE_HEIGHT + GAP_Y) - GAP_Y + 2 * MARGIN
    boxes = {
        node.pk: (MARGIN + columns[node.pk] - left, MARGIN + (level - top) * (NODE_HEIGHT + GAP_Y))
        for level, row in rows.items() for node in row
    }

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="lineage-graph" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-label="{escape(_("Sơ đồ quan hệ văn bản"))}">',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#6b7280"/></marker></defs>',
    ]
    for edge in result.edges:
        if edge.source in boxes and edge.target in boxes:
            parts.append(_edge_svg(edge, boxes[edge.source], boxes[edge.target], escape))
    for node in result.nodes.values():
        parts.append(_node_svg(node, boxes[node.pk], node is result.root, escape, _))
    parts.append("</svg>")
    return mark_safe("".join(parts))


def _edge_svg(edge: Edge, source, target, escape) -> str:
    (sx, sy), (tx, ty) = source, target
    x1, x2 = sx + NODE_WIDTH / 2, tx + NODE_WIDTH / 2
    if sy > ty:  # the usual case: the builder below what it builds on
        y1, y2 = sy, ty + NODE_HEIGHT
    elif sy < ty:
        y1, y2 = sy + NODE_HEIGHT, ty
    else:  # same row (a cycle or a cross link): arc over the row
        y1 = y2 = sy
    middle = (y1 + y2) / 2 if y1 != y2 else y1 - GAP_Y / 2
    dashed = ' stroke-dasharray="4 3"' if edge.origins == {"reference"} and edge.relation == "trich_dan" else ""
    label_x, label_y = (x1 + x2) / 2, middle + 4
    return (
        f'<g class="edge"><path d="M{x1:.0f},{y1:.0f} C{x1:.0f},{middle:.0f} {x2:.0f},{middle:.0f} {x2:.0f},{y2:.0f}" '
        f'fill="none" stroke="#6b7280" stroke-width="1.4"{dashed} marker-end="url(#arrow)"/>'
        f'<text x="{label_x:.0f}" y="{label_y:.0f}" text-anchor="middle" font-size="11" fill="#374151" '
        f'stroke="#ffffff" stroke-width="3" paint-order="stroke">{escape(edge.label.lower())}</text></g>'
    )


def _node_svg(node: Node, box, is_root: bool, escape, _) -> str:
    document = node.document
    x, y = box
    fill, stroke = COLOURS[kind_family(document)]
    dash = ""
    if document.is_placeholder:
        fill, dash = "#ffffff", ' stroke-dasharray="5 3"'
    faded = document.status in (Document.Status.REPLACED, Document.Status.EXPIRED)
    heading = document.symbol or str(document.get_kind_display())
    if document.is_placeholder:
        second = _("Chưa có trong hệ thống")
    else:
        second = " · ".join(filter(None, [
            f"{document.issued_on:%d/%m/%Y}" if document.issued_on else "",
            str(document.get_status_display()) if faded else str(document.get_kind_display()),
        ]))
    lines = [
        (heading, 'font-weight="bold" font-size="13" fill="#111827"'),
        (second, 'font-size="11" class="minor" fill="#4b5563"'),
        (document.title or "", 'font-size="11" fill="#111827"'),
    ]
    texts = "".join(
        f'<text x="{x + 10:.0f}" y="{y + 19 + 18 * index:.0f}" {attributes}>{escape(shorten(text))}</text>'
        for index, (text, attributes) in enumerate(lines) if text
    )
    opacity = ' opacity="0.65"' if faded else ""
    tooltip = escape(" ".join(filter(None, [str(document.display_name), document.title])))
    return (
        f'<a href="{escape(document.get_absolute_url())}" class="node {kind_family(document)}'
        f'{" placeholder" if document.is_placeholder else ""}{" root" if is_root else ""}">'
        f"<title>{tooltip}</title>"
        f'<rect x="{x:.0f}" y="{y:.0f}" width="{NODE_WIDTH}" height="{NODE_HEIGHT}" rx="6" fill="{fill}" '
        f'stroke="{stroke}" stroke-width="{3 if is_root else 1.2}"{dash}{opacity}/>'
        f"{texts}</a>"
    )
