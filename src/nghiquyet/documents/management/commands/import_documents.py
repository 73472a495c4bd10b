"""``nghiquyet import FILE ...``: read files into the document register."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from nghiquyet.documents.services.importing import ImportReport, import_file


class Command(BaseCommand):
    help = "Nhập văn bản (.txt, .docx, .pdf) vào sổ văn bản; nhập lại không tạo bản trùng."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", help="Tệp văn bản")
        parser.add_argument("--user", help="Tên đăng nhập của người nhập (để ghi nhật ký)")

    def handle(self, *args, files, user=None, **options):
        importer = None
        if user:
            importer = get_user_model().objects.filter(username=user).first()
            if importer is None:
                raise CommandError(f"Không có người dùng “{user}”.")
        failed = 0
        for name in files:
            report = self.import_one(Path(name), importer, options["verbosity"])
            failed += not report.ok
        if failed:
            raise CommandError(f"{failed}/{len(files)} tệp không nhập được.")

    def import_one(self, path: Path, user, verbosity: int) -> ImportReport:
        try:
            data = path.read_bytes()
        except OSError as error:
            report = ImportReport(path.name).failed(f"Không đọc được tệp “{path}”: {error.strerror}.")
        else:
            with tqdm(desc=path.name, unit=" văn bản", disable=verbosity < 1, leave=False) as bar:
                def progress(done, total, label):
                    bar.total = total
                    bar.set_postfix_str(label[:30])
                    bar.update(done - bar.n)

                report = import_file(data, path.name, user, progress=progress)
        self.print_report(report, verbosity)
        return report

    def print_report(self, report: ImportReport, verbosity: int) -> None:
        if not report.ok:
            self.stderr.write(self.style.ERROR(f"✗ {report.filename}: {report.message}"))
            return
        self.stdout.write(self.style.SUCCESS(
            f"✓ {report.filename}: {len(report.created)} văn bản mới, {len(report.updated)} cập nhật"
            + (f", {len(report.unchanged)} giữ nguyên" if report.unchanged else "")
        ))
        if verbosity > 1:
            for outcome in ("created", "updated", "unchanged"):
                for document in getattr(report, outcome):
                    self.stdout.write(f"  {document['label']}")
        for line in report.absent:
            self.stdout.write(f"  Có trong mục lục nhưng không có trong tệp: {line}")
