"""Production-safe base settings.

Every environment variable the project reads is read here, and only here; the
README lists them all. The dev and test profiles only relax or speed things up.
"""

import ipaddress
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

# site/ in a checkout; the installed `closher` package once installed from the wheel.
SITE_DIR = Path(__file__).resolve().parent.parent
# A checkout keeps the catalogues and static files beside site/; the wheel installs them
# inside the package (setup.py).
INSTALLED = (SITE_DIR / "locales").is_dir()
SHARED_DIR = SITE_DIR if INSTALLED else SITE_DIR.parent
# Where var/ (database, media) goes unless the environment says: the checkout, or the
# directory an installed site runs from.
BASE_DIR = Path.cwd() if INSTALLED else SITE_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_language_map(name, languages, choices):
    """{"fr": "parent"} from "fr=parent,ar=parent": one of `choices` per language code."""
    mapping = {}
    for item in env_list(name):
        code, _sep, value = (part.strip() for part in item.partition("="))
        if code not in languages or value not in choices:
            raise ImproperlyConfigured(
                f"{name}: {item!r} is not LANGUAGE=VALUE with a language of LANGUAGES "
                f"and a value among {', '.join(choices)}."
            )
        mapping[code] = value
    return mapping


def env_networks(name, default):
    """Addresses or networks (CIDR) from a comma-separated variable; "*" stands for any."""
    items = env_list(name, default)
    for item in items:
        if item != "*":
            try:
                ipaddress.ip_network(item, strict=False)
            except ValueError as error:
                raise ImproperlyConfigured(
                    f"{name}: {item!r} is not an address, a network or '*'."
                ) from error
    return items


# --- Environment -----------------------------------------------------------
SECRET_KEY = os.environ.get("SECRET_KEY", "")
DATABASE_URL = os.environ.get("DATABASE_URL", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@localhost")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY") else None
)
# The proxies whose X-Forwarded-For the rate limit believes; gunicorn reads the same
# variable itself for X-Forwarded-Proto.
FORWARDED_ALLOW_IPS = env_networks("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "media"))
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "var" / "private"))
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "var" / "static"))
SQLITE_PATH = Path(os.environ.get("SQLITE_PATH", BASE_DIR / "var" / "db.sqlite3"))
ADMIN_USERNAME = os.environ.get("ADMIN_USERNAME", "admin")
ADMIN_PASSWORD = os.environ.get("ADMIN_PASSWORD", "")
DEMO_PARTNER_PASSWORD = os.environ.get("DEMO_PARTNER_PASSWORD", "")
RECAPTCHA_PUBLIC_KEY = os.environ.get("RECAPTCHA_PUBLIC_KEY", "")
RECAPTCHA_PRIVATE_KEY = os.environ.get("RECAPTCHA_PRIVATE_KEY", "")
CONTACT_RATE_LIMIT = int(os.environ.get("CONTACT_RATE_LIMIT", "5"))
CONTACT_RATE_WINDOW_MINUTES = int(os.environ.get("CONTACT_RATE_WINDOW_MINUTES", "60"))
CONTACT_RETENTION_DAYS = int(os.environ.get("CONTACT_RETENTION_DAYS", "90"))
AUDIT_RETENTION_DAYS = int(os.environ.get("AUDIT_RETENTION_DAYS", "365"))
SESSION_IDLE_MINUTES = int(os.environ.get("SESSION_IDLE_MINUTES", "30"))
LOGIN_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_LOCKOUT_MINUTES = int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "30"))
TASK_BACKEND = os.environ.get("TASK_BACKEND", "database")
REDIS_URL = os.environ.get("REDIS_URL", "")
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Several machines: media in S3-compatible buckets (images public, documents private).
# Unset is None, which django-storages (reading the same names) takes as "not given".
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
AWS_PRIVATE_STORAGE_BUCKET_NAME = os.environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME", "")
AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID") or None
AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY") or None
AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
# A frontend cache (Varnish or any proxy taking PURGE, Cloudflare, CloudFront) to purge.
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL", "")
CLOUDFLARE_API_TOKEN = os.environ.get("CLOUDFLARE_API_TOKEN", "")
CLOUDFLARE_ZONE_ID = os.environ.get("CLOUDFLARE_ZONE_ID", "")
CLOUDFRONT_DISTRIBUTION_ID = os.environ.get("CLOUDFRONT_DISTRIBUTION_ID", "")

