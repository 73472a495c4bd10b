from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from nghiquyet.organisations.models import Unit
from nghiquyet.organisations.spreadsheet import export_workbook


class Command(BaseCommand):
    help = "Xuất cây tổ chức (hoặc một nhánh) ra tệp Excel (.xlsx) nhập lại được."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--under", metavar="MÃ", help="Chỉ xuất nhánh dưới đơn vị có mã này.")

    def handle(self, *args, file, under, **options):
        units = Unit.objects.all()
        if under:
            root = Unit.objects.filter(code=under).first()
            if root is None:
                raise CommandError(f"Không có đơn vị mã '{under}'.")
            units = units.subtree_of(root)
        file.write_bytes(export_workbook(units))
        self.stdout.write(self.style.SUCCESS(f"Đã xuất {units.count()} đơn vị ra {file}."))
