"""Background jobs of the secure inbox: fixed-text notices by email.

Two notices, one pattern: that a new message has arrived (to the association), and that
a key of the inbox has been added or retired (to every inbox member and the
association). Neither says anything about a message; the key notice gives only the
key's kind and short fingerprint. What the notice is about is stored before it is
queued, so a failed send never loses it: the task is retried later when the task
backend can defer (the database backend in production).
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from .models import EncryptedMessage, InboxKey

logger = logging.getLogger(__name__)


def notification_address(association):
    inbox_settings = getattr(association, "inbox_settings", None)
    if inbox_settings is not None and inbox_settings.notification_email:
        return inbox_settings.notification_email
    return association.email


def key_notice_addresses(association):
    """Every active inbox member's address, then the association's own ones; no repeats."""
    members = (
        get_user_model()
        .objects.filter(is_active=True, groups__inbox_staff__association=association)
        .exclude(email="")
        .order_by("email")
        .values_list("email", flat=True)
    )
    addresses = {}
    for address in [*members, association.email, notification_address(association)]:
        if address:
            addresses.setdefault(address.lower(), address)
    return list(addresses.values())


@task()
def notify_association(message_id, attempt=1):
    """Send the fixed-text notice for one message; retry later if the send fails."""
    message = EncryptedMessage.objects.select_related("association").filter(pk=message_id).first()
    if message is None or message.notified:
        return
    address = notification_address(message.association)
    if not address:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("A new message is waiting in your secure inbox")
        body = _(
            "A new message has arrived in your association's secure inbox. "
            "Open it from the site's admin, with your key file."
        )
    if send(subject, body, address, notify_association, attempt, message_id):
        EncryptedMessage.objects.filter(pk=message_id).update(notified=True)


def key_notice(key, change, who):
    """(subject, body) of the notice that `key` was added or retired by `who`."""
    if change == "added":
        subject = _("A key has been added to your secure inbox")
        opening = _("A key has been added to the secure inbox of %(association)s.")
        effect = _("New messages are now also encrypted to this key.")
        advice = _(
            "Compare the fingerprint with the one shown under Keys in the site's admin and "
            "with the colleague who made the key. If nobody in your association added it, "
            "tell the network's operators at once: someone may be using a staff account, "
            "and the key must be retired."
        )
    else:
        subject = _("A key of your secure inbox has been retired")
        opening = _("A key of the secure inbox of %(association)s has been retired.")
        effect = _("New messages are no longer encrypted to this key.")
        advice = _(
            "If nobody in your association retired it, tell the network's operators at "
            "once: someone may be using a staff account."
        )
    lines = [
        opening % {"association": key.association.title},
        "",
        _("Kind: %(kind)s") % {"kind": key.get_kind_display()},
        _("Fingerprint: %(fingerprint)s") % {"fingerprint": key.fingerprint},
        _("By: %(who)s") % {"who": who or _("a command run on the server")},
        "",
        effect,
        advice,
    ]
    return subject, "\n".join(lines)


@task()
def notify_key_change(key_pk, change, who, address, attempt=1):
    """Tell one address that a key was "added" or "retired" by `who` (empty: a command)."""
    key = InboxKey.objects.select_related("association").filter(pk=key_pk).first()
    if key is None:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject, body = key_notice(key, change, who)
    send(subject, body, address, notify_key_change, attempt, key_pk, change, who, address)


def send(subject, body, address, job, attempt, *args):
    """Send one notice; if that fails, queue `job(*args)` again for later. True if sent."""
    try:
        send_mail(subject, body, None, [address])
    except Exception:
        logger.warning("Inbox notice %s %r not sent (attempt %s)", job.name, args[:2], attempt)
        schedule_retry(job, attempt, *args)
        return False
    return True


def schedule_retry(job, attempt, *args):
    if attempt >= settings.CONTACT_NOTIFY_ATTEMPTS or not job.get_backend().supports_defer:
        return
    run_after = timezone.now() + timedelta(minutes=5 * attempt)
    job.using(run_after=run_after).enqueue(*args, attempt + 1)
