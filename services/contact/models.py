"""The secure inbox: encrypted messages, the keys they are encrypted to, who may read them.

Nothing here holds what a woman wrote in clear. A message row keeps only what the
association needs to sort its inbox (day, help point, status) and the age ciphertext,
readable only with the association's private keys, which never reach the server.
"""

import hashlib

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .encryption import InvalidRecipient, parse_recipient


def default_retention_days():
    return settings.CONTACT_RETENTION_DAYS


def key_id_of(recipient):
    """A short, stable id of an age recipient, stored with each message it encrypts.

    The first 16 hex digits of the SHA-256 of the `age1…` text, as
    `printf %s age1… | sha256sum | cut -c1-16` prints them.
    """
    return hashlib.sha256(recipient.encode()).hexdigest()[:16]


def fingerprint_of(recipient):
    """The key id in four groups of four ("1a2b 3c4d 5e6f 7a8b"), for people to compare."""
    key_id = key_id_of(recipient)
    return " ".join(key_id[start : start + 4] for start in range(0, len(key_id), 4))


class InboxKeyQuerySet(models.QuerySet):
    def active(self):
        return self.filter(retired_at__isnull=True)


class InboxKey(models.Model):
    """An age X25519 recipient (public key) of an association's inbox.

    The private key stays on the staff's devices, in a passphrase-protected key file.
    Every message is encrypted to all active keys of its association: the working key
    and an offline recovery key. A retired key receives no new messages.
    """

    class Kind(models.TextChoices):
        WORKING = "working", _("Working key")
        RECOVERY = "recovery", _("Recovery key")

    association = models.ForeignKey(
        "services.AssociationPage",
        on_delete=models.CASCADE,
        related_name="inbox_keys",
        verbose_name=_("association"),
    )
    recipient = models.CharField(
        _("public key"),
        max_length=100,
        unique=True,
        help_text=_("The age public key, starting with 'age1'. Never the private key."),
    )
    key_id = models.CharField(_("key id"), max_length=16, editable=False)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.WORKING)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)

    objects = InboxKeyQuerySet.as_manager()

    class Meta:
        verbose_name = _("inbox key")
        verbose_name_plural = _("inbox keys")
        ordering = ["association", "-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.fingerprint}"

    def save(self, *args, **kwargs):
        self.key_id = key_id_of(self.recipient)
        super().save(*args, **kwargs)

    def clean(self):
        try:
            self.recipient = parse_recipient(self.recipient)
        except InvalidRecipient as error:
            raise ValidationError({"recipient": str(error)}) from error

    @property
    def fingerprint(self):
        """What staff compare out of band: shown on the inbox pages and in the notices."""
        return fingerprint_of(self.recipient)

    def retire(self):
        self.retired_at = timezone.now()
        self.save(update_fields=["retired_at"])


class EncryptedMessage(models.Model):
    """A message written on the contact page, stored only as age ciphertext.

    Her words, her contact details, the comune she typed and her preferences are all
    inside `ciphertext`. The clear columns say only where it goes and when it came
    (the day, not the time).
    """

    class Status(models.TextChoices):
        NEW = "new", _("New")
        HANDLED = "handled", _("Handled")

    class EncryptedIn(models.TextChoices):
        BROWSER = "browser", _("In her browser")
        SERVER = "server", _("On the server (no JavaScript)")

    association = models.ForeignKey(
        "services.AssociationPage",
        on_delete=models.CASCADE,
        related_name="messages",
        verbose_name=_("association"),
    )
    help_point = models.ForeignKey(
        "services.HelpPointPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("help point"),
    )
    ciphertext = models.BinaryField(_("ciphertext"))
    key_ids = models.JSONField(_("key ids"), default=list)
    received_on = models.DateField(_("received on"), default=timezone.localdate)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    notified = models.BooleanField(_("notification sent"), default=False)
    encrypted_in = models.CharField(
        _("encrypted"),
        max_length=10,
        choices=EncryptedIn.choices,
        default=EncryptedIn.SERVER,
        help_text=_("Where her words were encrypted: in her browser, or on arrival here."),
    )

    class Meta:
        verbose_name = _("encrypted message")
        verbose_name_plural = _("encrypted messages")
        ordering = ["-received_on", "-pk"]
        permissions = [("read_inbox", _("Can read the secure inbox of their association"))]

    def __str__(self):
        return f"{self.received_on} · {self.get_status_display()}"


class InboxSettings(models.Model):
    """How an association's inbox behaves: where notices go, how long messages stay."""

    association = models.OneToOneField(
        "services.AssociationPage",
        on_delete=models.CASCADE,
        related_name="inbox_settings",
        verbose_name=_("association"),
    )
    notification_email = models.EmailField(
        _("notification email"),
        blank=True,
        help_text=_(
            "Where the notice of a new message is sent (it never contains the message). "
            "Empty: the association's own email."
        ),
    )
    retention_days = models.PositiveSmallIntegerField(
        _("keep messages for (days)"),
        default=default_retention_days,
        help_text=_("Messages older than this are deleted by the purge command."),
    )

    panels = [
        FieldPanel("association"),
        FieldPanel("notification_email"),
        FieldPanel("retention_days"),
    ]

    class Meta:
        verbose_name = _("inbox settings")
        verbose_name_plural = _("inbox settings")

    def __str__(self):
        return str(self.association)


class InboxStaffGroup(models.Model):
    """Links a user group to the association whose inbox its members may read.

    Members also need the `services.read_inbox` permission (given to the group). The
    demo names these groups "Inbox – <association>", next to "Partner – <association>".
    """

    group = models.OneToOneField(
        Group,
        on_delete=models.CASCADE,
        related_name="inbox_staff",
        verbose_name=_("group"),
    )
    association = models.ForeignKey(
        "services.AssociationPage",
        on_delete=models.CASCADE,
        related_name="inbox_groups",
        verbose_name=_("association"),
    )

    panels = [FieldPanel("group"), FieldPanel("association")]

    class Meta:
        verbose_name = _("inbox staff group")
        verbose_name_plural = _("inbox staff groups")

    def __str__(self):
        return f"{self.group} → {self.association}"
