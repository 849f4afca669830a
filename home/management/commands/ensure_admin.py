"""Create the admin account if it is missing and print its login once."""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the admin account (ADMIN_USERNAME) if missing, with ADMIN_PASSWORD or a "
        "generated password, and print the login once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--port", default="8000", help="Port shown in the admin URL.")

    def handle(self, *args, port, **options):
        User = get_user_model()
        username = settings.ADMIN_USERNAME
        url = f"http://127.0.0.1:{port}/admin/"
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Admin account '{username}' already exists: log in at {url}")
            return
        password = settings.ADMIN_PASSWORD or secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin created: {url} user '{username}' password '{password}' "
                "(shown only this once)."
            )
        )
