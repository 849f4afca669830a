"""Development profile for `make run`: plain HTTP on localhost, console email."""

from .base import *  # noqa: F403
from .base import SECRET_KEY as ENV_SECRET_KEY
from .base import TASK_BACKENDS

DEBUG = True
SECRET_KEY = ENV_SECRET_KEY or "dev-only-insecure-key-never-use-in-production"  # noqa: S105
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
LANGUAGE_COOKIE_SECURE = False
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Background jobs run in the request: no worker to start for `make run`.
TASKS = {"default": {"BACKEND": TASK_BACKENDS["immediate"]}}
