from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from nghiquyet.text.normalize import fold

from . import audit, services
from .access import ADMINISTRATORS, policy_for
from .forms import REORGANISE_FORMS, AuditFilterForm, UnitImportForm, UnitSearchForm, new_units
from .models import Membership, Unit, UnitAlias, valid_on_q
from .spreadsheet import export_workbook, import_rows

SEARCH_LIMIT = 100


def with_children_flag(units):
    """Mark which units have current children, so the tree shows an expander."""
    children = Unit.objects.filter(parent=OuterRef("pk")).filter(valid_on_q(timezone.localdate()))
    return units.annotate(has_children=Exists(children)).select_related("kind")


def administrator_required(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not policy_for(request).is_administrator:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@require_GET
def tree(request):
    """The organisation tree from the user's own units down, or the units matching a search."""
    policy = policy_for(request)
    form = UnitSearchForm(request.GET)
    query = form.cleaned_data["q"].strip() if form.is_valid() else ""
    context = {"form": form, "query": query, "can_import": policy.is_administrator}
    if query:
        key = fold(query)
        aliased = UnitAlias.objects.filter(fold_key__contains=key).values("unit_id")
        matches = policy.visible_units().filter(Q(fold_key__contains=key) | Q(pk__in=aliased))
        matches = matches.select_related("kind", "parent").vietnamese_order()
        context["results"] = matches[:SEARCH_LIMIT]
        context["more"] = matches.count() > SEARCH_LIMIT
    else:
        tops = [unit.pk for unit in policy.top_units()]
        context["roots"] = with_children_flag(Unit.objects.filter(pk__in=tops)).order_by("depth", "sort_key")
    return render(request, "organisations/tree.html", context)


@require_GET
def children(request, code):
    """One level of the tree, loaded by htmx when a node is opened."""
    policy = policy_for(request)
    unit = policy.get_object_or_404(Unit, code=code)
    # Through scope() the units on the way down to the user's own are listed too.
    units = with_children_flag(policy.scope(Unit.objects.current()).filter(parent=unit)).vietnamese_order()
    return render(request, "organisations/_tree_nodes.html", {"units": units})


@require_GET
def unit_detail(request, code):
    policy = policy_for(request)
    unit = policy.get_object_or_404(Unit.objects.select_related("kind", "parent", "successor"), code=code)
    today = timezone.localdate()
    context = {
        "unit": unit,
        "ancestors": policy.scope(unit.ancestors()),
        "children": with_children_flag(policy.scope(unit.children.all())).vietnamese_order(),
        "members": policy.scope(Membership.objects.filter(unit=unit).filter(valid_on_q(today)))
        .select_related("user").order_by("role", "user__username"),
        "aliases": unit.aliases.order_by("kind", "valid_to", "name"),
        "predecessors": policy.scope(unit.predecessors.all()),
        "history": policy.scope(unit.reorganisations()).prefetch_related("before", "after"),
        "successor": unit.successor if unit.successor and policy.can_view(unit.successor) else None,
        "can_change": policy.can_change(unit),
        "today": today,
    }
    return render(request, "organisations/unit_detail.html", context)


@administrator_required
def import_units(request):
    """Upload a workbook of units: every row is checked, nothing is saved if one is bad."""
    result = None
    form = UnitImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        result = import_rows(form.cleaned_data["file"], policy_for(request))
        if result.ok:
            messages.success(request, _("Đã nhập: %(created)s đơn vị mới, %(updated)s cập nhật, "
                                        "%(unchanged)s giữ nguyên.") % vars(result))
            return redirect("organisations:import")
    return render(request, "organisations/import.html", {"form": form, "result": result})


@require_GET
def export_units(request):
    """The units the user sees (or one visible unit's subtree) as an Excel workbook."""
    policy = policy_for(request)
    units = policy.visible_units()
    filename = "don-vi.xlsx"
    if request.GET.get("under"):
        root = policy.get_object_or_404(policy.visible_units(), code=request.GET["under"])
        units = units.subtree_of(root)
        filename = f"don-vi-{root.code}.xlsx"
    response = HttpResponse(
        export_workbook(units),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@administrator_required
@require_GET
def audit_log(request):
    """Recorded changes, newest first, filtered; administrators only."""
    policy = policy_for(request)
    entries = audit.visible_entries(policy)
    form = AuditFilterForm(request.GET or None, users=audit.people_administered(policy))
    if form.is_bound and form.is_valid():
        entries = form.filter(entries)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    for entry in page:
        entry.action_label = audit.ACTION_LABELS.get(entry.action, entry.get_action_display())
    return render(request, "organisations/audit_log.html", {"page": page, "form": form})


def reorganise(request, code):
    """One form per reorganisation of a unit; administrators of its subtree only."""
    policy = policy_for(request)
    unit = policy.get_changeable_or_403(Unit.objects.select_related("kind", "parent"), code=code)
    choices = policy.units_with_role(ADMINISTRATORS).current().select_related("kind").vietnamese_order()
    posted = request.POST.get("operation") if request.method == "POST" else None
    forms = {name: form_class(request.POST if name == posted else None, unit=unit, choices=choices)
             for name, form_class in REORGANISE_FORMS.items()}
    form = forms.get(posted)
    if form is not None and form.is_valid():
        try:
            with transaction.atomic():
                result = APPLY[posted](unit, form.cleaned_data, form)
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(request, _("Đã ghi nhận: %(change)s.") % {"change": result.record})
            return redirect(result.unit)
    return render(request, "organisations/reorganise.html", {"unit": unit, "forms": forms, "posted": posted})


class Applied:
    """A recorded reorganisation and the unit to show afterwards."""

    def __init__(self, record, unit):
        self.record, self.unit = record, unit


def _rename(unit, data, form):
    record = services.rename(unit, data["name"], data["on"], short_name=data["short_name"],
                             decision=data["decision"])
    return Applied(record, unit)


def _merge(unit, data, form):
    units = [unit, *data["units"]]
    new = new_units([data["new_name"]], like=unit)[0] if data["new_name"] else None
    record = services.merge(units, data["on"], into=data["survivor"], new=new, decision=data["decision"])
    return Applied(record, record.after.get())


def _split(unit, data, form):
    into = new_units(data["names"], like=unit)
    children = {child.code: into[form.placement()[child.pk]].code for child in form.children}
    record = services.split(unit, data["on"], into=into, children=children, decision=data["decision"])
    # The parent lists all the new units side by side.
    return Applied(record, unit.parent or record.after.order_by("pk").first())


def _abolish(unit, data, form):
    record = services.abolish(unit, data["on"], successor=data["successor"], decision=data["decision"])
    return Applied(record, data["successor"] or unit)


def _move(unit, data, form):
    record = services.move(unit, data["parent"], data["on"], decision=data["decision"])
    return Applied(record, unit)


APPLY = {"rename": _rename, "merge": _merge, "split": _split, "abolish": _abolish, "move": _move}