# --- Applications ----------------------------------------------------------
INSTALLED_APPS = [
    "closher",
    "home",
    "services",
    "directory",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_recaptcha",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "closher.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous pages from the shared cache, stored compressed (closher/page_cache.py).
    "closher.page_cache.PageCacheMiddleware",
    # Compresses pages for a slow phone (static files come compressed from whitenoise).
    # Django's gzip pads each response with random bytes against BREACH, and CSRF tokens
    # are masked per response.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # Public uploads (the contact form's attachments) in memory only: before the CSRF
    # check, which reads the POST body.
    "services.contact.uploads.MemoryOnlyUploadsMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "closher.accounts.middleware.SecondFactorMiddleware",
    # Every admin URL naming a page, document or collection asks the access policy first.
    "directory.admin_guard.AdminAccessGuard",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "closher.urls"
WSGI_APPLICATION = "closher.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database --------------------------------------------------------------
if DATABASE_URL:
    # Connections are kept for a minute, and checked before reuse: after a PostgreSQL
    # restart the next request reconnects instead of failing on a dead connection.
    DATABASES = {
        "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    }
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": SQLITE_PATH,
            "OPTIONS": {"init_command": "PRAGMA journal_mode=WAL;"},
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache -----------------------------------------------------------------
# One cache shared by every worker (and every server): Redis when REDIS_URL is set,
# else the database. It holds the page cache and the contact form's rate limit. With
# Redis unreachable, each operation falls back to the database cache (closher/cache.py).
# The database cache's table: `manage.py createcachetable` (make run / serve do it).
DATABASE_CACHE = {
    "BACKEND": "closher.cache.TolerantDatabaseCache",
    "LOCATION": "closher_cache",
}
CACHES = {
    "default": (
        {
            "BACKEND": "closher.cache.FaultTolerantRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"FALLBACK": "database"},
        }
        if REDIS_URL
        else DATABASE_CACHE
    ),
    "database": DATABASE_CACHE,
}
PAGE_CACHE_ALIAS = "default"

# --- Passwords and accounts ------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "wagtailadmin_login"
# Private pages and documents send to the same login (password, then second factor).
WAGTAIL_FRONTEND_LOGIN_URL = "/admin/login/"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Every staff account (admins, editors, partners, operators) logs in with a second
# factor (TOTP); see site/accounts/. Sessions end after a quiet spell.
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
OTP_TOTP_ISSUER = "Clos(H)er"
# Lock-out after repeated failed logins, counted per username: no IP address is stored.
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = LOGIN_LOCKOUT_MINUTES / 60
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_CLIENT_IP_CALLABLE = "closher.accounts.second_factor.no_ip_address"
AXES_DISABLE_ACCESS_LOG = True
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False
# Lock-out by username alone on purpose (no IPs kept): rotating the user agent does not
# reset the per-username count, which is what axes.W006 warns about.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]

# --- Languages -------------------------------------------------------------
# Adding a language: one line here plus one catalogue per folder in locales/.
LANGUAGE_CODE = "it"
LANGUAGES = [
    ("it", _("Italian")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ar", _("Arabic")),
    ("ro", _("Romanian")),
    ("uk", _("Ukrainian")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [SHARED_DIR / "locales"]
# What an untranslated page shows in each language: "source" (the Italian page with a
# notice, the default) or "parent" (a redirect to the nearest translated parent page).
UNTRANSLATED_PAGE_FALLBACK = env_language_map(
    "UNTRANSLATED_PAGE_FALLBACK", [code for code, _name in LANGUAGES], ["source", "parent"]
)
TIME_ZONE = "Europe/Rome"
USE_I18N = True
USE_TZ = True

# --- Static and media ------------------------------------------------------
STATICFILES_DIRS = [SHARED_DIR / "static"]
STATIC_URL = "/static/"
MEDIA_URL = "/media/"


# One machine: documents go to PRIVATE_MEDIA_ROOT, which no URL serves. Several: images in
# the public bucket, documents in the private one, never with a URL (directory/storage.py).
def media_storage():
    if not AWS_STORAGE_BUCKET_NAME:
        return {"BACKEND": "directory.storage.MediaStorage"}
    if AWS_PRIVATE_STORAGE_BUCKET_NAME in {"", AWS_STORAGE_BUCKET_NAME}:
        raise ImproperlyConfigured(
            "AWS_PRIVATE_STORAGE_BUCKET_NAME must name a private bucket of its own for the "
            "documents when AWS_STORAGE_BUCKET_NAME is set."
        )
    options = {
        "bucket_name": AWS_STORAGE_BUCKET_NAME,
        "private_bucket_name": AWS_PRIVATE_STORAGE_BUCKET_NAME,
        "endpoint_url": AWS_S3_ENDPOINT_URL,
        "region_name": AWS_S3_REGION_NAME,
        "access_key": AWS_ACCESS_KEY_ID,
        "secret_key": AWS_SECRET_ACCESS_KEY,
        "custom_domain": AWS_S3_CUSTOM_DOMAIN,
        # Images are public: plain URLs, readable through the bucket's own policy.
        "querystring_auth": False,
        "file_overwrite": False,
    }
    return {"BACKEND": "directory.storage.S3MediaStorage", "OPTIONS": options}


STORAGES = {
    "default": media_storage(),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Security --------------------------------------------------------------
DEBUG = False
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Strict"
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_SAMESITE = "Strict"
# Gone when the browser closes: a year-long cookie is a trace on a shared device.
CSRF_COOKIE_AGE = None
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "no-referrer"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
LANGUAGE_COOKIE_SECURE = True
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Strict"

# --- Email -----------------------------------------------------------------
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"

# --- Logging ---------------------------------------------------------------
# Query strings hold what a visitor searched for (the finder's place, her
# coordinates): no log line keeps them (closher.log_filters; gunicorn.conf.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"no_query_strings": {"()": "closher.log_filters.DropQueryStrings"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "filters": ["no_query_strings"]}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # At DEBUG Pillow logs every EXIF tag of a photo it opens: where it was taken, the
        # phone. Never below INFO, whatever the root level (the contact form's photos).
        "PIL": {"level": "INFO"},
    },
}

# --- Wagtail ---------------------------------------------------------------
WAGTAIL_SITE_NAME = "Clos(H)er"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# A private document never leaves its collection's privacy (directory/documents.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "directory.documents.PrivateDocumentForm"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "webp", "png": "webp", "jpeg": "webp"}
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {"features": ["bold", "italic", "link", "ol", "ul", "h3", "h4"]},
    }
}
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_ENABLE_UPDATE_CHECK = False  # no request to another origin, even from the admin
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILLOCALIZE_JOBS = {"BACKEND": "wagtail_localize.tasks.ImmediateBackend"}
# Purged by closher.page_cache on the same events that clear the page cache, by the task
# worker. Each translation is a page of its own: no URL is rewritten per language.
WAGTAILFRONTENDCACHE = {}
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE["http"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": FRONTEND_CACHE_URL,
    }
if CLOUDFLARE_ZONE_ID:
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": CLOUDFLARE_API_TOKEN,
        "ZONEID": CLOUDFLARE_ZONE_ID,
    }
if CLOUDFRONT_DISTRIBUTION_ID:
    WAGTAILFRONTENDCACHE["cloudfront"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
        "DISTRIBUTION_ID": CLOUDFRONT_DISTRIBUTION_ID,
    }
WAGTAILFRONTENDCACHE_LANGUAGES = []
# Machine translation in the translation editor, off unless a DeepL key is set. The
# server sends the strings to DeepL when an editor asks; no visitor's browser ever does.
DEEPL_API_KEY = os.environ.get("DEEPL_API_KEY", "")
if DEEPL_API_KEY:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }

