"""Settings for the CSAT upload portal, read from the environment.

Every variable is listed in `.env.example`. With none set, the portal runs on
SQLite, an embedded Redis under `var/`, and the built-in MaestroQA sandbox.
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from csatportal import embedded_redis
from csatportal.env import env_bool, env_int, env_list, env_secret, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("CSATPORTAL_VAR_DIR", str(BASE_DIR / "var")))

# Django
DEBUG = env_bool("DJANGO_DEBUG", True)
SECRET_KEY = env_secret("DJANGO_SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off.")
    SECRET_KEY = "dev-only-insecure-key-for-make-run"
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])
PORTAL_URL = env_str("PORTAL_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",  # intcomma: "Submit 113,512 rows" (QA round 38a)
    "django_rq",
    "axes",
    "csp",
    "uploads",
    "sandbox",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "csatportal.urls"
WSGI_APPLICATION = "csatportal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "uploads.context_processors.portal",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL names another (Postgres).
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the pages read while a delivery job writes (issue 5).
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # login throttling: must come first
    "django.contrib.auth.backends.ModelBackend",
    "uploads.access.AdminRoleBackend",  # admins (staff or the "Admins" group) manage the portal's models
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "uploads:home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
WHITENOISE_USE_FINDERS = DEBUG
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "csat-portal@localhost")

# Uploads
UPLOAD_MAX_BYTES = env_int("UPLOAD_MAX_MB", 50, minimum=1) * 1024 * 1024
UPLOAD_MAX_ROWS = env_int("UPLOAD_MAX_ROWS", 200_000, minimum=1)
UPLOAD_MAX_COLUMNS = env_int("UPLOAD_MAX_COLUMNS", 500, minimum=1)
# A zip-based workbook's declared unzipped size, checked before parsing (issue 3): a 120-column survey of 60,000
# responses unzips to about 270 MB (QA round 68b)
UPLOAD_MAX_UNZIPPED_BYTES = env_int("UPLOAD_MAX_UNZIPPED_MB", 500, minimum=1) * 1024 * 1024
UPLOAD_DEFAULT_TIME_ZONE = env_str("UPLOAD_DEFAULT_TIME_ZONE", "UTC")
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# MaestroQA
MAESTROQA_API_TOKEN = env_secret("MAESTROQA_API_TOKEN")
MAESTROQA_SANDBOX = not MAESTROQA_API_TOKEN
MAESTROQA_API_URL = (
    f"{PORTAL_URL}/sandbox/api/v1"
    if MAESTROQA_SANDBOX
    else env_str("MAESTROQA_API_URL", "https://app.maestroqa.com/api/v1").rstrip("/")
)
if not MAESTROQA_API_URL.startswith(("http://", "https://")):
    raise ImproperlyConfigured("MAESTROQA_API_URL must start with http:// or https://.")
MAESTROQA_BATCH_SIZE = env_int("MAESTROQA_BATCH_SIZE", 100, minimum=1, maximum=100)
MAESTROQA_MAX_REQUESTS_PER_SECOND = env_int("MAESTROQA_MAX_REQUESTS_PER_SECOND", 10, minimum=1)
MAESTROQA_MAX_REQUESTS_PER_MINUTE = env_int("MAESTROQA_MAX_REQUESTS_PER_MINUTE", 100, minimum=1)
# Safety margins added to the 1 s and 60 s windows: arrival jitter at the server must never
# put 11 requests in its second or 101 in its minute (issue 5). 100 ms let a busy server queue 11
# requests into one second (QA round 35b: one 429 in an 18,000-item delivery); 500 ms costs nothing
# but a first burst's half second, as the minute's 100 requests bound the rate.
MAESTROQA_SECOND_MARGIN_MS = env_int("MAESTROQA_SECOND_MARGIN_MS", 500)
MAESTROQA_MINUTE_MARGIN_MS = env_int("MAESTROQA_MINUTE_MARGIN_MS", 500)
MAESTROQA_READ_TIMEOUT_SECONDS = env_int("MAESTROQA_READ_TIMEOUT_SECONDS", 30, minimum=1)

# Delivery
# A delivery whose job has not written a heartbeat for this long is resumed by another worker;
# it must exceed the read timeout plus the longest wait slept inside a job (5 s).
DELIVERY_STALE_SECONDS = env_int("DELIVERY_STALE_SECONDS", 45, minimum=1)
# How often every idle worker looks for stale or lost deliveries.
DELIVERY_WATCHDOG_SECONDS = env_int("DELIVERY_WATCHDOG_SECONDS", 20, minimum=1)
# A job sends for at most this long, then queues its own continuation (never near the job timeout).
DELIVERY_SLICE_SECONDS = env_int("DELIVERY_SLICE_SECONDS", 600, minimum=1)
# Connection refused, 502 and 503 are retried this often (backoff from DELIVERY_BACKOFF_MS) before pausing.
DELIVERY_MAX_RETRIES = env_int("DELIVERY_MAX_RETRIES", 5, minimum=1)
DELIVERY_BACKOFF_MS = env_int("DELIVERY_BACKOFF_MS", 1000, minimum=1)
# An answer MaestroQA gave is stored even if the database is busy (locked, reconnecting) for this long.
DELIVERY_RECORD_RETRY_SECONDS = env_int("DELIVERY_RECORD_RETRY_SECONDS", 120, minimum=1)

# RQ
REDIS_URL = env_str("REDIS_URL")
if not REDIS_URL:
    REDIS_URL = embedded_redis.ensure_running(
        Path(env_str("CSATPORTAL_REDIS_SOCKET", str(VAR_DIR / "redis.sock")))
    )
RQ_QUEUES = {
    "default": {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 3600},
}
RQ = {"COMMIT_MODE": "on_db_commit", "WORKER_CLASS": "uploads.worker.DeliveryWorker"}

# Security. Behind a proxy that terminates TLS, it must set X-Forwarded-Proto.
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # the pages' scripts read the token from the form, not the cookie
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", True)

# Content Security Policy (django-csp): no inline script or style anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

# Login throttling (django-axes): a username+address pair is locked after AXES_FAILURE_LIMIT failures.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = env_int("AXES_COOLOFF_MINUTES", 30, minimum=1) / 60  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked.html"  # says how long the lockout lasts (AXES_COOLOFF_MINUTES)
AXES_IPWARE_PROXY_COUNT = env_int("AXES_PROXY_COUNT", 0)
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# Review and retention
REQUIRE_APPROVAL = env_bool("REQUIRE_APPROVAL", False)
RETENTION_DAYS = env_int("RETENTION_DAYS", 90, minimum=1)

# Logs: plain text, or one JSON object per line with LOG_FORMAT=json. The API token is redacted.
LOG_FORMAT = env_str("LOG_FORMAT", "text")
if LOG_FORMAT not in ("text", "json"):
    raise ImproperlyConfigured(f"LOG_FORMAT must be text or json, not {LOG_FORMAT!r}.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "csatportal.logs.RedactSecrets"}},
    "formatters": {
        "json": {"()": "csatportal.logs.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT, "filters": ["redact"]},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
