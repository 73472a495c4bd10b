"""Settings, read from the environment.

DATABASE_URL    sqlite:///... (default: var/nghiquyet.sqlite3) or postgres://...
SECRET_KEY      required in production; generated once into var/ otherwise
DEBUG           "1" / "true" to enable
ALLOWED_HOSTS   comma-separated
REDIS_URL       redis://...: enables Celery workers and the Redis cache (server mode);
                without it background jobs run in-process (embedded mode)
EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS,
EMAIL_USE_SSL, DEFAULT_FROM_EMAIL
NGHIQUYET_VAR_DIR   where the SQLite database, uploads and the generated key live
NGHIQUYET_SITE_URL  the site's address, for links in e-mails
NGHIQUYET_DUE_SOON_DAYS  days before a deadline when "due soon" warnings start
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import dj_database_url
import django
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("NGHIQUYET_VAR_DIR", Path.cwd() / "var")).resolve()


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def generated_secret_key() -> str:
    """A key kept in var/ so sessions survive restarts of a local install."""
    path = VAR_DIR / "secret_key"
    if path.exists():
        return path.read_text().strip()
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(50)
    path.write_text(key)
    path.chmod(0o600)
    return key


DEBUG = env_bool("DEBUG")
SECRET_KEY = os.environ.get("SECRET_KEY") or generated_secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "nghiquyet.core.apps.AdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "auditlog",
    "nghiquyet.core",
    "nghiquyet.organisations",
    "nghiquyet.documents",
    "nghiquyet.tracking",
    "nghiquyet.reviews",
    "nghiquyet.search",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "nghiquyet.core.middleware.VietnameseFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "nghiquyet.urls"
WSGI_APPLICATION = "nghiquyet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "nghiquyet.core.context_processors.navigation",
            ],
        },
    },
]


def database_settings(url: str | None) -> dict:
    url = url or f"sqlite:///{VAR_DIR / 'nghiquyet.sqlite3'}"
    config = dj_database_url.parse(url, conn_max_age=0 if url.startswith("sqlite") else 60)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # WAL lets readers work while one user writes; IMMEDIATE transactions and a
        # busy timeout make concurrent writers wait instead of failing.
        config["OPTIONS"] = {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA foreign_keys=ON;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    elif config["ENGINE"] == "django.db.backends.postgresql":
        # Scoped queries walk the path index, then a foreign key index. With the
        # default random_page_cost (4, meant for spinning disks) PostgreSQL scans
        # the whole record table instead once a scope holds a few thousand units;
        # 1.1 is the usual value for SSDs (benchmarks/bench_tree.py shows both).
        # JIT compiling costs a dashboard query a quarter of a second and wins
        # nothing on counts that finish in a few seconds (bench_dashboard.py).
        config.setdefault("OPTIONS", {})["options"] = "-c random_page_cost=1.1 -c jit=off"
    return config


DATABASES = {"default": database_settings(os.environ.get("DATABASE_URL"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "organisations.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling: five wrong passwords for one username from one address are
# answered normally, the sixth locks the login for fifteen minutes.
AXES_FAILURE_LIMIT = 6
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
FORMAT_MODULE_PATH = ["nghiquyet.formats"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
# A local install serves assets from the package (finders, below); production
# collects them into STATIC_ROOT.
STATIC_ROOT = None
STATICFILES_DIRS = [PACKAGE_DIR / "static"]  # vendored htmx and Pico, our CSS and JS
MEDIA_URL = "/media/"
MEDIA_ROOT = VAR_DIR / "media"
# Serve vendored assets straight from the package: no collectstatic step for a
# local install. Production (settings.production) collects and fingerprints them.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Uploads are read in memory up to this size; imports refuse larger files
# with a clear message (see nghiquyet.text.decoding.MAX_BYTES).
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": REDIS_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Celery: a broker in server mode; in embedded mode tasks run in-process.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
CELERY_BEAT_SCHEDULE = {
    "send-reminders": {"task": "nghiquyet.tracking.tasks.send_reminders",
                       "schedule": 60 * 60 * 6},
}

DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "nghiquyet@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL


def mail_settings(smtp_by_default: bool = False) -> dict:
    """Mail settings by name: SMTP when EMAIL_HOST is set (or on a server, where
    ``smtp_by_default`` falls back to a local mail server), else printed to the console.
    Django 6.1 reads MAILERS; Django 5.2 (Python 3.11) the EMAIL_* settings."""
    if not os.environ.get("EMAIL_HOST") and not smtp_by_default:
        backend, options = "django.core.mail.backends.console.EmailBackend", {}
    else:
        backend = "django.core.mail.backends.smtp.EmailBackend"
        options = {
            "host": os.environ.get("EMAIL_HOST", "localhost"),
            "port": int(os.environ.get("EMAIL_PORT", "25")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS"),
            "use_ssl": env_bool("EMAIL_USE_SSL"),
        }
    if django.VERSION >= (6, 1):
        return {"MAILERS": {"default": {"BACKEND": backend, "OPTIONS": options}}}
    return {
        "EMAIL_BACKEND": backend,
        "EMAIL_HOST": options.get("host", "localhost"),
        "EMAIL_PORT": options.get("port", 25),
        "EMAIL_HOST_USER": options.get("username", ""),
        "EMAIL_HOST_PASSWORD": options.get("password", ""),
        "EMAIL_USE_TLS": options.get("use_tls", False),
        "EMAIL_USE_SSL": options.get("use_ssl", False),
    }


globals().update(mail_settings())

# Every create, update and delete of every model is logged (who, when, old and
# new values), except bookkeeping tables and derived search indexes.
AUDITLOG_INCLUDE_ALL_MODELS = True
AUDITLOG_EXCLUDE_TRACKING_MODELS = (
    "sessions", "axes", "contenttypes", "auth.Permission", "search",
)
AUDITLOG_EXCLUDE_TRACKING_FIELDS = ("last_login", "path", "depth", "name_key", "sort_key")
AUDITLOG_MASK_TRACKING_FIELDS = ("password",)
AUDITLOG_STORE_JSON_CHANGES = True
AUDITLOG_USE_FK_STRING_REPRESENTATION = True

# Days before a deadline when "due soon" warnings start.
NGHIQUYET_DUE_SOON_DAYS = int(os.environ.get("NGHIQUYET_DUE_SOON_DAYS", "7"))
# The address users reach the site at, for links in e-mails ("https://nghiquyet.example.vn").
NGHIQUYET_SITE_URL = os.environ.get("NGHIQUYET_SITE_URL", "http://127.0.0.1:8000")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
