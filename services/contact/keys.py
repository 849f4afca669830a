"""Inbox keys under watch: every key added or retired is recorded and announced.

Whoever adds a key to an inbox can read every message that comes after. So each change,
from the admin or from `set_inbox_key`, writes an entry in Wagtail's audit log (with
the user and the key's fingerprint) and emails a fixed-text notice to every inbox
member and to the association: a change made with a stolen password does not go unseen.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log

from .models import InboxKey
from .tasks import key_notice_addresses, notify_key_change

ACTIONS = {"added": "services.inbox.key_added", "retired": "services.inbox.key_retired"}


class KeyAdded(LogFormatter):
    label = _("Add inbox key")

    def format_message(self, log_entry):
        return _("Inbox key added: %(fingerprint)s") % {
            "fingerprint": log_entry.data.get("fingerprint", "")
        }


class KeyRetired(LogFormatter):
    label = _("Retire inbox key")

    def format_message(self, log_entry):
        return _("Inbox key retired: %(fingerprint)s") % {
            "fingerprint": log_entry.data.get("fingerprint", "")
        }


def register_key_actions(actions):
    """The `register_log_actions` hook (registered in services/wagtail_hooks.py)."""
    actions.register_action(ACTIONS["added"])(KeyAdded)
    actions.register_action(ACTIONS["retired"])(KeyRetired)


@transaction.atomic
def add_key(association, recipient, kind, user=None):
    """Add the public key `recipient` to the inbox; `user` None: a command on the server."""
    key = InboxKey.objects.create(association=association, recipient=recipient, kind=kind)
    announce(key, "added", user)
    return key


@transaction.atomic
def retire_key(key, user=None):
    key.retire()
    announce(key, "retired", user)


def announce(key, change, user):
    """Record the change in the audit log; queue the notices once the change is saved."""
    log(
        instance=key,
        action=ACTIONS[change],
        user=user,
        data={
            "fingerprint": key.fingerprint,
            "kind": key.kind,
            "association": key.association_id,
        },
    )
    who = user.get_username() if user is not None else ""
    for address in key_notice_addresses(key.association):
        transaction.on_commit(
            lambda address=address: notify_key_change.enqueue(key.pk, change, who, address)
        )
