"""Settings come from the environment."""

import json
import os
import subprocess
import sys

import pytest
from django.db import connection

from nghiquyet.settings import database_settings, mail_settings

PRINT_SETTINGS = """
import json
from django.conf import settings
mailer = settings.MAILERS["default"] if hasattr(settings, "MAILERS") else {
    "BACKEND": settings.EMAIL_BACKEND, "OPTIONS": {"host": settings.EMAIL_HOST, "port": settings.EMAIL_PORT}}
print(json.dumps({
    "debug": settings.DEBUG, "hosts": settings.ALLOWED_HOSTS, "engine": settings.DATABASES["default"]["ENGINE"],
    "db_name": settings.DATABASES["default"]["NAME"], "cache": settings.CACHES["default"]["BACKEND"],
    "broker": settings.CELERY_BROKER_URL, "eager": settings.CELERY_TASK_ALWAYS_EAGER,
    "mail_backend": mailer["BACKEND"], "mail_host": mailer["OPTIONS"].get("host"),
    "mail_port": mailer["OPTIONS"].get("port"), "secret": settings.SECRET_KEY,
}))
"""


def settings_with(tmp_path, **env) -> dict:
    clean = {key: value for key, value in os.environ.items()
             if key not in {"DATABASE_URL", "DEBUG", "ALLOWED_HOSTS", "REDIS_URL", "EMAIL_HOST", "SECRET_KEY"}}
    clean.update(DJANGO_SETTINGS_MODULE="nghiquyet.settings", NGHIQUYET_VAR_DIR=str(tmp_path), **env)
    result = subprocess.run([sys.executable, "-c", "import django; django.setup()\n" + PRINT_SETTINGS],
                            env=clean, capture_output=True, text=True, timeout=60, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_defaults_for_a_local_install(tmp_path):
    values = settings_with(tmp_path)
    assert values["debug"] is False and "127.0.0.1" in values["hosts"]
    assert values["engine"].endswith("sqlite3") and values["db_name"] == str(tmp_path / "nghiquyet.sqlite3")
    assert values["cache"].endswith("LocMemCache") and values["eager"] is True
    assert values["mail_backend"].endswith("console.EmailBackend")
    # A generated key is kept in var/ so sessions survive a restart.
    assert (tmp_path / "secret_key").read_text().strip() == values["secret"]
    assert settings_with(tmp_path)["secret"] == values["secret"]


def test_server_settings_from_the_environment(tmp_path):
    values = settings_with(
        tmp_path, DEBUG="1", ALLOWED_HOSTS="nghiquyet.example.org, 10.0.0.5",
        DATABASE_URL="postgres://user:pw@db.example.org:5432/nghiquyet", REDIS_URL="redis://cache:6379/0",
        EMAIL_HOST="smtp.example.org", EMAIL_PORT="587", SECRET_KEY="k" * 60,
    )
    assert values["debug"] is True and values["hosts"] == ["nghiquyet.example.org", "10.0.0.5"]
    assert values["engine"].endswith("postgresql") and values["db_name"] == "nghiquyet"
    assert values["cache"].endswith("RedisCache") and values["broker"] == "redis://cache:6379/0"
    assert values["eager"] is False
    assert values["mail_backend"].endswith("smtp.EmailBackend")
    assert (values["mail_host"], values["mail_port"]) == ("smtp.example.org", 587)
    assert values["secret"] == "k" * 60


def test_database_settings_per_engine():
    sqlite = database_settings("sqlite:////tmp/x.sqlite3")
    assert "journal_mode=WAL" in sqlite["OPTIONS"]["init_command"] and sqlite["OPTIONS"]["timeout"] >= 5
    postgres = database_settings("postgres://u@h/db")
    assert postgres["OPTIONS"]["options"] == "-c random_page_cost=1.1 -c jit=off"


def test_production_mail_goes_out_by_smtp(monkeypatch):
    monkeypatch.delenv("EMAIL_HOST", raising=False)
    settings = mail_settings(smtp_by_default=True)
    backend = settings["MAILERS"]["default"]["BACKEND"] if "MAILERS" in settings else settings["EMAIL_BACKEND"]
    assert backend.endswith("smtp.EmailBackend")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL only")
def test_postgresql_sessions_plan_for_ssds(db):
    with connection.cursor() as cursor:
        cursor.execute("SHOW random_page_cost")
        assert cursor.fetchone()[0] == "1.1"
