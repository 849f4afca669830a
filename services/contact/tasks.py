"""Background jobs of the secure inbox: the notice that a new message has arrived.

The notice has a fixed text and says nothing about the message. The message is stored
before the notice is queued, so a failed send never loses it: the task is retried
later when the task backend can defer (the database backend in production), and the
message stays marked as not notified either way.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from services.models import EncryptedMessage

logger = logging.getLogger(__name__)


def notification_address(association):
    inbox_settings = getattr(association, "inbox_settings", None)
    if inbox_settings is not None and inbox_settings.notification_email:
        return inbox_settings.notification_email
    return association.email


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
    try:
        send_mail(subject, body, None, [address])
    except Exception:
        logger.warning("Inbox notice for message %s not sent (attempt %s)", message_id, attempt)
        schedule_retry(message_id, attempt)
        return
    EncryptedMessage.objects.filter(pk=message_id).update(notified=True)


def schedule_retry(message_id, attempt):
    if (
        attempt >= settings.CONTACT_NOTIFY_ATTEMPTS
        or not notify_association.get_backend().supports_defer
    ):
        return
    run_after = timezone.now() + timedelta(minutes=5 * attempt)
    notify_association.using(run_after=run_after).enqueue(message_id, attempt + 1)
