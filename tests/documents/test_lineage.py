"""The lineage of documents: references, links staff add, filed plans, replacements;
scoped by the access policy; drawn as SVG and listed as a tree."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from nghiquyet.documents.models import Document, DocumentLink, Reference
from nghiquyet.documents.services.lineage import lineage, svg
from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.organisations.models import Role
from nghiquyet.tracking.models import Task
from tests.access import registry
from tests.browser import log_in, phone_page
from tests.documents.factories import district_plan, parsed, store

pytestmark = pytest.mark.django_db


def make(symbol, unit=None, kind="ke_hoach", year=2021, secret=False, title="về chuyển đổi số", **extra):
    return Document.objects.create(symbol=symbol, issuer_unit=unit, kind=kind, issued_on=datetime.date(year, 6, 1),
                                   title=title, secret=secret, **extra)


def cite(source, target, relation="thuc_hien"):
    return Reference.objects.create(from_document=source, to_document=target, symbol=target.symbol, relation=relation)


def file_plan(superior, plan, unit):
    return Task.objects.create(document=superior, title="Xây dựng kế hoạch thực hiện", kind=Task.Kind.PLAN,
                               lead_unit=unit, plan_document=plan, due_period="2021-09", completed_on=plan.issued_on)


@pytest.fixture
def chain(units):
    """Central resolution → province programme (reference) → district plans (filed
    plans) → a cell plan (a link staff added)."""
    docs = {
        "central": make("57-NQ/TW", kind="nghi_quyet", year=2020),
        "programme": make("17-CTr/TU", units["province"], kind="chuong_trinh"),
        "plan_a": make("45-KH/HU", units["district_a"]),
        "plan_b": make("46-KH/HU", units["district_b"]),
        "cell": make("03-KH/CB", units["cell_a"]),
    }
    cite(docs["programme"], docs["central"])
    file_plan(docs["programme"], docs["plan_a"], units["district_a"])
    file_plan(docs["programme"], docs["plan_b"], units["district_b"])
    DocumentLink.objects.create(from_document=docs["cell"], to_document=docs["plan_a"], relation="thuc_hien")
    return docs


def levels(result):
    return {node.document.symbol: node.level for node in result.nodes.values()}


def test_the_chain_runs_down_the_tree(chain, province_officer):
    result = lineage(chain["central"], AccessPolicy(province_officer))
    assert levels(result) == {"57-NQ/TW": 0, "17-CTr/TU": 1, "45-KH/HU": 2, "46-KH/HU": 2, "03-KH/CB": 3}
    origins = {(e.source, e.target): e.origins for e in result.edges}
    assert origins[(chain["programme"].pk, chain["central"].pk)] == {"reference"}
    assert origins[(chain["plan_a"].pk, chain["programme"].pk)] == {"plan"}
    assert origins[(chain["cell"].pk, chain["plan_a"].pk)] == {"link"}
    tree = result.descendants
    assert [n.document.symbol for n in tree] == ["17-CTr/TU"]
    assert sorted(n.document.symbol for n in tree[0].children) == ["45-KH/HU", "46-KH/HU"]


def test_what_a_document_builds_on_is_transitive(chain, province_officer):
    result = lineage(chain["cell"], AccessPolicy(province_officer))
    assert levels(result) == {"03-KH/CB": 0, "45-KH/HU": -1, "17-CTr/TU": -2, "57-NQ/TW": -3}
    assert result.ancestors[0].children[0].children[0].edge.label == "Thực hiện"


def test_a_sibling_districts_plan_never_appears(chain, officer_a, client):
    result = lineage(chain["programme"], AccessPolicy(officer_a))
    assert set(levels(result)) == {"57-NQ/TW", "17-CTr/TU", "45-KH/HU", "03-KH/CB"}
    client.force_login(officer_a)
    page = client.get(reverse("documents:lineage", args=[chain["programme"].pk])).content.decode()
    assert "45-KH/HU" in page and "46-KH/HU" not in page


def test_a_secret_ancestor_and_what_lies_beyond_it_stay_hidden(units, make_user, client):
    central = make("01-NQ/TW", kind="nghi_quyet", year=2019)
    secret = make("02-ĐA/TU", units["province"], kind="de_an", secret=True, title="về đề án mật")
    plan = make("45-KH/HU", units["district_a"])
    cite(plan, secret)
    cite(secret, central)
    uncleared = make_user("leader_a", units["district_a"], Role.LEADER)
    cleared = make_user("cleared_a", units["district_a"], Role.LEADER, secret_clearance=True)
    assert set(levels(lineage(plan, AccessPolicy(uncleared)))) == {"45-KH/HU"}
    assert set(levels(lineage(plan, AccessPolicy(cleared)))) == {"45-KH/HU", "02-ĐA/TU", "01-NQ/TW"}
    client.force_login(uncleared)
    page = client.get(reverse("documents:lineage", args=[plan.pk])).content.decode()
    assert "02-ĐA/TU" not in page and "đề án mật" not in page and "01-NQ/TW" not in page
    # Nor from below: the secret document's descendants see no trace of it.
    assert set(levels(lineage(central, AccessPolicy(uncleared)))) == {"01-NQ/TW"}


def test_cycles_end_and_every_node_appears_once(units, province_officer):
    a, b, c = (make(f"{n}-KH/TU", units["province"]) for n in (1, 2, 3))
    cite(a, b)
    cite(b, a)
    cite(b, c)
    DocumentLink.objects.create(from_document=c, to_document=a, relation="tiep_tuc_thuc_hien")
    result = lineage(a, AccessPolicy(province_officer))
    assert len(result) == 3
    assert levels(result)["1-KH/TU"] == 0
    assert sorted(result.nodes) == sorted({a.pk, b.pk, c.pk})
    svg(result)  # and it draws


def test_a_replacement_is_an_edge(units, province_officer):
    old, new = make("12-KH/TU", units["province"], year=2019), make("40-KH/TU", units["province"])
    old.status, old.replaced_by = Document.Status.REPLACED, new
    old.save()
    result = lineage(new, AccessPolicy(province_officer))
    assert levels(result) == {"40-KH/TU": 0, "12-KH/TU": -1}
    assert result.ancestors[0].edge.label == "Thay thế"


def test_placeholders_become_real_nodes_when_imported(units, province_officer, client):
    store(district_plan())
    plan = Document.objects.get(symbol="45-KH/HU")
    policy = AccessPolicy(province_officer)
    ancestors = {node.document.symbol: node.document for node in lineage(plan, policy).ancestors}
    placeholder = ancestors["111-NQ/TU"]
    assert placeholder.is_placeholder
    client.force_login(province_officer)
    page = client.get(reverse("documents:lineage", args=[plan.pk])).content.decode()
    assert "chưa có trong hệ thống" in page.lower() and 'stroke-dasharray="5 3"' in page

    store(parsed(symbol="111-NQ/TU", issued_on=datetime.date(2021, 6, 11), kind="nghi_quyet", issuer="Tỉnh ủy",
                 issuer_block="TỈNH ỦY BẮC GIANG", title="về chuyển đổi số tỉnh Bắc Giang"), filename="nq-111.txt")
    filled = {node.document.symbol: node.document for node in lineage(plan, policy).ancestors}["111-NQ/TU"]
    assert filled.pk == placeholder.pk and not filled.is_placeholder
    assert filled.title == "về chuyển đổi số tỉnh Bắc Giang"
    below = lineage(filled, policy)
    assert [node.document.symbol for node in below.descendants] == ["45-KH/HU"]


def test_the_svg_draws_every_node_with_a_link_and_escapes_titles(units, province_officer, client):
    central = make("57-NQ/TW", kind="nghi_quyet", title='về <script>alert("x")</script> & “đổi mới”')
    plan = make("45-KH/TU", units["province"])
    cite(plan, central)
    drawing = svg(lineage(plan, AccessPolicy(province_officer)))
    assert drawing.startswith("<svg") and drawing.count("<a href=") == 2
    assert f'href="{central.get_absolute_url()}"' in drawing
    assert "<script>" not in drawing and "&lt;script&gt;" in drawing and "&amp;" in drawing
    client.force_login(province_officer)
    response = client.get(reverse("documents:lineage", args=[plan.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert 'class="graph-scroll"' in page and "<script>alert" not in page
    # The document page leads there.
    assert reverse("documents:lineage", args=[plan.pk]) in client.get(plan.get_absolute_url()).content.decode()


def test_many_documents_of_one_level_wrap_into_rows_of_six(units, province_officer):
    import re

    from nghiquyet.documents.services.lineage import NODE_HEIGHT, NODE_WIDTH, ROW_LIMIT

    resolution = make("20-NQ/TU", units["province"], kind="nghi_quyet")
    for number in range(14):
        cite(make(f"{number + 1}-KH/TU", units["province"]), resolution)
    drawing = svg(lineage(resolution, AccessPolicy(province_officer)))
    width, height = (float(v) for v in re.search(r'width="(\d+)" height="(\d+)"', drawing).groups())
    assert drawing.count("<a href=") == 15
    assert width < (ROW_LIMIT + 1) * NODE_WIDTH * 1.2, "fourteen plans side by side would be 3,000 px wide"
    assert height > 3 * NODE_HEIGHT * 1.5, "the document and three rows of plans below it"


def test_staff_add_and_remove_links_audited(chain, officer_a, client):
    client.force_login(officer_a)
    url = reverse("documents:link_add", args=[chain["plan_a"].pk])
    response = client.post(url, {"direction": "up", "relation": "tiep_tuc_thuc_hien", "symbol": "57-NQ/TW", "note": "bổ sung"})
    assert response.status_code == 302
    link = DocumentLink.objects.get(from_document=chain["plan_a"], to_document=chain["central"])
    assert link.created_by == officer_a
    assert LogEntry.objects.get_for_object(link).filter(action=LogEntry.Action.CREATE).exists()
    result = lineage(chain["plan_a"], AccessPolicy(officer_a))
    assert levels(result)["57-NQ/TW"] == -1  # now directly, not through the programme
    # The same link twice, an unknown number, a document the user cannot change.
    assert client.post(url, {"direction": "up", "relation": "tiep_tuc_thuc_hien", "symbol": "57-NQ/TW"}).status_code == 400
    response = client.post(url, {"direction": "up", "relation": "thuc_hien", "symbol": "999-NQ/TW"})
    assert "Không tìm thấy văn bản số 999-NQ/TW" in response.content.decode()
    response = client.post(reverse("documents:link_add", args=[chain["programme"].pk]),
                           {"direction": "up", "relation": "thuc_hien", "symbol": "57-NQ/TW"})
    assert response.status_code == 400 and "không có quyền" in response.content.decode()
    link_pk = link.pk
    response = client.post(reverse("documents:link_delete", args=[link_pk]), {"back": chain["central"].pk})
    assert response.status_code == 302 and not DocumentLink.objects.filter(pk=link_pk).exists()
    assert LogEntry.objects.filter(object_pk=str(link_pk), action=LogEntry.Action.DELETE).exists()


def test_links_of_another_branch_cannot_be_removed(chain, officer_b, client):
    link = DocumentLink.objects.get()
    client.force_login(officer_b)
    assert client.post(reverse("documents:link_delete", args=[link.pk])).status_code == 404
    assert DocumentLink.objects.filter(pk=link.pk).exists()


def test_marking_replaced_and_expired_is_audited(chain, officer_a, officer_b, client):
    plan = chain["plan_a"]
    newer = make("60-KH/HU", chain["plan_a"].issuer_unit, year=2023)
    client.force_login(officer_a)
    url = reverse("documents:mark_status", args=[plan.pk])
    response = client.post(url, {"status": "replaced"})
    assert response.status_code == 400 and "Hãy ghi số, ký hiệu của văn bản thay thế" in response.content.decode()
    assert client.post(url, {"status": "replaced", "symbol": "60-kh/hu"}).status_code == 302
    plan.refresh_from_db()
    assert plan.status == Document.Status.REPLACED and plan.replaced_by == newer
    assert {"status", "replaced_by"} <= set(plan.edited_fields)
    entry = LogEntry.objects.get_for_object(plan).filter(action=LogEntry.Action.UPDATE).latest("timestamp")
    assert "status" in entry.changes_dict and entry.actor == officer_a
    assert levels(lineage(newer, AccessPolicy(officer_a)))["45-KH/HU"] == -1

    assert client.post(url, {"status": "expired"}).status_code == 302
    plan.refresh_from_db()
    assert plan.status == Document.Status.EXPIRED and plan.replaced_by is None
    # Someone of another branch cannot, not even see it.
    client.force_login(officer_b)
    assert client.post(url, {"status": "in_force"}).status_code == 404
    plan.refresh_from_db()
    assert plan.status == Document.Status.EXPIRED


@pytest.mark.parametrize("typed", ["60-KH/HU", "60-kh/hu", "60/KH-HU", "60 - KH / HU", "KH 60", "kh60", "KH-60",
                                   "Kế hoạch số 60", "ke hoach 60", "060-KH/HU"])
def test_the_replacing_document_may_be_typed_in_any_spelling(chain, officer_a, client, typed):
    plan = chain["plan_a"]
    newer = make("60-KH/HU", plan.issuer_unit, year=2023)
    client.force_login(officer_a)
    response = client.post(reverse("documents:mark_status", args=[plan.pk]), {"status": "replaced", "symbol": typed})
    assert response.status_code == 302, response.content.decode()
    plan.refresh_from_db()
    assert plan.replaced_by == newer


def test_a_link_may_name_the_document_in_another_spelling(chain, officer_a, province_officer, units, client):
    client.force_login(officer_a)
    url = reverse("documents:link_add", args=[chain["plan_a"].pk])
    for typed in ("NQ 57", "57/NQ-TW", "nghị quyết 57"):
        assert client.post(url, {"direction": "up", "relation": "thuc_hien", "symbol": typed}).status_code == 302
        DocumentLink.objects.get(from_document=chain["plan_a"], to_document=chain["central"]).delete()
    # A number without its issuer that several documents share: say which, ask for the whole symbol.
    make("57-NQ/TU", units["province"], kind="nghi_quyet")
    response = client.post(url, {"direction": "up", "relation": "thuc_hien", "symbol": "NQ 57"})
    assert response.status_code == 400
    assert "57-NQ/TU, 57-NQ/TW" in response.content.decode()
    assert client.post(url, {"direction": "up", "relation": "thuc_hien", "symbol": "57/NQ-TW"}).status_code == 302
    # Another type, another number, a secret document: not found in any spelling.
    make("58-NQ/TW", kind="nghi_quyet", secret=True)
    for typed in ("KH 57", "NQ 5", "NQ 58", "58/NQ-TW"):
        response = client.post(url, {"direction": "up", "relation": "thuc_hien", "symbol": typed})
        assert response.status_code == 400 and "Không tìm thấy" in response.content.decode(), typed


def test_readers_see_the_lineage_but_no_status_form(chain, cell_reporter, client):
    client.force_login(cell_reporter)
    page = client.get(reverse("documents:lineage", args=[chain["plan_a"].pk])).content.decode()
    assert "03-KH/CB" in page and 'id="hieu-luc"' not in page
    assert client.post(reverse("documents:mark_status", args=[chain["plan_a"].pk]), {"status": "expired"}).status_code == 403


def test_the_new_routes_are_in_the_permission_registry():
    registry.load_all()
    for name in ("lineage", "link_add", "mark_status"):
        assert registry.ROUTES[f"documents:{name}"].model == "documents.Document"
    assert registry.ROUTES["documents:link_delete"].model == "documents.DocumentLink"
    assert "documents.DocumentLink" in registry.SAMPLES


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_on_a_phone_the_graph_scrolls_and_its_nodes_open_documents(chain, province_officer, live_server, browser,
                                                                    tmp_path):
    page = log_in(phone_page(browser), live_server, "province_officer")
    page.goto(f"{live_server.url}{chain['programme'].get_absolute_url()}")
    page.click("text=Quan hệ văn bản")
    page.wait_for_selector("svg.lineage-graph")
    page.screenshot(path=str(tmp_path / "lineage.png"), full_page=True)
    wide = page.evaluate("() => { const box = document.querySelector('.graph-scroll');"
                         " return [box.scrollWidth, box.clientWidth, document.documentElement.scrollWidth]; }")
    assert wide[0] > wide[1] and wide[2] <= 390 + 1  # the graph scrolls, not the page
    page.click(f"svg a[href='{chain['central'].get_absolute_url()}']")
    page.wait_for_selector("h1:has-text('57-NQ/TW')")


def test_a_placeholder_staff_linked_to_survives_a_reimport_that_no_longer_cites_it(units, province_officer):
    store(district_plan())
    placeholder = Document.objects.get(symbol="111-NQ/TU")
    programme = make("17-CTr/TU", units["province"], kind="chuong_trinh")
    DocumentLink.objects.create(from_document=programme, to_document=placeholder, relation="thuc_hien")

    plan_citing_less = district_plan()
    plan_citing_less.references = plan_citing_less.references[1:]
    store(plan_citing_less)

    assert Document.objects.filter(pk=placeholder.pk, is_placeholder=True).exists()
    assert DocumentLink.objects.filter(from_document=programme, to_document=placeholder).exists()
    assert not Document.objects.filter(symbol="111-NQ/TU").exclude(pk=placeholder.pk).exists()


def test_a_placeholder_nothing_points_to_any_more_is_removed(units):
    store(district_plan())
    plan_citing_less = district_plan()
    plan_citing_less.references = plan_citing_less.references[1:]
    store(plan_citing_less)
    assert not Document.objects.filter(symbol="111-NQ/TU").exists()
