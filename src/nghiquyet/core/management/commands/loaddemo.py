"""Load the demo organisation tree, users and documents (idempotent)."""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction


class Command(BaseCommand):
    help = "Load demo data: organisation tree, one user per role, sample documents and their follow-up."

    def add_arguments(self, parser):
        parser.add_argument("--seeds", help="Folder of extra documents to import (default: ../shared/seeds when present).")

    def handle(self, *args, **options):
        # Each app may have a ``demo`` module with ``load(command, options)``;
        # they run in INSTALLED_APPS order so later steps find earlier data.
        for config in apps.get_app_configs():
            if not config.name.startswith("nghiquyet."):
                continue
            try:
                module = import_module(f"{config.name}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{config.name}.demo":
                    raise
                continue
            with transaction.atomic():
                module.load(self, options)
        self.print_logins()

    def print_logins(self):
        from nghiquyet.organisations.demo import logins

        rows = [("Tên đăng nhập", "Mật khẩu", "Vai trò", "Đơn vị"), *logins()]
        widths = [max(len(row[column]) for row in rows) for column in range(4)]
        line = "+".join("-" * (width + 2) for width in widths)
        self.stdout.write(self.style.SUCCESS("\nTài khoản dùng thử / demo logins:"))
        self.stdout.write(f"+{line}+")
        for index, row in enumerate(rows):
            cells = " | ".join(value.ljust(width) for value, width in zip(row, widths))
            self.stdout.write(f"| {cells} |")
            if index == 0:
                self.stdout.write(f"+{line}+")
        self.stdout.write(f"+{line}+")
