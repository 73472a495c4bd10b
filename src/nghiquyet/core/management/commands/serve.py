from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Serve the web application (waitress, static files through WhiteNoise)."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)
        parser.add_argument("--no-migrate", action="store_true", help="Do not apply migrations first.")

    def handle(self, *args, host, port, threads, no_migrate, **options):
        from waitress import serve

        from nghiquyet.wsgi import application

        if not no_migrate:
            call_command("migrate", interactive=False, verbosity=0)
        self.stdout.write(self.style.SUCCESS(f"Nghị Quyết: http://{host}:{port}/  (Ctrl+C để dừng)"))
        serve(application, host=host, port=port, threads=threads, ident="nghiquyet")
