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


AGE_MAGIC = b"age-encryption.org/v1\n"
HEADER_LIMIT = 64 * 1024  # far more than a header with a few stanzas needs


class InvalidCiphertext(ValueError):
    """The upload is not an age file for the association's keys; the reason is the text."""


def x25519_stanzas(ciphertext):
    """How many X25519 recipient stanzas the age header of `ciphertext` holds.

    The server cannot open the file, but it can refuse what is not an age file made for
    the association's keys: another kind of recipient (a passphrase, a plugin) or a
    header that does not end where age's grammar says. Grease stanzas (random ones that
    rage adds so that parsers stay lenient) are skipped.
    """
    if not ciphertext.startswith(AGE_MAGIC):
        raise InvalidCiphertext("not an age file")
    lines = ciphertext[:HEADER_LIMIT].split(b"\n")[1:]
    stanzas = 0
    seen_stanza = False
    for line in lines:
        if line.startswith(b"--- "):
            return stanzas
        if line.startswith(b"-> "):
            seen_stanza = True
            arguments = line[3:].split(b" ")
            if arguments[0].endswith(b"-grease"):
                continue  # random stanzas some implementations (rage) add, ignored by all
            if arguments[0] != b"X25519" or len(arguments) != 2:
                raise InvalidCiphertext("a recipient that is not an X25519 key")
            stanzas += 1
        elif not seen_stanza:
            raise InvalidCiphertext("a header line outside any recipient")
    raise InvalidCiphertext("the header does not end")


def check_ciphertext(association, ciphertext):
    """The key ids of the association's active keys, if `ciphertext` can be for them."""
    keys = list(association.inbox_keys.active())
    if not keys:
        raise NoInboxKey(association.pk)
    stanzas = x25519_stanzas(ciphertext)
    if stanzas != len(keys):
        raise InvalidCiphertext(
            f"{stanzas} recipients where the association has {len(keys)} active keys"
        )
    return [key.key_id for key in keys]
