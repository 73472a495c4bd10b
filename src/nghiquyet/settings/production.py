"""Settings for a shared server behind HTTPS: ``manage.py check --deploy`` is clean.

Use with DJANGO_SETTINGS_MODULE=nghiquyet.settings.production and a real
SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL in the environment.
"""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from . import *  # noqa: F403
from . import env_bool, mail_settings

if not os.environ.get("SECRET_KEY"):
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment in production.")

DEBUG = False
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# Mail goes out by SMTP (a local mail server unless EMAIL_HOST says otherwise).
globals().update(mail_settings(smtp_by_default=True))
if env_bool("BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))  # noqa: F405
WHITENOISE_USE_FINDERS = False
WHITENOISE_AUTOREFRESH = False
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
