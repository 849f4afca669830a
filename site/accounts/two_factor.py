"""The second factor: pairing an authenticator app, then a code at every sign-in.

Every staff account (admins, editors, partners and operators) gives a six-digit TOTP
code after the password, or one of its recovery codes when the phone is lost. The QR
code is drawn here as inline SVG: no other service sees the secret. Who may pair an
app, and how its secret stays with the session that was shown it: `enrolment.py`.
Five wrong codes in a session end it.
"""

import base64

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.decorators.cache import never_cache
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import enrolment, recovery_codes
from .notices import (
    DEVICE_ADDED,
    DEVICE_REMOVED,
    RECOVERY_CODE_USED,
    RECOVERY_CODES_CREATED,
    notify,
)
from .second_factor import (
    has_confirmed_device,
    redirect_to_second_factor,
    safe_next_url,
    too_many_wrong_codes,
)

FRESH_CODES_SESSION_KEY = "two_factor_fresh_recovery_codes"


def code_field(label, max_length, **attrs):
    attrs.update(autocomplete="one-time-code", autofocus=True, spellcheck="false")
    return forms.CharField(label=label, max_length=max_length, widget=forms.TextInput(attrs))


class TokenForm(forms.Form):
    """A code from the authenticator app being paired."""

    otp_token = code_field(
        gettext_lazy("Six-digit code from your authenticator app"), 12, inputmode="numeric"
    )

    def clean_otp_token(self):
        return recovery_codes.normalise(self.cleaned_data["otp_token"])


class SignInCodeForm(TokenForm):
    """A code from the app, or one of the recovery codes."""

    otp_token = code_field(gettext_lazy("Code from your authenticator app, or a recovery code"), 24)


def devices_for_code(user, code):
    """The app's codes are six digits; recovery codes are eight letters and digits."""
    model = TOTPDevice if code.isdigit() and len(code) == 6 else StaticDevice
    return list(model.objects.devices_for_user(user, confirmed=True))


def next_query(request):
    return urlencode({"next": safe_next_url(request, "")})


never_cached_and_signed_in = method_decorator([never_cache, login_required], name="dispatch")


class CodeView(View):
    """What the code pages share: the way back, and the end of a session that guesses."""

    template_name = ""

    def wrong_code(self, request, form, message, **context):
        if too_many_wrong_codes(request):
            logout(request)
            messages.error(request, _("Too many wrong codes. Sign in again."))
            return redirect("wagtailadmin_login")
        form.add_error("otp_token", message)
        return self.render(request, form, **context)

    def render(self, request, form, **context):
        context.update(form=form, next=safe_next_url(request, ""))
        return render(request, self.template_name, context)


@never_cached_and_signed_in
class SecondFactorView(CodeView):
    """Asks for a code of one of the account's confirmed devices."""

    template_name = "accounts/otp_verify.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_verified():
            return redirect(safe_next_url(request, reverse("wagtailadmin_home")))
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        if not has_confirmed_device(request.user):
            return redirect(f"{reverse('two_factor_setup')}?{request.GET.urlencode()}")
        return self.render(request, SignInCodeForm())

    def post(self, request):
        form = SignInCodeForm(request.POST)
        if not form.is_valid():
            return self.render(request, form)
        code = form.cleaned_data["otp_token"]
        devices = devices_for_code(request.user, code)
        waiting = not all(device.verify_is_allowed()[0] for device in devices)
        for device in devices:
            if verify_token(request.user, device.persistent_id, code):
                otp_login(request, device)
                if isinstance(device, StaticDevice):
                    return self.used_recovery_code(request)
                return redirect(safe_next_url(request, reverse("wagtailadmin_home")))
        if waiting:
            message = _("Too many attempts in a row: wait a minute, then type the current code.")
        else:
            message = _("This code is not valid. Try the current one.")
        return self.wrong_code(request, form, message)

    def used_recovery_code(self, request):
        notify(request.user, RECOVERY_CODE_USED)
        messages.warning(
            request,
            _("You signed in with a recovery code. Recovery codes left: %(count)s.")
            % {"count": recovery_codes.remaining(request.user)},
        )
        return redirect(f"{reverse('two_factor_recovery_codes')}?{next_query(request)}")


@never_cached_and_signed_in
class EnrolmentView(CodeView):
    """Pair an authenticator app: on first sign-in, or a new phone in a verified session."""

    template_name = "accounts/otp_setup.html"

    def dispatch(self, request, *args, **kwargs):
        if not enrolment.may_enrol(request):
            return redirect(f"{reverse('two_factor_verify')}?{request.GET.urlencode()}")
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        device = enrolment.bound_device(request) or enrolment.start(request)
        return self.render(request, TokenForm(), device=device)

    def post(self, request):
        form = TokenForm(request.POST)
        device = enrolment.bound_device(request)
        if device is None:
            form.is_valid()
            form.add_error(
                "otp_token",
                _("This QR code is no longer valid. Open this page again to get a new one."),
            )
            return self.render(request, form, device=None)
        if not form.is_valid():
            return self.render(request, form, device=device)
        paired = enrolment.confirm(request, device.pk, form.cleaned_data["otp_token"])
        if paired is None:
            return self.wrong_code(
                request, form, _("This code is not valid. Try the current one."), device=device
            )
        otp_login(request, paired.device)
        request.session[FRESH_CODES_SESSION_KEY] = recovery_codes.replace(request.user)
        removed = [DEVICE_REMOVED] if paired.replaced else []
        notify(request.user, DEVICE_ADDED, *removed, RECOVERY_CODES_CREATED)
        return redirect(f"{reverse('two_factor_recovery_codes')}?{next_query(request)}")

    def render(self, request, form, *, device, **context):
        if device is not None:
            context.update(
                qr_svg=segno.make(device.config_url, error="m").svg_inline(
                    scale=5, border=2, light="#fff"
                ),
                secret=base64.b32encode(device.bin_key).decode(),
            )
        context["replacing"] = has_confirmed_device(request.user)
        return super().render(request, form, **context)


@never_cached_and_signed_in
class RecoveryCodesView(View):
    """New recovery codes, shown once; how many are left; a way to pair a new phone."""

    template_name = "accounts/otp_recovery_codes.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_verified():
            return redirect_to_second_factor(request)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request):
        context = {
            "codes": request.session.pop(FRESH_CODES_SESSION_KEY, None),
            "remaining": recovery_codes.remaining(request.user),
            "next": safe_next_url(request, ""),
        }
        return render(request, self.template_name, context)

    def post(self, request):
        request.session[FRESH_CODES_SESSION_KEY] = recovery_codes.replace(request.user)
        notify(request.user, RECOVERY_CODES_CREATED)
        return redirect(f"{reverse('two_factor_recovery_codes')}?{next_query(request)}")


def recovery_codes_menu_item(request):
    """The `register_account_menu_item` hook (registered in closher/wagtail_hooks.py)."""
    return {
        "url": reverse("two_factor_recovery_codes"),
        "label": _("Recovery codes and authenticator app"),
        "help_text": _("Make new recovery codes, or pair a new phone."),
    }
