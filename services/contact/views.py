"""The contact page's views: the form, the confirmation that repeats nothing, and the two
same-origin JSON endpoints its script uses (where a message goes, and the keys it is
encrypted to).

With JavaScript her browser encrypts everything she wrote (static/js/contact.js) and
posts only the age file and the association: the server never sees her words. Without
it, her words exist in clear only in this request's memory: the form is encrypted the
moment it validates, uploads never touch the disk (uploads.py), POST parameters and
local variables are hidden from error reports, and every response is
`Cache-Control: no-store` (the page's NeverCachedMixin).
"""

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_GET, require_POST

from closher.security import extend_csp, use_same_origin_referrer
from services.associations.models import AssociationPage

from . import antiabuse
from .attachments import AttachmentsField, as_payload
from .encryption import InvalidCiphertext, NoInboxKey, check_ciphertext, encrypt_payload
from .forms import ContactForm, EncryptedContactForm, RouteForm, recaptcha_enabled
from .models import EncryptedMessage
from .routing import AmbiguousComune, UnknownComune, in_source_locale, route
from .tasks import notify_association

ORIGIN_SALT = "services.contact.encrypted_in"

RECAPTCHA_ORIGIN = "https://www.recaptcha.net"
# recaptcha.net's loader fetches its code from gstatic: only that path is allowed.
RECAPTCHA_CODE = "https://www.gstatic.com/recaptcha/"


def associations_with_phones(page):
    return (
        AssociationPage.objects.live()
        .filter(locale=page.locale)
        .order_by("title")
        .prefetch_related("phones")
    )


def render(request, page, template, **context):
    return page.render(
        request,
        template=template,
        context_overrides={
            "associations": associations_with_phones(page),
            "route_path": page.reverse_subpage("route"),
            "script_texts": script_texts(),
            **context,
        },
    )


