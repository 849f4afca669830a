"""The secure inbox in the Wagtail admin: list, open (decrypted in the browser), mark
handled, delete; and the association's keys (generated in the browser, retired here).

The server never sees a private key or a decrypted message: it sends the ciphertext to
the page, and inbox.js decrypts it in memory with the key file and passphrase. Every
inbox page is sent with the strict admin CSP (no inline scripts or styles), and every
key change is recorded and announced (keys.py).
"""

import base64
from functools import wraps

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from closher.security import use_strict_admin_csp

from .access import readable_associations
from .admin_forms import MAX_ID, AddKeyForm, MessageActionForm, RetireKeyForm
from .keys import add_key, retire_key
from .models import EncryptedMessage, InboxKey


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


def inbox_view(view):
    """The strict CSP; a 400 for an id out of range; a 403 page instead of Wagtail's
    redirect, so nothing hints at what is there."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        use_strict_admin_csp(request)
        if any(value > MAX_ID for value in kwargs.values()):
            return private(TemplateResponse(request, "services/inbox/invalid.html", status=400))
        try:
            return view(request, *args, **kwargs)
        except Forbidden:
            return private(TemplateResponse(request, "services/inbox/forbidden.html", status=403))

    return wrapper


def private(response):
    add_never_cache_headers(response)
    return response


@inbox_view
def inbox_index(request):
    associations = list(readable_associations(request.user))
    if not associations:
        raise Forbidden
    if len(associations) == 1:
        return redirect("services_inbox:list", associations[0].pk)
    return private(
        TemplateResponse(request, "services/inbox/index.html", {"associations": associations})
    )


@inbox_view
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
                "active_keys": InboxKey.objects.active().filter(association=association),
            },
        )
    )


def detail_response(request, association, message, form=None):
    return private(
        TemplateResponse(
            request,
            "services/inbox/detail.html",
            {
                "association": association,
                "message": message,
                "ciphertext": base64.b64encode(bytes(message.ciphertext)).decode(),
                "form": form,
            },
            status=400 if form is not None else 200,
        )
    )


@inbox_view
def message_detail(request, association_id, pk):
    association = association_or_403(request, association_id)
    return detail_response(request, association, message_or_403(association, pk))


@inbox_view
@require_POST
def message_action(request, association_id, pk):
    association = association_or_403(request, association_id)
    message = message_or_403(association, pk)
    form = MessageActionForm(request.POST)
    if not form.is_valid():
        return detail_response(request, association, message, form)
    action = form.cleaned_data["action"]
    if action == MessageActionForm.DELETE:
        message.delete()
        messages.success(request, _("The message has been deleted."))
        return redirect("services_inbox:list", association.pk)
    message.status = action
    message.save(update_fields=["status"])
    messages.success(
        request,
        _("The message is marked “%(status)s”.") % {"status": message.get_status_display()},
    )
    return redirect("services_inbox:detail", association.pk, message.pk)


@inbox_view
@sensitive_post_parameters("recipient")
def key_list(request, association_id):
    association = association_or_403(request, association_id)
    add_form, retire_form = AddKeyForm(), RetireKeyForm(association)
    if request.method == "POST" and "retire" in request.POST:
        retire_form = RetireKeyForm(association, request.POST)
        if retire_form.is_valid():
            retire_key(retire_form.key, request.user)
            messages.success(
                request, _("The key has been retired: new messages are no longer encrypted to it.")
            )
            return redirect("services_inbox:keys", association.pk)
    elif request.method == "POST":
        add_form = AddKeyForm(request.POST)
        if add_form.is_valid():
            add_key(association, **add_form.cleaned_data, user=request.user)
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
                "add_form": add_form,
                "retire_form": retire_form,
            },
            status=400 if add_form.errors or retire_form.errors else 200,
        )
    )
