"""Settings shared by every environment. Values from the environment come from cms.env."""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from csp.constants import NONCE, NONE, SELF

from cms import env
from cms.cache import redis_cache
from cms.settings.s3 import s3_storages

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

SECRET_KEY = env.SECRET_KEY
DEBUG = env.DEBUG
ALLOWED_HOSTS = env.ALLOWED_HOSTS
CSRF_TRUSTED_ORIGINS = env.CSRF_TRUSTED_ORIGINS

INSTALLED_APPS = [
    "cms",
    "home",
    "publications",
    "lectures",
    "registrations",
    "search",
    # Before wagtail_localize, so its translation-editor template can be extended here.
    "translation",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
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
    "storages",
    "csp",
    "axes",
    "django_ratelimit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First: every response, error pages included, carries the id its log records carry.
    "cms.logs.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "cms.middleware.SiteCSPMiddleware",
    # WhiteNoise: compressed copies and a year's caching for fingerprinted files.
    "cms.middleware.StaticFilesMiddleware",
    # After WhiteNoise (static files come compressed already) and outside the page cache, which
    # keeps pages uncompressed: see cms.middleware.PageCompressionMiddleware for what is left out.
    "cms.middleware.PageCompressionMiddleware",
    # Outermost after static files, so it sees the final headers (Vary, Set-Cookie) of a page.
    "cms.page_cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "cms.sessions.SessionTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cms.storage.StorageErrorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.middleware.RateLimitMiddleware",
    # Last, as django-axes requires: turns a locked-out login attempt into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # cms is an installed app, listed first, so the app loader finds cms/templates first.
        # Listing that folder here too made it searched twice: a template that extends the one it
        # overrides (Wagtail's admin templates, cms/templates/wagtailadmin) then extended itself
        # once more and showed its additions twice.
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "csp.context_processors.nonce",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

DATABASES = {"default": env.database_config(BASE_DIR / "db.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# django-axes first: it refuses a locked-out login before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # OWASP ASVS 2.1.1: at least 12 characters (and not a common password, below).
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: English is the source locale; Arabic proves right-to-left layout.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("fr", "Français"),
    ("de", "Deutsch"),
    ("ar", "العربية"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
# Counts a visitor reads ("1,234 results", "1 234 résultats", "1.234 Ergebnisse") are grouped
# where they are shown, with humanize's ``intcomma`` (and ``floatformat`` with "g" for fees), not
# by USE_THOUSAND_SEPARATOR: that would group every number a template prints, ids in addresses
# and data attributes, page numbers in ``?page=`` links, years and totals in the OAI-PMH and
# Crossref XML, and break them past 999. Each locale's own format decides the separator; Django's
# Arabic format groups no digits, so Arabic counts stay ungrouped.

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = (
    {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": env.DEEPL_API_KEY},
    }
    if env.DEEPL_API_KEY
    else None
)
# Submitting a page for translation makes a draft in the target locale, never a live copy of the
# English text: the translation goes live through the moderation workflow (translation/moderation.py).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# gzip for pages when no proxy compresses them (COMPRESS_HTML; cms.middleware).
COMPRESS_HTML = env.COMPRESS_HTML

# Static and media files
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"
# Manuscripts and review files: outside MEDIA_ROOT, so nothing there is ever served directly.
PRIVATE_MEDIA_ROOT = BASE_DIR / "private-media"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Signed URLs for private files on S3 live this long (seconds).
PRIVATE_URL_EXPIRY = 300

# S3 (any S3-compatible store with AWS_S3_ENDPOINT_URL) when a bucket is named; see cms/storage.py.
# Credentials come the usual boto3 way (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, or a role).
if env.AWS_STORAGE_BUCKET_NAME:
    STORAGES.update(
        s3_storages(
            bucket=env.AWS_STORAGE_BUCKET_NAME,
            private_bucket=env.AWS_PRIVATE_STORAGE_BUCKET_NAME,
            endpoint_url=env.AWS_S3_ENDPOINT_URL,
            region_name=env.AWS_S3_REGION_NAME,
            custom_domain=env.AWS_S3_CUSTOM_DOMAIN,
            private_url_expiry=PRIVATE_URL_EXPIRY,
        )
    )
# Wagtail's document view checks the collection's privacy, then redirects to the file's URL
# (a signed one on S3). Off S3 it streams the file itself.
WAGTAILDOCS_SERVE_METHOD = "redirect" if env.AWS_STORAGE_BUCKET_NAME else "serve_view"
# Largest manuscript or review file an author or reviewer may upload (bytes).
SUBMISSION_MAX_UPLOAD_SIZE = 25 * 1024 * 1024

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Cache: local memory unless Redis is configured. With Redis hung or down, every cache call is a
# quick miss (bounded timeouts and a circuit breaker, cms/cache.py): pages render without it.
if env.REDIS_URL:
    CACHES = {
        "default": redis_cache(env.REDIS_URL),
        "renditions": redis_cache(env.REDIS_URL, key_prefix="renditions"),
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "renditions": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "renditions",
        },
    }

# Whole-page cache for anonymous visitors (cms/page_cache.py), invalidated on publish, unpublish
# and move. The cookie banner's choice changes the HTML, so it is part of the cache key.
PAGE_CACHE_ENABLED = True
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_TIMEOUT = 60 * 60
PAGE_CACHE_VARY_ON_COOKIES = ["jcmi_consent"]
# The query parameters that change a cached page: the listings' filters (publications/listing.py,
# lectures/archive.py), paging, and the cookie banner reopened. A request with any other is
# built afresh and not stored (tests/storage/test_page_cache_bounds.py checks the filters).
PAGE_CACHE_QUERY_PARAMETERS = {
    "page", "series", "topic", "year", "language", "author", "speaker", "kind", "video", "cookies",
}

# A CDN or reverse proxy in front of the site is told to drop the same pages (an HTTP PURGE to
# FRONTEND_CACHE_URL, as Varnish or nginx with a purge module accept).
if env.FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": env.FRONTEND_CACHE_URL,
        },
    }

# Background work: django-tasks. Immediate here; production uses the database backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# E-mail: every message is handed to a background task (cms/mail.py), which sends it through
# EMAIL_DELIVERY_BACKEND: SMTP from EMAIL_URL, else the console.
EMAIL_BACKEND = "cms.mail.TaskEmailBackend"
_email = env.email_config()
if _email:
    EMAIL_DELIVERY_BACKEND = _email["EMAIL_BACKEND"]
    EMAIL_HOST = _email["EMAIL_HOST"]
    EMAIL_PORT = _email["EMAIL_PORT"]
    EMAIL_HOST_USER = _email["EMAIL_HOST_USER"]
    EMAIL_HOST_PASSWORD = _email["EMAIL_HOST_PASSWORD"]
    EMAIL_USE_TLS = _email["EMAIL_USE_TLS"]
    EMAIL_USE_SSL = _email["EMAIL_USE_SSL"]
else:
    EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
EMAIL_TIMEOUT = env.EMAIL_TIMEOUT
DEFAULT_FROM_EMAIL = env.DEFAULT_FROM_EMAIL
SERVER_EMAIL = env.DEFAULT_FROM_EMAIL
EDITORS_EMAIL = env.EDITORS_EMAIL

# Crossref's deposit endpoint and where it reports each batch's result (publications.deposits).
CROSSREF_DEPOSIT_URL = f"{env.CROSSREF_SERVER}/servlet/deposit"
CROSSREF_RESULT_URL = f"{env.CROSSREF_SERVER}/servlet/submissionDownload"
CROSSREF_LOGIN = env.CROSSREF_LOGIN
CROSSREF_PASSWORD = env.CROSSREF_PASSWORD
CROSSREF_TIMEOUT = 20  # seconds, for each request to Crossref
# Deposit a work's original when it is published (else from the admin's "Crossref deposits").
CROSSREF_DEPOSIT_ON_PUBLISH = env.CROSSREF_DEPOSIT_ON_PUBLISH

# Wagtail
WAGTAIL_SITE_NAME = "JCMI Research and Education Network"
WAGTAILADMIN_BASE_URL = env.BASE_URL
WAGTAILIMAGES_IMAGE_MODEL = "cms.CustomImage"
WAGTAILDOCS_DOCUMENT_MODEL = "cms.CustomDocument"
# Refuses uploads whose content does not match their extension (cms.uploads).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "cms.uploads.ContentCheckedDocumentForm"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
# The last approval of a workflow publishes, whatever page rights the approver has.
WAGTAIL_FINISH_WORKFLOW_ACTION = "publications.moderation.publish_approved"
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Video players are built from the address alone (no network, no cookies before consent); other
# oEmbed providers are asked only when the network allows, and wrapped in the same facade.
WAGTAILEMBEDS_FINDERS = [
    {"class": "lectures.embeds.PrivacyVideoFinder"},
    {"class": "lectures.embeds.ConsentOEmbedFinder"},
]

WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if env.ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS["default"] = {
        # modelsearch's Elasticsearch 9 backend with per-language analysers (search/backends/).
        "BACKEND": "search.backends.elasticsearch",
        "URLS": [env.ELASTICSEARCH_URL],
        "INDEX_PREFIX": env.ELASTICSEARCH_INDEX_PREFIX,
        "TIMEOUT": env.ELASTICSEARCH_TIMEOUT,
        # One attempt per request: a retry would double the wait on a hung cluster.
        "OPTIONS": {"max_retries": 0},
    }

# Avatars from our own uploads only: no visitor or editor e-mail hash goes to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None

LOGIN_URL = "portal:login"
LOGIN_REDIRECT_URL = "/"


# Security headers. Production adds HTTPS-only settings (HSTS, secure cookies) on top.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# No page may be framed. Wagtail's preview views, which show the page in a same-origin iframe,
# set SAMEORIGIN themselves (wagtail.utils.decorators.xframe_options_sameorigin_override); the
# CSP's frame-ancestors says the same to current browsers.
X_FRAME_OPTIONS = "DENY"
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
    "browsing-topics": [],
    # The video players (after consent) may go full screen and play encrypted streams.
    "fullscreen": ["self", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "encrypted-media": ["self", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "picture-in-picture": ["self", "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
}


def _media_origins():
    """Where images and media are served from when they live on S3 rather than our host."""
    if env.AWS_S3_CUSTOM_DOMAIN:
        return [f"https://{env.AWS_S3_CUSTOM_DOMAIN}"]
    if env.AWS_S3_ENDPOINT_URL:
        parts = urlsplit(env.AWS_S3_ENDPOINT_URL)
        return [f"{parts.scheme}://{parts.netloc}"]
    if env.AWS_STORAGE_BUCKET_NAME:
        return [f"https://{env.AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"]
    return []


VIDEO_PLAYER_ORIGINS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]

# Public pages: scripts only from our own origin or inline with the request's nonce
# (<script nonce="{{ request.csp_nonce }}">), never 'unsafe-inline' or eval. Styles allow inline
# attributes because embeds and block templates size elements with style="…"; styles cannot
# run code. Video players are framed only from their privacy-friendly hosts, after consent.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", *_media_origins()],
        "media-src": [SELF, *_media_origins()],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, *VIDEO_PLAYER_ORIGINS],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    },
}
# The Wagtail admin's editing widgets still include inline scripts, so the admin gets its own,
# looser script policy; it is reached only by signed-in staff. Applied by cms.middleware.
ADMIN_CSP_URL_PREFIXES = ("/admin/",)
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:", *_media_origins()],
        "media-src": [SELF, *_media_origins()],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, *VIDEO_PLAYER_ORIGINS],
        "frame-ancestors": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
    },
}

