"""Recovery codes: ten single-use codes that stand in for a lost phone.

They are django-otp's static tokens, kept on one static device per account. Making new
codes replaces the old ones on that same device, so a session verified with a recovery
code stays verified.
"""

from django.db import transaction
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

COUNT = 10
DEVICE_NAME = "Recovery codes"


def normalise(text):
    """A code as typed ("ABCD EFGH", "abcd-efgh") in the form it is stored."""
    return "".join(text.split()).replace("-", "").lower()


def replace(user):
    """Ten new codes for the account, in place of any it had; returns them."""
    with transaction.atomic():
        devices = list(StaticDevice.objects.select_for_update().filter(user=user).order_by("pk"))
        device = devices[0] if devices else StaticDevice(user=user)
        device.name, device.confirmed = DEVICE_NAME, True
        device.throttle_reset(commit=False)
        device.save()
        StaticDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _index in range(COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def remaining(user):
    """How many unused recovery codes the account has."""
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
