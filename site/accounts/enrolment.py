"""Pairing an authenticator app, bound to the session that was shown its secret.

A session may pair an app when the account has no confirmed device at all (the first
sign-in), or when the session has already given the second factor (a new phone replaces
the old one). A password alone never reaches a secret once the account is protected.

The secret is made when the page is shown, and only the session it was shown to can
confirm it: the device's id is kept in that session. Making a new secret deletes the
account's unconfirmed ones, and the confirmation runs with the account's row locked, so
two sessions can never both pair an app.
"""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from .second_factor import has_confirmed_device

SESSION_KEY = "two_factor_enrolment_device"


def may_enrol(request):
    """Only a session verified with the second factor, or an account with no device."""
    return request.user.is_verified() or not has_confirmed_device(request.user)


def bound_device(request):
    """The unconfirmed device whose secret this session was shown, if it still exists."""
    device_id = request.session.get(SESSION_KEY)
    if not isinstance(device_id, int):
        return None
    return TOTPDevice.objects.filter(pk=device_id, user=request.user, confirmed=False).first()


def start(request):
    """A new secret for this session; the account's older unconfirmed ones are deleted."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user=request.user, confirmed=False).delete()
        device = TOTPDevice.objects.create(
            user=request.user, name=_("Authenticator app"), confirmed=False
        )
    request.session[SESSION_KEY] = device.pk
    return device


@dataclass
class Paired:
    device: TOTPDevice
    replaced: bool


def confirm(request, device_id, token):
    """Confirms the session's device with a code from it; None if refused.

    Every other authenticator app of the account is removed (a new phone replaces the
    old one); `replaced` says whether a confirmed one was among them.
    """
    verified_session = request.user.is_verified()
    with transaction.atomic():
        get_user_model().objects.select_for_update().filter(pk=request.user.pk).first()
        if not verified_session and has_confirmed_device(request.user):
            return None
        device = (
            TOTPDevice.objects.select_for_update()
            .filter(pk=device_id, user=request.user, confirmed=False)
            .first()
        )
        if device is None or not device.verify_token(token):
            return None
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        others = TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk)
        replaced = others.filter(confirmed=True).exists()
        others.delete()
    request.session.pop(SESSION_KEY, None)
    return Paired(device, replaced)
