"""The forms of the secure inbox's admin pages: add a key, retire one, act on a message.

Every id that comes from a form is checked here (a whole number within the database's
range, of this inbox): bad input answers with a form error, never a server error.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .encryption import PRIVATE_KEY_MARKER, InvalidRecipient, parse_recipient
from .models import EncryptedMessage, InboxKey

# The largest primary key the database holds (BigAutoField); anything above is no id.
MAX_ID = 2**63 - 1

NOT_A_KEY = _("This is not an active key of this inbox.")


class AddKeyForm(forms.Form):
    """A public key made in the browser or pasted: only `age1…` recipients are accepted."""

    recipient = forms.CharField(required=False, max_length=500)
    kind = forms.ChoiceField(
        choices=InboxKey.Kind.choices,
        error_messages={
            "required": _("Choose the kind of key: a working key or a recovery key."),
            "invalid_choice": _("Choose the kind of key: a working key or a recovery key."),
        },
    )

    def clean_recipient(self):
        try:
            recipient = parse_recipient(self.cleaned_data["recipient"])
        except InvalidRecipient as invalid:
            raise ValidationError(str(invalid), code="invalid") from None
        if InboxKey.objects.filter(recipient=recipient).exists():
            raise ValidationError(_("This public key is already registered."), code="duplicate")
        return recipient

    @property
    def typed_recipient(self):
        """What was typed, to show again after an error; never a private key."""
        typed = self.data.get("recipient", "") if self.is_bound else ""
        return "" if PRIVATE_KEY_MARKER in typed.upper() else typed


class RetireKeyForm(forms.Form):
    """Retire one working key of the inbox.

    The recovery key is refused (it is retired only on the server, with
    `set_inbox_key --recovery --retire-others`), and the last working key only with
    `confirm_last` ticked.
    """

    retire = forms.IntegerField(
        min_value=1,
        max_value=MAX_ID,
        error_messages={
            "required": NOT_A_KEY,
            "invalid": NOT_A_KEY,
            "min_value": NOT_A_KEY,
            "max_value": NOT_A_KEY,
        },
    )
    confirm_last = forms.BooleanField(required=False, label=_("Yes, retire the last working key"))

    def __init__(self, association, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.association = association
        self.key = None
        self.needs_confirmation = False

    def clean(self):
        pk = self.cleaned_data.get("retire")
        if pk is None:
            return self.cleaned_data
        active = InboxKey.objects.active().filter(association=self.association)
        key = active.filter(pk=pk).first()
        if key is None:
            raise ValidationError(NOT_A_KEY, code="unknown")
        if key.kind == InboxKey.Kind.RECOVERY:
            raise ValidationError(
                _(
                    "The recovery key cannot be retired from the site. The site's "
                    "administrators retire it on the server, with the set_inbox_key "
                    "command, once the new recovery key is in place."
                ),
                code="recovery",
            )
        others = active.filter(kind=InboxKey.Kind.WORKING).exclude(pk=key.pk)
        if not others.exists() and not self.cleaned_data.get("confirm_last"):
            self.key, self.needs_confirmation = key, True
            raise ValidationError(
                _(
                    "This is the inbox's last working key: once it is retired, new messages "
                    "can be opened only with the recovery key. Add a new working key first, "
                    "or confirm below."
                ),
                code="last",
            )
        self.key = key
        return self.cleaned_data


class MessageActionForm(forms.Form):
    """Mark a message as new or handled, or delete it."""

    DELETE = "delete"

    action = forms.ChoiceField(
        choices=[*EncryptedMessage.Status.choices, (DELETE, _("Delete"))],
        error_messages={
            "required": _("Choose what to do with this message."),
            "invalid_choice": _("Choose what to do with this message."),
        },
    )
