from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from nghiquyet.organisations.spreadsheet import ImportFileError, import_rows, read_workbook


class Command(BaseCommand):
    help = "Nhập cây tổ chức từ tệp Excel (.xlsx): kiểm tra mọi dòng, có dòng sai thì không lưu gì."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="Chỉ kiểm tra, không lưu.")

    def handle(self, *args, file, dry_run, **options):
        try:
            rows = read_workbook(file.read_bytes())
        except OSError as error:
            raise CommandError(f"Không đọc được tệp {file}: {error.strerror}") from None
        except ImportFileError as error:
            raise CommandError(str(error)) from None
        result = import_rows(rows, dry_run=dry_run)
        if not result.ok:
            raise CommandError("Chưa lưu gì vì có lỗi:\n" + "\n".join(result.errors))
        verb = "Kiểm tra xong (chưa lưu)" if dry_run else "Đã nhập"
        self.stdout.write(self.style.SUCCESS(
            f"{verb}: {result.created} đơn vị mới, {result.updated} cập nhật, {result.unchanged} giữ nguyên."
        ))
