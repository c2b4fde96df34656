"""Settings shared by every environment.

Anything that differs between machines comes from the environment; see dev.py, test.py and
production.py for the per-environment layers.
"""

import os
from pathlib import Path

import dj_database_url

from .object_storage import media_origins, s3_storages

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_list(name: str, default: str = "") -> list[str]:
    """A comma-separated environment variable as a list, ignoring blanks."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


INSTALLED_APPS = [
    "home",
    "cms",
    "members",
    "learning_records",
    "search",
    # Accounts (members area): allauth for sign-up, login and password flows; axes throttles logins.
    "allauth",
    "allauth.account",
    "axes",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
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
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.forms",
]

FORM_RENDERER = "config.forms.PraxisFormRenderer"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Last, so it turns a throttled login attempt into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
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

# SQLite in the project folder unless DATABASE_URL names another database.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "members.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/my/"

# --- Accounts: django-allauth and django-axes (members area) ---------------------------------
# Axes must come first so a locked-out account or address is refused before any password check.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
    "django.contrib.auth.backends.ModelBackend",
]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False  # a link-scanning mail filter must not confirm by visiting
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "/"
ACCOUNT_SIGNUP_FORM_CLASS = "members.forms.SignupDetailsForm"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Praxis] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"  # links in emails; dev and test use http
ACCOUNT_PRESERVE_USERNAME_CASING = False
# Failed logins are throttled by axes (per account and per address, with our own message), so
# allauth's own failed-login limit is switched off to give members one rule and one message.
ACCOUNT_RATE_LIMITS = {"login_failed": None}
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))  # hours: 15 minutes
# Each parameter locks on its own: five failures for one email from anywhere, or from one
# address against any emails. `AXES_IP_FAILURE_LIMIT` is not a thing, so an office behind one
# NAT shares the address limit; AXES_FAILURE_LIMIT can be raised by environment if that bites.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_CALLABLE = "members.auth.axes_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account/lockout.html"
AXES_VERBOSE = False
# ----------------------------------------------------------------------------------------------

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Private media: CPD evidence files and certificate PDFs ---
# Files that only views checking who is asking may serve: never under MEDIA_ROOT, never at
# MEDIA_URL. Point the "private" storage at S3-compatible storage with its own bucket to scale out.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private_media"))
STORAGES["private"] = {"BACKEND": "learning_records.common.storage.PrivateFileSystemStorage"}
# AWS_STORAGE_BUCKET_NAME and AWS_PRIVATE_STORAGE_BUCKET_NAME move both to S3 (object_storage.py).
STORAGES.update(s3_storages(os.environ))
# --- end private media ---

# Content Security Policy (config/csp.py): public media may come from the bucket's address;
# CSP_REPORT_URI, if set, receives the browser's violation reports.
PRAXIS_CSP_MEDIA_ORIGINS = media_origins(os.environ)
PRAXIS_CSP_REPORT_URI = os.environ.get("CSP_REPORT_URI", "").strip()
PRAXIS_CSP_REPORT_ONLY = False

# --- Cache and sessions (config/settings/cache.py): Redis with REDIS_URL, else per process ---
from .cache import SESSION_ENGINE, caches  # noqa: E402, F401

CACHES = caches(os.environ.get("REDIS_URL", ""))
# Full-page cache for anonymous visitors (cms/middleware.py); max-age tells browsers and proxies.
PRAXIS_PAGE_CACHE = env_bool("PRAXIS_PAGE_CACHE", True)
PRAXIS_PAGE_CACHE_TIMEOUT = int(os.environ.get("PRAXIS_PAGE_CACHE_TIMEOUT", "600"))
PRAXIS_PAGE_CACHE_MAX_AGE = int(os.environ.get("PRAXIS_PAGE_CACHE_MAX_AGE", "60"))
# After authentication and messages (it asks who is signed in), the page cache outside routing.
_after = MIDDLEWARE.index("django.middleware.clickjacking.XFrameOptionsMiddleware") + 1
MIDDLEWARE[_after:_after] = ["cms.middleware.PageCacheMiddleware", "cms.middleware.PageRoutingMiddleware"]
# --- end cache ---

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Praxis <no-reply@praxis.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Slow work (emails, bulk PDF rendering) goes through django-tasks; the immediate backend runs
# it in the request (development, tests). Production queues it in the database for the worker
# (`manage.py db_worker`); see production.py.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- CPD records (learning_records) ------------------------------------------------------------
# Evidence files are personal: they live in the private storage above and reach only their
# owner through learning_records' download view.
CPD_EVIDENCE_MAX_BYTES = int(os.environ.get("CPD_EVIDENCE_MAX_BYTES", str(10 * 1024 * 1024)))
CPD_EVIDENCE_MAX_FILES_PER_RECORD = 10
# ----------------------------------------------------------------------------------------------
# Practice Leader Development Programme (learning_records, programme area).
# How long the manager's link to agree a service development project stays valid.
PROGRAMME_AGREEMENT_LINK_DAYS = int(os.environ.get("PROGRAMME_AGREEMENT_LINK_DAYS", "14"))
# A mentor is emailed about days waiting for confirmation at most once in this many hours.
PROGRAMME_MENTOR_REMINDER_HOURS = 24

# Wagtail
WAGTAIL_SITE_NAME = "Praxis"
WAGTAILADMIN_BASE_URL = os.environ.get("SITE_URL", "http://localhost:8000").rstrip("/")
# Searches stem words as English, and PostgreSQL parses a search's words once rather than for
# every index entry (search/migrations/0003_search_index_stemmed_in_english.py); SQLite ignores it.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "english"}
}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_ENABLE_UPDATE_CHECK = False
TAGGIT_CASE_INSENSITIVE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Security events (members/security_log.py) are JSON lines kept whatever LOG_LEVEL says.
        "praxis.security": {"level": "INFO"},
    },
}

# --- Certificates (learning_records/certificates) ---
# Serial numbers read PREFIX-YEAR-NUMBER, e.g. PRX-2026-000123.
PRAXIS_CERTIFICATE_SERIAL_PREFIX = os.environ.get("PRAXIS_CERTIFICATE_SERIAL_PREFIX", "PRX")
# The Ed25519 private key that signs Open Badges credentials: a PEM (PKCS#8) or a JWK (JSON).
# Production refuses to start without it; dev and tests derive a throwaway key from SECRET_KEY.
# `manage.py generate_signing_key` prints a new one.
PRAXIS_SIGNING_KEY = os.environ.get("PRAXIS_SIGNING_KEY", "")
# Public verification lookups allowed per client address in each window (seconds).
PRAXIS_VERIFY_RATE_LIMIT = int(os.environ.get("PRAXIS_VERIFY_RATE_LIMIT", "30"))
PRAXIS_VERIFY_RATE_WINDOW = int(os.environ.get("PRAXIS_VERIFY_RATE_WINDOW", "600"))
# How many reverse proxies in front of the app append to X-Forwarded-For (0: use REMOTE_ADDR).
PRAXIS_TRUSTED_PROXY_COUNT = int(os.environ.get("PRAXIS_TRUSTED_PROXY_COUNT", "0"))
# The largest PDF the verification page will hash when someone checks a file they were sent.
PRAXIS_VERIFY_UPLOAD_MAX_BYTES = 10 * 1024 * 1024
# WeasyPrint reports each rendering step at INFO; only its warnings are worth reading.
LOGGING["loggers"]["weasyprint.progress"] = {"level": "WARNING"}
# --- end certificates ---
