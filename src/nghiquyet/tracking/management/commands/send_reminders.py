"""Send due-soon, overdue and missing-report notices (idempotent: run it as often as you like)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from nghiquyet.tracking.services.reminders import send_reminders


class Command(BaseCommand):
    help = "Gửi nhắc việc: sắp đến hạn, quá hạn, chưa ban hành kế hoạch, chưa báo cáo."

    def add_arguments(self, parser):
        parser.add_argument("--day", help="Ngày xét (dd/mm/yyyy hoặc yyyy-mm-dd); mặc định hôm nay.")

    def handle(self, *args, **options):
        summary = send_reminders(parse_day(options["day"]) if options["day"] else None)
        self.stdout.write(f"Đã tạo {summary.created} thông báo, gửi {summary.emailed} thư điện tử.")


def parse_day(text: str) -> datetime.date:
    for pattern in ("%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    raise CommandError(f"Ngày không hợp lệ: {text} (ghi dd/mm/yyyy).")
