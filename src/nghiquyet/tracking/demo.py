"""Demo follow-up of the demo documents, evaluated as of today.

Runs after the documents' demo, which imports the documents and accepts the
items the extractor is confident about (so units already owe plans, lead
tasks and report indicators). Here, deterministically (each record draws
from a random generator seeded by what it is, never by its database id):

- plans: a plan the corpus holds (a district's plan citing the resolution it
  implements) is filed as that document; other units filed theirs on time,
  late, or not at all, and a few filed copies of the superior document;
- tasks: progress reports over the years, done on time or late, stalled or
  not started; yearly reports received, late or missing; a few tasks handed
  down to communes with deadlines around today, so some fall due soon;
- indicators: values the units reported year by year, trending toward the
  target or away from it;
- reminders sent as of today.

Loading again adds nothing.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from nghiquyet.documents.models import Document, Kind, Reference
from nghiquyet.organisations.access import AccessPolicy
from nghiquyet.organisations.models import Membership, Role, UnitKind

from .models import Indicator, IndicatorValue, PlanObligation, ProgressUpdate, Task
from .services import cascade, plans
from .services.indicators import reporting_units
from .services.reminders import send_reminders
from .services.reporting import periods_between

SEED = "nghiquyet-demo"
# Deadlines of the tasks handed down, in days from today: overdue, due soon, within the deadline.
HAND_DOWN_DAYS = (-20, 4, 30, 6, 75)
CASCADED_KINDS = (Kind.NGHI_QUYET, Kind.CHI_THI, Kind.KET_LUAN, Kind.CHUONG_TRINH, Kind.KE_HOACH)
FIRST_YEAR = 2021
MAX_REPORTERS = 8  # reporting units per indicator given values

NARRATIVES = [
    "Đã tổ chức quán triệt, triển khai đến các chi bộ trực thuộc.",
    "Đã ban hành văn bản chỉ đạo, hướng dẫn các cơ quan, đơn vị thực hiện.",
    "Đang phối hợp với các cơ quan liên quan xây dựng dự thảo đề án.",
    "Đã tổ chức hội nghị sơ kết, đánh giá kết quả bước đầu.",
    "Đã kiểm tra, đôn đốc việc thực hiện tại các xã, thị trấn.",
    "Hoàn thành việc rà soát, tổng hợp số liệu báo cáo cấp trên.",
]
# Fragments a plan's duties are built from: who, does what, about what, where, how.
PLAN_PHRASES = [
    ["Văn phòng cấp ủy", "Ban Tuyên giáo", "Ban Tổ chức", "Ủy ban Kiểm tra", "Ban Dân vận", "Trung tâm Chính trị",
     "Ủy ban nhân dân", "Mặt trận Tổ quốc", "Đoàn Thanh niên", "Hội Phụ nữ", "Hội Nông dân", "các chi bộ"],
    ["chủ trì rà soát", "tổ chức tập huấn về", "xây dựng mô hình điểm về", "khảo sát, đánh giá thực trạng",
     "tuyên truyền sâu rộng về", "kiểm tra, giám sát việc thực hiện", "bố trí kinh phí cho", "sơ kết, rút kinh nghiệm",
     "ban hành quy chế về", "đôn đốc, hướng dẫn", "lập danh mục công việc về", "chuẩn hóa dữ liệu về"],
    ["chuyển đổi số", "cải cách hành chính", "xây dựng nông thôn mới", "công tác dân vận", "phát triển đảng viên",
     "giảm nghèo bền vững", "an ninh trật tự", "sinh hoạt chi bộ", "văn hóa công sở", "kinh tế tập thể",
     "bảo vệ môi trường", "giáo dục đạo đức"],
    ["tại các thôn, tổ dân phố", "ở các cơ quan, đơn vị", "trong các trường học", "ở các hợp tác xã",
     "trên địa bàn các xã vùng cao", "tại bộ phận một cửa", "trong đội ngũ cán bộ chủ chốt", "ở các doanh nghiệp",
     "trong đoàn viên, hội viên", "tại các điểm sinh hoạt cộng đồng", "ở khu dân cư mới", "trong lực lượng dân quân"],
    ["gắn với thi đua khen thưởng", "có phân công người phụ trách", "theo lộ trình từng năm", "bằng nguồn lực tại chỗ",
     "kết hợp kiểm tra chéo", "với sự tham gia của nhân dân", "công khai kết quả hằng quý", "có sản phẩm cụ thể",
     "ưu tiên nơi còn khó khăn", "lồng ghép các chương trình", "đánh giá bằng tiêu chí định lượng", "báo cáo kết quả"],
]
DIFFICULTIES = [
    "Kinh phí bố trí cho nhiệm vụ còn hạn chế.",
    "Cán bộ chuyên trách còn thiếu, phải kiêm nhiệm nhiều việc.",
    "Hạ tầng công nghệ thông tin ở cơ sở chưa đồng bộ.",
    "",
]
PROPOSALS = [
    "Đề nghị cấp trên bổ sung kinh phí hỗ trợ.",
    "Đề nghị tổ chức tập huấn nghiệp vụ cho cán bộ cơ sở.",
    "",
]


def rng(*key) -> random.Random:
    return random.Random(":".join([SEED, *map(str, key)]))


def name_of(document: Document) -> str:
    """What a document is, in words that do not change between databases (no ids)."""
    return f"{document.symbol}|{document.issued_on}|{document.title[:60]}"


# Orders that do not depend on ids either.
BY_DOCUMENT = ("document__symbol", "document__issued_on", "document__title")


def moment(day: datetime.date) -> datetime.datetime:
    """Nine in the morning of ``day``, as reports are filed in office hours."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9)))


