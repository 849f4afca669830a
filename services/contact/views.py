"""The contact page's two views: the form, and the confirmation that repeats nothing.

Her words exist in clear only in this request's memory: the form is encrypted the
moment it validates, POST parameters and local variables are hidden from error
reports, and every response is `Cache-Control: no-store` (the page's NeverCachedMixin).
"""

from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables

from closher.security import extend_csp, use_same_origin_referrer
from services.associations.models import AssociationPage

from . import antiabuse
from .encryption import NoInboxKey, encrypt_payload
from .forms import ContactForm, recaptcha_enabled
from .models import EncryptedMessage
from .routing import AmbiguousComune, UnknownComune, route
from .tasks import notify_association

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
        context_overrides={"associations": associations_with_phones(page), **context},
    )


@sensitive_variables()
def build_payload(form, destination):
    data = form.cleaned_data
    return {
        "format": 1,
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
    except UnknownComune:
        form.add_error(
            "comune",
            _("We could not find this town. Check the spelling, or choose an association."),
        )
        return None
    except AmbiguousComune as ambiguous:
        names = ", ".join(candidate.label for candidate in ambiguous.candidates)
        form.add_error(
            "comune", _("Several towns have this name: which one? %(names)s") % {"names": names}
        )
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
        )
        transaction.on_commit(lambda: notify_association.enqueue(message.pk))
    return message


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
    thanks_url = page.url + page.reverse_subpage("thanks")
    if request.method != "POST":
        return render(
            request, page, page.get_template(request), form=ContactForm(locale=page.locale)
        )

    form = ContactForm(request.POST, locale=page.locale)
    if form.is_spam:
        return redirect(thanks_url)
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
            return redirect(thanks_url)
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
    return render(request, page, "services/contact_thanks.html")