# Sessions (cms/sessions.py): every session ends SESSION_ABSOLUTE_TIMEOUT after log-in; a staff
# session also after STAFF_SESSION_IDLE_TIMEOUT without a request. The cookie lasts no longer.
SESSION_ABSOLUTE_TIMEOUT = env.SESSION_ABSOLUTE_TIMEOUT
STAFF_SESSION_IDLE_TIMEOUT = env.STAFF_SESSION_IDLE_TIMEOUT
SESSION_COOKIE_AGE = int(SESSION_ABSOLUTE_TIMEOUT)

# Login throttling (django-axes) for every login form: the admin's and the author portal's.
# Five failures for one account from one address lock that pair out for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# One address trying many accounts is throttled as well: the log-in views are rate limited per
# address across accounts (cms/ratelimits.py), before any password is hashed.
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "cms/lockout.html"
AXES_CLIENT_IP_CALLABLE = "cms.client_ip.client_ip"

# Rate limits (django-ratelimit), counted in the default cache; see cms.ratelimits.
RATELIMIT_VIEW = "cms.ratelimits.rate_limited_view"
RATELIMIT_IP_META_KEY = "cms.client_ip.client_ip"
# With the cache (Redis) unreachable, nothing can be counted: let requests through rather than
# answer 429 to every visitor of search, the contact form and the portal. Login lock-out
# (django-axes) keeps its own records in the database.
RATELIMIT_FAIL_OPEN = True

# Image descriptions are required: templates render them as alt text.
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.forms.AccessibleImageForm"