def load(command, options) -> None:
    from nghiquyet.documents.demo import demo_importer

    user = demo_importer()
    if user is None:
        command.stdout.write("Theo dõi thực hiện: chưa có người dùng quản lý để tạo dữ liệu mẫu.")
        return
    today = timezone.localdate()
    policy = AccessPolicy(user)
    cascaded = cascade_documents(policy)
    filed = file_plans(policy, today)
    handed_down = hand_down(user, today)
    reported = report_progress(user, today)
    values = report_values(user, today)
    summary = send_reminders(today)
    command.stdout.write(
        f"Theo dõi thực hiện: {cascaded} văn bản giao cụ thể hóa, {filed} kế hoạch đã nộp, {reported} báo cáo tiến độ, {handed_down} nhiệm vụ giao "
        f"cấp dưới, {values} số liệu chỉ tiêu; {summary.created} thông báo nhắc việc (tính đến {today:%d/%m/%Y})."
    )


# -- plans -------------------------------------------------------------------------------


def cascade_documents(policy: AccessPolicy) -> int:
    """Imported documents no accepted item cascaded yet go to the committees below their issuer."""
    count = 0
    documents = (Document.objects.real().filter(secret=False, issuer_unit__isnull=False, kind__in=CASCADED_KINDS,
                                                source_file__isnull=False)
                 .exclude(tasks__kind=Task.Kind.PLAN).select_related("issuer_unit"))
    for document in documents.order_by("symbol", "issued_on", "title"):
        units = committees_below(document.issuer_unit)
        if not units or rng("cascade", name_of(document)).random() < 0.15:
            continue
        due = cascade.default_due_period(document) or months_after(document.issued_on, 2)
        cascade.assign(document, units, due, policy)
        count += 1
    return count


def committees_below(unit) -> list:
    """The largest named group of committees under ``unit``, else its child committees."""
    groups = [group for group in unit.anchored_groups.prefetch_related("kinds")
              if group.kinds.exists() and all(k.category == UnitKind.Category.COMMITTEE for k in group.kinds.all())]
    if groups:
        return list(max(groups, key=lambda group: (group.members().count(), group.code)).members())
    return list(unit.children.current().filter(kind__category=UnitKind.Category.COMMITTEE).order_by("code"))


def months_after(day: datetime.date | None, months: int) -> str:
    if day is None:
        return ""
    index = day.year * 12 + day.month - 1 + months
    return f"{index // 12}-{index % 12 + 1:02d}"


def file_plans(policy: AccessPolicy, today: datetime.date) -> int:
    filed = 0
    obligations = PlanObligation.objects.filter(plan_document=None).select_related("document", "lead_unit")
    for obligation in obligations.order_by(*BY_DOCUMENT, "lead_unit__code"):
        plan = corpus_plan(obligation) or invented_plan(obligation, today)
        if plan is not None:
            plans.attach(obligation, plan, policy)
            filed += 1
    return filed


def corpus_plan(obligation: PlanObligation) -> Document | None:
    """A document of the unit that says it implements the superior one."""
    implementing = (Reference.Relation.THUC_HIEN, Reference.Relation.TIEP_TUC_THUC_HIEN)
    return (Document.objects.real().filter(issuer_unit=obligation.lead_unit, references__to_document=obligation.document,
                                           references__relation__in=implementing)
            .exclude(pk=obligation.document_id).order_by("issued_on", "pk").first())


