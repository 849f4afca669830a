"""age encryption of contact messages (pyrage, X25519 recipients).

A message is encrypted the moment the form validates, to every active key of the
association it goes to. The server only ever holds public keys (`age1…`).
"""

import json

import pyrage
from django.utils.translation import gettext_lazy as _
from django.views.decorators.debug import sensitive_variables
from pyrage import x25519

PRIVATE_KEY_MARKER = "AGE-SECRET-KEY-"


class InvalidRecipient(ValueError):
    """The text is not an age X25519 public key."""


class NoInboxKey(LookupError):
    """The association has no active key: it cannot receive messages online yet."""


def parse_recipient(text):
    """The canonical `age1…` recipient in `text`, or InvalidRecipient.

    Anything that looks like a private key is refused without being echoed back.
    """
    candidate = (text or "").strip()
    if PRIVATE_KEY_MARKER in candidate.upper():
        raise InvalidRecipient(
            _("This is a private key: never share it. Paste the public key (age1…) instead.")
        )
    try:
        return str(x25519.Recipient.from_str(candidate))
    except (pyrage.RecipientError, ValueError) as error:
        raise InvalidRecipient(
            _("This is not an age public key (it starts with 'age1').")
        ) from error


@sensitive_variables()
def encrypt_payload(association, payload):
    """(ciphertext, key ids) of `payload` (a dict) for the association's active keys."""
    keys = list(association.inbox_keys.active())
    if not keys:
        raise NoInboxKey(association.pk)
    recipients = [x25519.Recipient.from_str(key.recipient) for key in keys]
    plaintext = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()
    return pyrage.encrypt(plaintext, recipients), [key.key_id for key in keys]
