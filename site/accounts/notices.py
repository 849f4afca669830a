"""Notices of a change to an account's second factor: an email to her, an audit entry.

Pairing an authenticator app, removing one, making recovery codes and using one each
write an entry in Wagtail's log of the account (Reports → Site history, and the user's
history) and send her a fixed-text email that holds no secret and no code, so that a
change she did not make does not go unnoticed. A failed email never stops the sign-in.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log
from wagtail.users.models import UserProfile

logger = logging.getLogger(__name__)

DEVICE_ADDED = "closher.two_factor.device_added"
DEVICE_REMOVED = "closher.two_factor.device_removed"
RECOVERY_CODES_CREATED = "closher.two_factor.recovery_codes_created"
RECOVERY_CODE_USED = "closher.two_factor.recovery_code_used"

# action: (label in the log's filter, message in the log, sentence of the email)
ACTIONS = {
    DEVICE_ADDED: (
        gettext_lazy("Add authenticator app"),
        gettext_lazy("Authenticator app added"),
        gettext_lazy("An authenticator app was paired with your account."),
    ),
    DEVICE_REMOVED: (
        gettext_lazy("Remove authenticator app"),
        gettext_lazy("Authenticator app removed"),
        gettext_lazy("The authenticator app paired before no longer works for your account."),
    ),
    RECOVERY_CODES_CREATED: (
        gettext_lazy("Create recovery codes"),
        gettext_lazy("Recovery codes created"),
        gettext_lazy(
            "New recovery codes were made for your account; any older ones no longer work."
        ),
    ),
    RECOVERY_CODE_USED: (
        gettext_lazy("Use recovery code"),
        gettext_lazy("Recovery code used"),
        gettext_lazy("A recovery code was used to sign in to your account."),
    ),
}


def register_actions(actions):
    """The `register_log_actions` hook (registered in closher/wagtail_hooks.py)."""
    for action, (label, message, _sentence) in ACTIONS.items():
        actions.register_action(action, label, message)


def notify(user, *actions):
    """Record each action in the account's log, then tell her in one email."""
    # The account itself, not request.user: Wagtail picks the log by the object's type,
    # and django-otp's middleware wraps request.user in a second lazy object.
    user = get_user_model().objects.get(pk=user.pk)
    for action in actions:
        log(user, action, user=user)
    if user.email:
        send_notice(user, actions)


def send_notice(user, actions):
    with translation.override(UserProfile.get_for_user(user).get_preferred_language()):
        subject = _("The second sign-in step of your account has changed")
        body = "\n\n".join(
            [str(ACTIONS[action][2]) for action in actions]
            + [_("If this was not you, contact your network's administrator.")]
        )
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    except Exception:
        logger.warning("Second-factor notice to user %s not sent", user.pk)