def invented_plan(obligation: PlanObligation, today: datetime.date) -> Document | None:
    """Most units filed on time, some late, some not at all (yet)."""
    draw = rng("plan", name_of(obligation.document), obligation.lead_unit.code)
    fate = draw.random()
    due = obligation.due_date or ((obligation.document.issued_on or today) + datetime.timedelta(days=60))
    if fate < 0.6:
        issued = due - datetime.timedelta(days=draw.randint(2, 30))
    elif fate < 0.82:
        issued = due + datetime.timedelta(days=draw.randint(5, 120))
    else:
        return None
    start = (obligation.document.issued_on or issued) + datetime.timedelta(days=3)
    if issued > today:  # due later: some units have filed already, the rest still have time
        if start > today or draw.random() < 0.5:
            return None
        issued = today - datetime.timedelta(days=draw.randint(0, (today - start).days))
    issued = min(max(issued, start), today)
    copied = draw.random() < 0.15
    unit = obligation.lead_unit
    number = draw.randint(10, 199)
    symbol = f"{number}-{'CTr' if copied else 'KH'}/{unit.code}"
    plan = Document.objects.filter(symbol=symbol, issuer_unit=unit).first()
    if plan is None:
        plan = Document.objects.create(
            kind=Kind.CHUONG_TRINH if copied else Kind.KE_HOACH, symbol=symbol, issued_on=issued,
            issuer=unit.name, issuer_unit=unit, title=f"thực hiện {obligation.document.display_name}",
            text=plan_text(obligation, draw, copied),
        )
    return plan


def plan_text(obligation: PlanObligation, draw: random.Random, copied: bool) -> str:
    """A short plan in the unit's own words, or the superior text with the level swapped."""
    superior, unit = obligation.document, obligation.lead_unit.name
    if copied and superior.text:
        paragraphs = [p for p in superior.text.split("\n") if p.strip() and draw.random() < 0.85]
        return "\n".join(p.replace("Tỉnh ủy", "Huyện ủy").replace("toàn tỉnh", "toàn huyện") for p in paragraphs)
    duties = [" ".join(draw.choice(options) for options in PLAN_PHRASES) + f" trước ngày {draw.randint(1, 28)}/"
              f"{draw.randint(1, 12)}/{draw.randint(2021, 2025)}." for _ in range(draw.randint(4, 7))]
    return "\n".join([
        f"Thực hiện {superior.display_name}, {unit} xây dựng kế hoạch thực hiện như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        f"{unit} xác định rõ nhiệm vụ trọng tâm, lộ trình và trách nhiệm của từng tổ chức, cá nhân.",
        "II. NHIỆM VỤ, GIẢI PHÁP",
        *duties,
        "III. TỔ CHỨC THỰC HIỆN",
        f"Văn phòng {unit} theo dõi, tổng hợp, báo cáo kết quả {draw.choice(['hằng năm', '6 tháng một lần', 'hằng quý'])}.",
    ])


# -- tasks -------------------------------------------------------------------------------


def author_for(unit, fallback):
    membership = Membership.objects.filter(unit=unit, role__in=[Role.REPORTER, Role.TRACKING_OFFICER]).first()
    return membership.user if membership else fallback


def report_progress(user, today: datetime.date) -> int:
    count = 0
    tasks = Task.objects.work().filter(updates=None, parent=None).select_related("document", "lead_unit")
    for task in tasks.order_by(*BY_DOCUMENT, "lead_unit__code", "title"):
        draw = rng("task", name_of(task.document), task.lead_unit.code, task.title)
        author = author_for(task.lead_unit, user)
        count += report_yearly(task, draw, author, today) if task.repeats else report_once(task, draw, author, today)
    return count


def _update(task: Task, day: datetime.date, percent: int, draw: random.Random, author, **extra) -> ProgressUpdate:
    task.version += 1
    return ProgressUpdate.objects.create(
        task=task, percent=percent, narrative=draw.choice(NARRATIVES), difficulties=draw.choice(DIFFICULTIES),
        proposals=draw.choice(PROPOSALS), author=author, created_at=moment(day), task_version=task.version, **extra,
    )


