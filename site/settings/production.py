"""Production profile: refuses to start without the secrets it needs."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import RECAPTCHA_PRIVATE_KEY, RECAPTCHA_PUBLIC_KEY, SECRET_KEY

if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
if not (RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY):
    raise ImproperlyConfigured(
        "RECAPTCHA_PUBLIC_KEY and RECAPTCHA_PRIVATE_KEY must be set in the environment for "
        "production: the contact form needs them."
    )
