"""Tasks: the list, writing one by hand, its page, progress, sub-tasks, evidence."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import F
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from nghiquyet.documents.models import Document
from nghiquyet.organisations.access import policy_for

from ..forms import ProgressForm, SubtaskForm, TaskFilterForm, TaskForm
from ..models import Evidence, ProgressUpdate, Task
from ..services import progress
from ..status import Status
from .common import export, is_htmx, page_of, require, wants_export
from .plans import severity_order


def filtered_tasks(request):
    policy = policy_for(request)
    tasks = policy.scope(Task.objects.work())
    documents = policy.scope(Document.objects.filter(pk__in=tasks.values("document"))).register_order()
    form = TaskFilterForm(request.GET or None, policy, documents)
    day = form.as_of
    tasks = form.filter(tasks.with_status(day), words="title")
    return form, day, sort_tasks(tasks, form.value("sort")).select_related("lead_unit", "document")


def sort_tasks(tasks, sort):
    if sort == "status":
        return tasks.annotate(severity=severity_order()).order_by("severity", F("next_due").asc(nulls_last=True), "pk")
    if sort == "title":
        return tasks.order_by("sort_key", "pk")
    if sort == "unit":
        return tasks.order_by("lead_unit__sort_key", "sort_key", "pk")
    if sort == "-updated":
        return tasks.order_by("-updated_at", "-pk")
    return tasks.order_by(F("next_due").asc(nulls_last=True), "pk")


def task_list(request):
    form, day, tasks = filtered_tasks(request)
    if wants_export(request):
        headers = [_("Nhiệm vụ"), _("Văn bản"), _("Đơn vị chủ trì"), _("Đơn vị phối hợp"), _("Người chịu trách nhiệm"),
                   _("Hạn"), _("Định kỳ"), _("Tình trạng"), _("Tiến độ (%)"), _("Ngày hoàn thành"), _("Sản phẩm")]
        rows = ([t.title, t.document.display_name, t.lead_unit.name, ", ".join(u.name for u in t.partner_units.all()),
                 t.responsible_person, t.next_due, t.get_recurrence_display(), Status(t.status).label, t.percent,
                 t.completed_on, t.expected_product] for t in tasks.prefetch_related("partner_units"))
        return export("nhiem-vu", _("Nhiệm vụ"), headers, rows)
    return render(request, "tracking/task_list.html", {"form": form, "day": day, "page": page_of(request, tasks)})


@require_http_methods(["GET", "POST"])
def task_create(request):
    policy = policy_for(request)
    initial = {"document": request.GET.get("van_ban")} if request.GET.get("van_ban") else {}
    form = TaskForm(request.POST or None, policy=policy, initial=initial, instance=Task(created_by=request.user))
    if request.method == "POST" and form.is_valid():
        task = form.save()
        messages.success(request, _("Đã giao nhiệm vụ."))
        return redirect(task)
    return render(request, "tracking/task_form.html", {"form": form})


def _task(request, pk) -> Task:
    return policy_for(request).get_object_or_404(
        Task.objects.work().select_related("document", "lead_unit", "parent", "report_to_unit"), pk=pk)


def task_detail(request, pk, progress_form=None, conflict=None):
    policy = policy_for(request)
    task = _task(request, pk)
    day = timezone.localdate()
    may_report = policy.can_create_at(ProgressUpdate, task.lead_unit)
    context = {
        "task": task, "day": day, "status": task.status_on(day),
        "may_report": may_report, "may_edit": policy.can_change(task),
        "progress_form": progress_form or (ProgressForm(task=task, report_dates=progress.open_report_dates(task, day))
                                           if may_report else None),
        "conflict": conflict,
        "history": task.updates.select_related("author").prefetch_related("evidence")[:50],
        "subtasks": policy.scope(task.subtasks.all()).with_status(day).select_related("lead_unit"),
        "partners": task.partner_units.all(),
        "subtask_form": SubtaskForm(policy=policy, parent=task) if policy.can_change(task) else None,
    }
    template = "tracking/_task_progress.html" if is_htmx(request) and request.method == "POST" else "tracking/task.html"
    return render(request, template, context)


@require_POST
def task_progress(request, pk):
    policy = policy_for(request)
    task = _task(request, pk)
    require(policy.can_create_at(ProgressUpdate, task.lead_unit))
    day = timezone.localdate()
    form = ProgressForm(request.POST, request.FILES, task=task, report_dates=progress.open_report_dates(task, day))
    if not form.is_valid():
        return task_detail(request, pk, progress_form=form)
    try:
        progress.record_progress(task, form.cleaned_data["version"], policy, **form.changes())
    except progress.EditConflict as conflict:
        current = conflict.current
        fresh = ProgressForm(task=current, report_dates=progress.open_report_dates(current, day),
                             initial={key: form.cleaned_data.get(key) for key in ("narrative", "difficulties", "proposals")})
        return task_detail(request, pk, progress_form=fresh, conflict=conflict)
    messages.success(request, _("Đã cập nhật tiến độ."))
    if is_htmx(request):
        return task_detail(request, pk)
    return redirect(task)


@require_http_methods(["GET", "POST"])
def task_edit(request, pk):
    policy = policy_for(request)
    task = _task(request, pk)
    require(policy.can_change(task))
    form = TaskForm(request.POST or None, policy=policy, instance=task)
    conflict = None
    if request.method == "POST" and form.is_valid():
        changes = {name: form.cleaned_data[name] for name in form.changed_data
                   if name not in ("partner_units", "version")}
        partners = form.cleaned_data["partner_units"] if "partner_units" in form.changed_data else None
        try:
            progress.edit_task(task, form.cleaned_data["version"] or 0, changes, partners)
        except progress.EditConflict as error:
            conflict = error
            form = TaskForm(instance=error.current, policy=policy)
        else:
            messages.success(request, _("Đã lưu nhiệm vụ."))
            return redirect(task)
    return render(request, "tracking/task_form.html", {"form": form, "task": task, "conflict": conflict})


@require_POST
def task_subtasks(request, pk):
    policy = policy_for(request)
    parent = _task(request, pk)
    require(policy.can_change(parent))
    form = SubtaskForm(request.POST, policy=policy, parent=parent)
    if form.is_valid():
        data = form.cleaned_data
        units = list(data["units"])
        refused = [unit for unit in units if not policy.can_create_at(Task, unit)]
        require(not refused)
        created = progress.add_subtasks(parent, units, policy, title=data["title"], due_period=data["due_period"],
                                        expected_product=data["expected_product"])
        messages.success(request, _("Đã giao %(count)d nhiệm vụ con.") % {"count": len(created)})
    else:
        messages.error(request, " ".join(error for errors in form.errors.values() for error in errors))
    return redirect(parent)


def evidence(request, pk):
    item = policy_for(request).get_object_or_404(Evidence, pk=pk)
    try:
        handle = item.file.open("rb")
    except OSError:
        raise Http404 from None
    return FileResponse(handle, as_attachment=True, filename=item.name)
