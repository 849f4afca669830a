"""The production settings, as the two-server and fault tests serve them under gunicorn.

Everything is `closher.settings.production` (sessions, cookies, caches, tasks, error
pages), with two changes a test machine needs: reCAPTCHA is off (Google cannot be
reached from a test, and the contact form works without it), and static files come
from the finders (no `collectstatic` before each start).
"""

from closher.settings.production import *  # noqa: F403
from closher.settings.production import STORAGES

RECAPTCHA_PUBLIC_KEY = RECAPTCHA_PRIVATE_KEY = ""
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
