"""Create or reset a staff account with a confirmed TOTP device; print the device secret.

Used by the browser tests (and handy when setting up a server by hand):

    python manage.py create_staff_user maria --password '...' --group "Operators"
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice


class Command(BaseCommand):
    help = "Create or reset a staff account with a TOTP device and print its secret (hex)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--password", required=True)
        parser.add_argument("--email", default="")
        parser.add_argument("--superuser", action="store_true")
        parser.add_argument("--group", action="append", default=[], dest="groups")

    @transaction.atomic
    def handle(self, *args, username, password, email, superuser, groups, **options):
        user, _created = get_user_model().objects.get_or_create(username=username)
        user.email = email or user.email
        user.is_active = True
        user.is_staff = superuser
        user.is_superuser = superuser
        user.set_password(password)
        user.save()
        user.groups.set([Group.objects.get(name=name) for name in groups])
        TOTPDevice.objects.filter(user=user).delete()
        device = TOTPDevice.objects.create(user=user, name="Authenticator", confirmed=True)
        self.stdout.write(device.key)