def script_texts():
    """The limits and messages of the page's script (contact-encrypt.js), in her language."""
    messages = AttachmentsField.default_error_messages
    return {
        "max_files": settings.CONTACT_ATTACHMENTS_MAX_FILES,
        "max_bytes": settings.CONTACT_ATTACHMENTS_MAX_BYTES,
        "too_many": messages["too_many"] % {"count": settings.CONTACT_ATTACHMENTS_MAX_FILES},
        "too_large": messages["too_large"]
        % {"megabytes": settings.CONTACT_ATTACHMENTS_MAX_BYTES // (1024 * 1024)},
        "wrong_type": messages["wrong_type"],
        "encrypting": _("Encrypting your message on this device…"),
        "failed": _(
            "Your message could not be sent. Your text is still here: try again, or call us."
        ),
        "bad_keys": _(
            "We could not check the keys of this association, so your message was not sent. "
            "Your text is still here: please call them, or one of the numbers below."
        ),
    }


@sensitive_variables()
def build_payload(form, destination):
    data = form.cleaned_data
    return {
        "format": 2,
        "received_on": timezone.localdate().isoformat(),
        "association": destination.association.title,
        "help_point": destination.help_point.title if destination.help_point else "",
        "comune": data["comune"],
        "message": data["message"],
        "contact": {
            "channel": data["channel"],
            "detail": data["contact_detail"],
            "safe_times": data["safe_times"],
            "voicemail": data["voicemail"] == ContactForm.Voicemail.YES,
            "language": data["language"],
        },
        "attachments": as_payload(data["attachments"]),
    }


@sensitive_variables()
def store(form, page):
    """Route, encrypt and store the message; the stored row, or None with a form error."""
    data = form.cleaned_data
    try:
        destination = route(
            help_point=data["help_point"],
            association=data["association"],
            comune=data["comune"],
            default=page.default_association,
        )
    except (UnknownComune, AmbiguousComune) as error:
        form.add_error("comune", comune_error(error))
        return None
    try:
        ciphertext, key_ids = encrypt_payload(
            destination.association, build_payload(form, destination)
        )
    except NoInboxKey:
        form.add_error(
            None,
            _(
                "This association cannot receive messages here yet, so your message was not "
                "sent. Your text is still here: please call them, or choose another association."
            ),
        )
        return None
    with transaction.atomic():
        message = EncryptedMessage.objects.create(
            association=destination.association,
            help_point=destination.help_point,
            ciphertext=ciphertext,
            key_ids=key_ids,
            encrypted_in=EncryptedMessage.EncryptedIn.SERVER,
        )
        transaction.on_commit(lambda: notify_association.enqueue(message.pk))
    return message


def comune_error(error):
    if isinstance(error, AmbiguousComune):
        names = ", ".join(candidate.label for candidate in error.candidates)
        return _("Several towns have this name: which one? %(names)s") % {"names": names}
    return _("We could not find this town. Check the spelling, or choose an association.")


def thanks_url(page, encrypted_in):
    """The confirmation's address, with where the message was encrypted (signed)."""
    stamp = signing.dumps(encrypted_in, salt=ORIGIN_SALT, compress=True)
    return f"{page.url}{page.reverse_subpage('thanks')}?encrypted={stamp}"


@sensitive_post_parameters()
@sensitive_variables()
def contact_view(request, page):
    use_same_origin_referrer(request)  # else the POST carries `Origin: null` and fails CSRF
    if recaptcha_enabled():
        extend_csp(
            request,
            script_src=[RECAPTCHA_ORIGIN, RECAPTCHA_CODE],
            frame_src=[RECAPTCHA_ORIGIN],
            connect_src=[RECAPTCHA_ORIGIN],
        )
    if request.method != "POST":
        return render(
            request, page, page.get_template(request), form=ContactForm(locale=page.locale)
        )
    if request.POST.get("encryption") == EncryptedMessage.EncryptedIn.BROWSER:
        return encrypted_submission(request, page)

    form = ContactForm(request.POST, request.FILES, locale=page.locale)
    if form.is_spam:
        return redirect(thanks_url(page, EncryptedMessage.EncryptedIn.SERVER))
    if getattr(request, "uploads_too_large", False):
        form.add_error("attachments", form.fields["attachments"].too_large())
    status = 200
    if form.is_valid():
        if antiabuse.over_rate_limit(request):
            form.add_error(
                None,
                _(
                    "You have sent several messages in a short time, so this one was not sent. "
                    "Your text is still here: try again in an hour, or call us."
                ),
            )
            status = 429
        elif store(form, page) is not None:
            return redirect(thanks_url(page, EncryptedMessage.EncryptedIn.SERVER))
    if form.has_error("started"):
        form.refresh_timestamp()
    response = render(
        request,
        page,
        page.get_template(request),
        form=form,
        captcha_unreachable=form.has_error("captcha", "unreachable"),
    )
    response.status_code = status
    return response


def thanks_view(request, page):
    try:
        encrypted_in = signing.loads(request.GET.get("encrypted", ""), salt=ORIGIN_SALT)
    except signing.BadSignature:
        encrypted_in = None
    return render(request, page, "services/contact_thanks.html", encrypted_in=encrypted_in)


def refused(status, error, form=None):
    """A JSON answer the page's script shows, her text still in the page."""
    body = {"error": error}
    if form is not None:
        body["errors"] = [message for messages in form.errors.values() for message in messages]
        body["started"] = antiabuse.issue_timestamp()
    return JsonResponse(body, status=status)


@sensitive_variables()
def encrypted_submission(request, page):
    """A message her browser encrypted: check where it goes and what it is, store it as is."""
    form = EncryptedContactForm(request.POST, request.FILES)
    if form.is_spam:
        return JsonResponse({"thanks": thanks_url(page, EncryptedMessage.EncryptedIn.BROWSER)})
    if getattr(request, "uploads_too_large", False) or form.has_error("ciphertext", "too_large"):
        return refused(400, _("Your files are too large to send. Choose fewer or smaller files."))
    if not form.is_valid():
        if form.has_error("started") or form.has_error("captcha"):
            return refused(400, _("Your message has not been sent yet"), form)
        return refused(400, "Invalid submission: " + form.errors.as_text())
    association = in_source_locale(form.cleaned_data["association"])
    try:
        key_ids = check_ciphertext(association, form.cleaned_data["ciphertext"])
    except NoInboxKey:
        return refused(400, "This association has no inbox key.")
    except InvalidCiphertext as error:
        return refused(400, f"Invalid ciphertext: {error}.")
    if antiabuse.over_rate_limit(request):
        return refused(
            429,
            _(
                "You have sent several messages in a short time, so this one was not sent. "
                "Your text is still here: try again in an hour, or call us."
            ),
        )
    with transaction.atomic():
        message = EncryptedMessage.objects.create(
            association=association,
            help_point=in_source_locale(form.cleaned_data["help_point"]),
            ciphertext=form.cleaned_data["ciphertext"],
            key_ids=key_ids,
            encrypted_in=EncryptedMessage.EncryptedIn.BROWSER,
        )
        transaction.on_commit(lambda: notify_association.enqueue(message.pk))
    return JsonResponse({"thanks": thanks_url(page, EncryptedMessage.EncryptedIn.BROWSER)})


@require_POST
@sensitive_post_parameters()
@sensitive_variables()
def route_view(request, page):
    """Where a message goes, from the choices on the form.

    POSTed, so her place stays in the request's body: never in an address or a log
    line. The answer names the association (and the help point she chose), never the
    place; the page then sends the message with only those.
    """
    form = RouteForm(request.POST, locale=page.locale)
    if not form.is_valid():
        return refused(400, _("Please check where your message should go."))
    data = form.cleaned_data
    try:
        destination = route(default=page.default_association, **data)
    except (UnknownComune, AmbiguousComune) as error:
        return refused(400, comune_error(error))
    association = destination.association
    return JsonResponse(
        {
            "association": association.pk,
            "help_point": destination.help_point.pk if destination.help_point else None,
            "name": association.localized.title,
            "keys": reverse("contact_keys", args=[association.pk]),
        }
    )


@require_GET
def keys_view(request, association_id):
    """The active public keys of an association's inbox, for her browser to encrypt to.

    Public keys only; cacheable for a short while (a retired key stops being used soon
    after), the same for every visitor.
    """
    association = AssociationPage.objects.live().filter(pk=association_id).first()
    if association is None:
        return JsonResponse({"error": "No such association."}, status=404)
    association = in_source_locale(association)
    keys = association.inbox_keys.active().order_by("kind", "created_at")
    response = JsonResponse(
        {
            "association": association.pk,
            "keys": [
                {"recipient": key.recipient, "kind": key.kind, "fingerprint": key.fingerprint}
                for key in keys
            ],
        }
    )
    patch_cache_control(response, public=True, max_age=settings.CONTACT_KEYS_MAX_AGE)
    return response
