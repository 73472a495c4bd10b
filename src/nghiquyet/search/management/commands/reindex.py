from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _
from tqdm import tqdm

from nghiquyet.search import indexing


class Command(BaseCommand):
    help = _("Xây dựng lại chỉ mục tìm kiếm từ văn bản, mục, nhiệm vụ, chỉ tiêu và báo cáo tiến độ.")

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help=_("Không hiện thanh tiến độ."))

    def handle(self, *args, no_progress=False, **options):
        total = indexing.total_records()
        with tqdm(total=total, unit=_("bản ghi"), disable=no_progress, file=self.stderr._out) as bar:
            written = indexing.rebuild(progress=bar.update)
        self.stdout.write(self.style.SUCCESS(
            _("Đã lập chỉ mục %(records)d bản ghi (%(entries)d mục tìm kiếm).") % {"records": total, "entries": written}
        ))