def report_once(task: Task, draw: random.Random, author, today: datetime.date) -> int:
    """Done on time, done late, under way, or not started."""
    start = task.document.issued_on or today - datetime.timedelta(days=365)
    due = task.due_date or start + datetime.timedelta(days=draw.randint(180, 720))
    fate = draw.random()
    if fate < 0.2:
        return 0
    done_on = None
    if fate < 0.55:
        done_on = due - datetime.timedelta(days=draw.randint(0, 60))
    elif fate < 0.72:
        done_on = due + datetime.timedelta(days=draw.randint(10, 200))
    last = min(done_on or today, today)
    if last <= start:
        return 0
    steps = draw.randint(1, 3)
    days = sorted(start + datetime.timedelta(days=draw.randint(1, (last - start).days)) for _ in range(steps))
    percents = sorted(draw.randint(10, 90) for _ in range(steps))
    for day, percent in zip(days, percents):
        _update(task, day, percent, draw, author)
    if done_on is not None and done_on <= today:
        _update(task, done_on, 100, draw, author, completed_on=done_on)
        task.completed_on, percents = done_on, [*percents, 100]
    task.percent = percents[-1]
    task.save()
    return len(percents)


def report_yearly(task: Task, draw: random.Random, author, today: datetime.date) -> int:
    """Yearly reports: most on time, some late, the odd one missing."""
    count = 0
    for due in task.report_dates(datetime.date(FIRST_YEAR, 1, 1), today):
        fate = draw.random()
        if fate > 0.9:
            break  # missing from here on: the task stays overdue
        day = due - datetime.timedelta(days=draw.randint(1, 20)) if fate < 0.75 else due + datetime.timedelta(days=draw.randint(5, 40))
        if day > today:
            break
        _update(task, day, min(100, 20 * (count + 1)), draw, author, report_for=due)
        task.reported_through = due
        count += 1
    if count:
        task.percent = min(100, 20 * count)
        task.save()
    return count


def hand_down(user, today: datetime.date) -> int:
    """Districts hand some of their tasks down to their communes, due around today."""
    if Task.objects.exclude(parent=None).exists():
        return 0  # handed down already
    created = 0
    parents = Task.objects.work().filter(subtasks=None, parent=None, lead_unit__children__isnull=False,
                                         lead_unit__depth__gte=2, completed_on=None).distinct()
    for parent in parents.select_related("lead_unit", "document").order_by("lead_unit__code", "title", *BY_DOCUMENT)[:6]:
        for child in parent.lead_unit.children.current().order_by("code")[:3]:
            due = today + datetime.timedelta(days=HAND_DOWN_DAYS[created % len(HAND_DOWN_DAYS)])
            Task.objects.create(
                document=parent.document, parent=parent, title=parent.title, action=parent.action, lead_unit=child,
                due_period=due.isoformat(), report_to_unit=parent.lead_unit, report_to=parent.lead_unit.name[:255],
                expected_product="Báo cáo kết quả thực hiện tại cơ sở", created_by=user,
            )
            created += 1
    return created


# -- indicators ----------------------------------------------------------------------------


def report_values(user, today: datetime.date) -> int:
    indicators = list(Indicator.objects.filter(values=None).select_related("document", "owner_unit").order_by("pk"))
    reporters = reporting_units(indicators)
    count = 0
    for indicator in indicators:
        draw = rng("indicator", name_of(indicator.document), indicator.name, indicator.due_period)
        if draw.random() < 0.2:
            continue  # no figures yet
        for unit in reporters[indicator.pk][:MAX_REPORTERS]:
            count += report_series(indicator, unit, rng("values", name_of(indicator.document), indicator.name,
                                                        unit.code), user, today)
    return count


def report_series(indicator: Indicator, unit, draw: random.Random, user, today: datetime.date) -> int:
    """A unit's values from the first year on, heading for about the target by the deadline."""
    first = datetime.date(max(FIRST_YEAR, (indicator.document.issued_on or today).year), 1, 1)
    last = min(today, indicator.due_date or today)
    periods = periods_between(indicator.cadence if indicator.cadence != "weekly" else "monthly", first, last)
    if not periods:
        return 0
    target = float(indicator.target_value)
    up = indicator.higher_is_better
    start = float(indicator.baseline_value) if indicator.baseline_value is not None else \
        target * (draw.uniform(0.55, 0.9) if up else draw.uniform(1.2, 2.0))
    finish = target * draw.uniform(0.85, 1.12)
    steps = max(len(periods) - 1, 1)
    for step, (period, end) in enumerate(periods):
        value = start + (finish - start) * step / steps + draw.uniform(-0.03, 0.03) * target
        if indicator.unit_of_measure.strip() == "%":
            value = min(value, 100.0)
        late = draw.random() < 0.15
        reported = end + datetime.timedelta(days=draw.randint(10, 40) if late else -draw.randint(0, 10))
        IndicatorValue.objects.create(
            indicator=indicator, unit=unit, period=period, value=Decimal(str(round(max(value, 0), 2))),
            reported_by=user, reported_at=moment(min(reported, today)),
        )
    return len(periods)
