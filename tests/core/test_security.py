"""Login throttling, password rules, session security, deploy checks, SQLite settings."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db.utils import ConnectionHandler
from django.urls import reverse

from nghiquyet.organisations.models import User
from nghiquyet.settings import database_settings

PASSWORD = "mat-khau-dai-1"


def log_in(client, username, password):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_the_sixth_wrong_password_locks_the_account(client, make_user):
    make_user("nguoidung")
    for attempt in range(5):
        response = log_in(client, "nguoidung", f"sai-{attempt}")
        assert response.status_code == 200
        assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.content.decode()
    response = log_in(client, "nguoidung", "sai-6")
    assert response.status_code == 429
    assert "Tạm khóa đăng nhập" in response.content.decode()
    # Locked: even the right password is refused now.
    response = log_in(client, "nguoidung", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_right_password_logs_in_and_resets_the_count(client, make_user):
    make_user("nguoidung")
    for attempt in range(4):
        log_in(client, "nguoidung", f"sai-{attempt}")
    response = log_in(client, "nguoidung", PASSWORD)
    assert response.status_code == 302 and response["Location"] == reverse("home")
    client.logout()
    for attempt in range(4):
        assert log_in(client, "nguoidung", f"sai-{attempt}").status_code == 200


@pytest.mark.parametrize("password", ["ngan-qua", "12345678901234", "password123", "nguoidung2024"])
def test_weak_passwords_are_refused(password, db):
    with pytest.raises(ValidationError):
        validate_password(password, User(username="nguoidung2024"))


def test_the_password_change_form_applies_the_rules(client, make_user):
    user = make_user("nguoidung")
    client.force_login(user)
    response = client.post(reverse("password_change"), {
        "old_password": PASSWORD, "new_password1": "123456789012", "new_password2": "123456789012",
    })
    assert response.status_code == 200
    user.refresh_from_db()
    assert user.check_password(PASSWORD)
    response = client.post(reverse("password_change"), {
        "old_password": PASSWORD, "new_password1": "ca-dao-tuc-ngu-77", "new_password2": "ca-dao-tuc-ngu-77",
    })
    assert response.status_code == 302


def test_session_cookies_are_protected(client, make_user):
    make_user("nguoidung")
    log_in(client, "nguoidung", PASSWORD)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] and cookie["samesite"] == "Lax"
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE and settings.SESSION_COOKIE_AGE <= 8 * 60 * 60
    assert settings.CSRF_COOKIE_HTTPONLY and settings.X_FRAME_OPTIONS == "DENY"


def test_pages_deny_framing_and_sniffing(client, make_user):
    client.force_login(make_user("nguoidung"))
    response = client.get(reverse("home"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_production_settings_pass_the_deploy_check(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "nghiquyet.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "nghiquyet.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "NGHIQUYET_VAR_DIR": str(tmp_path),
    }
    env.pop("DEBUG", None)
    result = subprocess.run(
        [sys.executable, "-m", "nghiquyet", "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_settings_need_a_secret_key(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "nghiquyet.settings.production",
           "NGHIQUYET_VAR_DIR": str(tmp_path)}
    env.pop("SECRET_KEY", None)
    result = subprocess.run([sys.executable, "-m", "nghiquyet", "check"], env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "SECRET_KEY must be set" in result.stderr


def test_sqlite_files_run_in_wal_mode_with_a_busy_timeout(tmp_path, django_db_blocker):
    # A connection built from our settings exactly as Django builds the default one.
    connection = ConnectionHandler({"default": database_settings(f"sqlite:///{tmp_path / 'wal.sqlite3'}")})["default"]
    try:
        with django_db_blocker.unblock(), connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
            cursor.execute("PRAGMA busy_timeout")
            assert cursor.fetchone()[0] >= 5000
            cursor.execute("PRAGMA foreign_keys")
            assert cursor.fetchone()[0] == 1
    finally:
        connection.close()


def test_health_check_answers_without_login(client, db):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200 and response.json() == {"status": "ok"}
