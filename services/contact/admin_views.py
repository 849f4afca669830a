"""The secure inbox in the Wagtail admin: list, open (decrypted in the browser), mark
handled, delete; and the association's keys (generated in the browser, retired here).

The server never sees a private key or a decrypted message: it sends the ciphertext to
the page, and inbox.js decrypts it in memory with the key file and passphrase.
"""

import base64
from functools import wraps

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from services.models import EncryptedMessage, InboxKey

from .access import readable_associations
from .encryption import InvalidRecipient, parse_recipient


class Forbidden(Exception):
    """Not this user's inbox: answered with a plain 403 (Wagtail would redirect home)."""


def association_or_403(request, association_id):
    association = readable_associations(request.user).filter(pk=association_id).first()
    if association is None:
        raise Forbidden
    return association


def message_or_403(association, pk):
    message = EncryptedMessage.objects.filter(association=association, pk=pk).first()
    if message is None:
        raise Forbidden
    return message


def forbidding(view):
    """A 403 page instead of Wagtail's redirect, so nothing hints at what is there."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Forbidden:
            return private(TemplateResponse(request, "services/inbox/forbidden.html", status=403))

    return wrapper


def private(response):
    add_never_cache_headers(response)
    return response


@forbidding
def inbox_index(request):
    associations = list(readable_associations(request.user))
    if not associations:
        raise Forbidden
    if len(associations) == 1:
        return redirect("services_inbox:list", associations[0].pk)
    return private(
        TemplateResponse(request, "services/inbox/index.html", {"associations": associations})
    )


@forbidding
def message_list(request, association_id):
    association = association_or_403(request, association_id)
    inbox = EncryptedMessage.objects.filter(association=association).select_related("help_point")
    return private(
        TemplateResponse(
            request,
            "services/inbox/list.html",
            {
                "association": association,
                "inbox_messages": inbox,
                "has_keys": InboxKey.objects.active().filter(association=association).exists(),
            },
        )
    )


@forbidding
def message_detail(request, association_id, pk):
    association = association_or_403(request, association_id)
    message = message_or_403(association, pk)
    return private(
        TemplateResponse(
            request,
            "services/inbox/detail.html",
            {
                "association": association,
                "message": message,
                "ciphertext": base64.b64encode(bytes(message.ciphertext)).decode(),
            },
        )
    )


@forbidding
@require_POST
def message_action(request, association_id, pk):
    association = association_or_403(request, association_id)
    message = message_or_403(association, pk)
    action = request.POST.get("action")
    if action == "delete":
        message.delete()
        messages.success(request, _("The message has been deleted."))
        return redirect("services_inbox:list", association.pk)
    if action in EncryptedMessage.Status.values:
        message.status = action
        message.save(update_fields=["status"])
        messages.success(
            request,
            _("The message is marked “%(status)s”.") % {"status": message.get_status_display()},
        )
    return redirect("services_inbox:detail", association.pk, message.pk)


@forbidding
@sensitive_post_parameters("recipient")
def key_list(request, association_id):
    association = association_or_403(request, association_id)
    error = ""
    if request.method == "POST":
        if "retire" in request.POST:
            key = get_object_or_404(
                InboxKey, association=association, pk=request.POST["retire"], retired_at=None
            )
            key.retire()
            messages.success(
                request, _("The key has been retired: new messages are no longer encrypted to it.")
            )
            return redirect("services_inbox:keys", association.pk)
        try:
            recipient = parse_recipient(request.POST.get("recipient", ""))
        except InvalidRecipient as invalid:
            error = str(invalid)
        else:
            kind = request.POST.get("kind")
            if kind not in InboxKey.Kind.values:
                kind = InboxKey.Kind.WORKING
            if InboxKey.objects.filter(recipient=recipient).exists():
                error = _("This public key is already registered.")
            else:
                InboxKey.objects.create(association=association, recipient=recipient, kind=kind)
                messages.success(request, _("The public key has been added to the inbox."))
                return redirect("services_inbox:keys", association.pk)
    return private(
        TemplateResponse(
            request,
            "services/inbox/keys.html",
            {
                "association": association,
                "keys": InboxKey.objects.filter(association=association),
                "kinds": InboxKey.Kind.choices,
                "error": error,
            },
            status=400 if error else 200,
        )
    )
