"""WSGI entry point for gunicorn (`gunicorn closher.wsgi`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "closher.settings.production")

application = get_wsgi_application()
