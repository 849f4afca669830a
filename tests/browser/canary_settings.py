"""The site as the canary browser test runs it: everything it could leave behind is
somewhere the test can read.

The cache in files under CANARY_CACHE_DIR (the test profile keeps it in the process's
memory), the site's logging with the root and Django at DEBUG, SQL statements and their
parameters included (DEBUG on), to gunicorn's output, which the test writes to a file.
Temporary files go to the process's TMPDIR, which the test chooses.
"""

import os

from closher.settings.test import *  # noqa: F403

DEBUG = True
CACHES = {
    alias: {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.path.join(os.environ["CANARY_CACHE_DIR"], alias),
    }
    for alias in ("default", "database")
}
LOGGING = {
    **LOGGING,  # noqa: F405
    "root": {"handlers": ["console"], "level": "DEBUG"},
    "loggers": {
        **LOGGING["loggers"],  # noqa: F405
        "django": {"level": "DEBUG"},  # Django's own configuration stops at INFO
    },
}