# --- Contact form and secure inbox (services/contact/) ----------------------
# Background jobs (the inbox notice): queued in the database and run, retried when they
# fail, by `manage.py db_worker`; "immediate" runs them in the request, without retries.
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
if TASK_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASK_BACKEND must be one of {', '.join(TASK_BACKENDS)}.")
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASK_BACKEND]}}
CONTACT_NOTIFY_ATTEMPTS = 5
CONTACT_MIN_SECONDS = 3  # sent sooner than this after the page was shown: a robot
CONTACT_MAX_AGE = 2 * 60 * 60  # the form expires after two hours
# Attachments: at most 3 files (JPEG, PNG, PDF), 10 MB in all. A message encrypted in her
# browser carries them as base64 inside the age file: 4/3 of that, plus the text and age's
# own overhead. Public uploads stay in memory, never in a temporary file (uploads.py).
CONTACT_ATTACHMENTS_MAX_FILES = 3
CONTACT_ATTACHMENTS_MAX_BYTES = 10 * 1024 * 1024
CONTACT_CIPHERTEXT_MAX_BYTES = CONTACT_ATTACHMENTS_MAX_BYTES * 4 // 3 + 512 * 1024
CONTACT_KEYS_MAX_AGE = 300  # seconds a browser may reuse an association's key list
RECAPTCHA_DOMAIN = "www.recaptcha.net"
RECAPTCHA_VERIFY_REQUEST_TIMEOUT = 5
# Error reports never carry an IP address, a User-Agent or what she wrote.
DEFAULT_EXCEPTION_REPORTER_FILTER = "services.contact.reporting.PrivateExceptionReporterFilter"
