"""The contact form: where the message goes, the message, how to reach her safely."""

from urllib.error import URLError

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_recaptcha.fields import ReCaptchaField
from django_recaptcha.widgets import ReCaptchaV2Checkbox

from services.associations.models import AssociationPage
from services.help_points.models import HelpPointPage

from . import antiabuse
from .attachments import AttachmentsField


def recaptcha_enabled():
    return bool(settings.RECAPTCHA_PUBLIC_KEY and settings.RECAPTCHA_PRIVATE_KEY)


class DeferredReCaptchaWidget(ReCaptchaV2Checkbox):
    """The checkbox's placeholder only: contact.js loads Google's script after her consent."""

    template_name = "services/contact/recaptcha_widget.html"


class PrivateReCaptchaField(ReCaptchaField):
    """reCAPTCHA that sends Google no IP address and survives Google being unreachable.

    django-recaptcha 4.1 catches HTTPError only; a URLError (no network, DNS, timeout)
    escapes `is_valid()`. Here it becomes a form error with the code "unreachable".
    """

    widget = DeferredReCaptchaWidget
    default_error_messages = {
        "required": _("Please tick the box “I'm not a robot” before sending."),
        "captcha_invalid": _("The check “I'm not a robot” did not succeed: please try again."),
        "captcha_error": _("The check “I'm not a robot” did not succeed: please try again."),
        "unreachable": _(
            "We could not reach the “I'm not a robot” check, so your message was not sent. "
            "Your text is still here: try again in a few minutes, or call us."
        ),
    }

    def get_remote_ip(self):
        return ""

    def validate(self, value):
        try:
            super().validate(value)
        except (URLError, OSError) as error:
            raise ValidationError(self.error_messages["unreachable"], code="unreachable") from error


class IdChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField that sends the database only an id its column can hold.

    Django hands any text on to the query: a number past the column's range
    (`help_point=99999999999999999999`) is an OverflowError there, a 500. Anything but
    a whole number in range is an invalid choice, like an id that does not exist.
    """

    def to_python(self, value):
        if value not in self.empty_values and not isinstance(value, self.queryset.model):
            id_field = self.queryset.model._meta.pk
            while id_field.is_relation:  # a page's id is its link to Wagtail's Page
                id_field = id_field.target_field
            try:
                id_field.run_validators(id_field.to_python(value))
            except ValidationError:
                raise ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": value},
                ) from None
        return super().to_python(value)


class AntiAbuseForm(forms.Form):
    """The robot checks both ways of sending share: honeypot, signed timestamp, reCAPTCHA."""

    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1"}),
    )
    started = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = antiabuse.issue_timestamp()
        if recaptcha_enabled():
            self.fields["captcha"] = PrivateReCaptchaField(label=_("I'm not a robot"))

    @property
    def is_spam(self):
        """The honeypot was filled in: a robot. It gets a thank-you and nothing is kept."""
        return bool(self.data.get("website"))

    def clean_started(self):
        value = self.cleaned_data["started"]
        try:
            antiabuse.check_timestamp(value)
        except antiabuse.TooFast:
            raise ValidationError(
                _("That was very quick. Please check your message and press Send again."),
                code="too_fast",
            ) from None
        except antiabuse.Expired:
            raise ValidationError(
                _(
                    "This page was open for a long time, so for your safety it expired. "
                    "Your text is still here: press Send again."
                ),
                code="expired",
            ) from None
        return value

    def refresh_timestamp(self):
        """A new stamp for the re-displayed form, so that pressing Send again works."""
        data = self.data.copy()
        data["started"] = antiabuse.issue_timestamp()
        self.data = data


class ContactForm(AntiAbuseForm):
    """Everything she may tell us; only the message is required.

    No field is remembered by the browser (`autocomplete="off"`): her safe phone, her
    email and her town must not come back as suggestions on a shared device.
    """

    class Channel(models.TextChoices):
        NONE = "none", _("Do not contact me: I will call or write again")
        PHONE = "phone", _("Phone")
        EMAIL = "email", _("Email")

    class Voicemail(models.TextChoices):
        NO = "no", _("No")
        YES = "yes", _("Yes")

    help_point = IdChoiceField(
        label=_("A help point"),
        queryset=HelpPointPage.objects.none(),
        required=False,
        empty_label=_("— choose a help point —"),
    )
    association = IdChoiceField(
        label=_("Or an association"),
        queryset=AssociationPage.objects.none(),
        required=False,
        empty_label=_("— choose an association —"),
    )
    comune = forms.CharField(
        label=_("Or the town where you live (we find the nearest help point)"),
        max_length=100,
        required=False,
    )
    message = forms.CharField(
        label=_("Your message"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Write as much or as little as you like, in any language."),
    )
    channel = forms.ChoiceField(
        label=_("How can we contact you safely?"),
        choices=Channel.choices,
        initial=Channel.NONE,
        widget=forms.RadioSelect,
    )
    contact_detail = forms.CharField(
        label=_("Phone number or email address"),
        max_length=200,
        required=False,
        help_text=_("Only if you chose phone or email. Give one that only you check."),
    )
    safe_times = forms.CharField(
        label=_("When is it safe to contact you?"),
        max_length=200,
        required=False,
        help_text=_("For example: weekday mornings, 9 to 12."),
    )
    voicemail = forms.ChoiceField(
        label=_("May we leave a voicemail or a message?"),
        choices=Voicemail.choices,
        initial=Voicemail.NO,
        widget=forms.RadioSelect,
    )
    language = forms.ChoiceField(label=_("In which language shall we answer?"))
    attachments = AttachmentsField(
        label=_("Photos or documents (optional)"),
        help_text=_(
            "Up to 3 files, photos (JPEG, PNG) or PDF, 10 MB in all. The place and the phone a "
            "photo was taken with are removed before it is sent."
        ),
    )

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not field.widget.is_hidden:  # HTML allows no "off" on a hidden input
                field.widget.attrs["autocomplete"] = "off"
        help_points = HelpPointPage.objects.live().order_by("title")
        associations = AssociationPage.objects.live().order_by("title")
        if locale is not None:
            help_points = help_points.filter(locale=locale)
            associations = associations.filter(locale=locale)
        self.fields["help_point"].queryset = help_points
        self.fields["association"].queryset = associations
        self.fields["language"].choices = [(code, name) for code, name in settings.LANGUAGES] + [
            ("other", _("Another language (tell us in the message)"))
        ]
        self.fields["language"].initial = (get_language() or settings.LANGUAGE_CODE)[:2]

    def clean(self):
        cleaned = super().clean()
        reachable = {self.Channel.PHONE, self.Channel.EMAIL}
        if cleaned.get("channel") in reachable and not cleaned.get("contact_detail"):
            self.add_error(
                "contact_detail",
                ValidationError(
                    _("Tell us the number or address to use, or choose “Do not contact me”."),
                    code="required",
                ),
            )
        return cleaned


class EncryptedContactForm(AntiAbuseForm):
    """What the page sends when her browser has encrypted the message itself.

    Only the age file and where it goes: the association (and the help point, if she
    chose one). Everything she wrote, her place included, is inside the ciphertext.
    """

    association = IdChoiceField(queryset=AssociationPage.objects.live())
    help_point = IdChoiceField(queryset=HelpPointPage.objects.live(), required=False)
    ciphertext = forms.FileField()

    def clean_ciphertext(self):
        upload = self.cleaned_data["ciphertext"]
        if upload.size > settings.CONTACT_CIPHERTEXT_MAX_BYTES:
            raise ValidationError("The encrypted message is too large.", code="too_large")
        return upload.read()

    def clean(self):
        cleaned = super().clean()
        help_point, association = cleaned.get("help_point"), cleaned.get("association")
        if (
            help_point is not None
            and association is not None
            and help_point.association.translation_key != association.translation_key
        ):
            self.add_error("help_point", "This help point is not the association's.")
        return cleaned


class RouteForm(forms.Form):
    """Her choice of where to write, sent alone before the message (see views.route_view)."""

    help_point = IdChoiceField(queryset=HelpPointPage.objects.none(), required=False)
    association = IdChoiceField(queryset=AssociationPage.objects.none(), required=False)
    comune = forms.CharField(max_length=100, required=False)

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["help_point"].queryset = HelpPointPage.objects.live().filter(locale=locale)
        self.fields["association"].queryset = AssociationPage.objects.live().filter(locale=locale)
