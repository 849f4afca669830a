"""The second factor: enrolment of an authenticator app on first login, then a code.

Every staff account (admins, editors, partners and operators) gives a six-digit TOTP
code after the password. The QR code is drawn here as inline SVG: no other service
sees the secret.
"""

import base64

import segno
from django import forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from .security import has_confirmed_device, safe_next_url


class TokenForm(forms.Form):
    otp_token = forms.CharField(
        label=_("Six-digit code from your authenticator app"),
        min_length=6,
        max_length=8,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


@method_decorator([never_cache, login_required], name="dispatch")
class SecondFactorView(View):
    """Asks for the code of one of the account's confirmed devices."""

    template_name = "directory/otp_verify.html"

    def get(self, request):
        if not has_confirmed_device(request.user):
            return redirect(f"{reverse('directory_otp_setup')}?{request.GET.urlencode()}")
        return self.render(request, TokenForm())

    def post(self, request):
        form = TokenForm(request.POST)
        if form.is_valid():
            token = form.cleaned_data["otp_token"].strip()
            for device in devices_for_user(request.user, confirmed=True):
                if device.verify_token(token):
                    otp_login(request, device)
                    return redirect(safe_next_url(request, reverse("wagtailadmin_home")))
            form.add_error("otp_token", _("This code is not valid. Try the current one."))
        return self.render(request, form)

    def render(self, request, form, **context):
        context.update(form=form, next=safe_next_url(request, ""))
        return render(request, self.template_name, context)


class EnrolmentView(SecondFactorView):
    """First login: pair an authenticator app with the account, then confirm a code."""

    template_name = "directory/otp_setup.html"

    def device(self, request):
        device = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
        return device or TOTPDevice.objects.create(
            user=request.user, name=str(_("Authenticator app")), confirmed=False
        )

    def get(self, request):
        if has_confirmed_device(request.user):
            return redirect(f"{reverse('directory_otp_verify')}?{request.GET.urlencode()}")
        return self.render(request, TokenForm())

    def post(self, request):
        form = TokenForm(request.POST)
        device = self.device(request)
        if form.is_valid():
            if device.verify_token(form.cleaned_data["otp_token"].strip()):
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                otp_login(request, device)
                return redirect(safe_next_url(request, reverse("wagtailadmin_home")))
            form.add_error("otp_token", _("This code is not valid. Try the current one."))
        return self.render(request, form)

    def render(self, request, form, **context):
        device = self.device(request)
        context.update(
            qr_svg=segno.make(device.config_url, error="m").svg_inline(
                scale=5, border=2, light="#fff"
            ),
            secret=base64.b32encode(device.bin_key).decode(),
        )
        return super().render(request, form, **context)
