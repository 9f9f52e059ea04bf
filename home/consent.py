"""Cookie consent: the categories a visitor can accept and the first-party cookie that keeps them.

The cookie ``jcmi_consent`` holds the accepted category keys, comma-separated
(``necessary,video``). static/js/consent.js reads and writes the same cookie in the browser;
this module does so for visitors without JavaScript and for the server-rendered notice.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

COOKIE_NAME = "jcmi_consent"
COOKIE_MAX_AGE = 60 * 60 * 24 * 180  # ask again after about six months


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    help: str
    required: bool = False


CATEGORIES = [
    Category(
        "necessary",
        _("Strictly necessary"),
        _("Keep you signed in, protect forms against forgery and remember this choice. "
          "Always on."),
        required=True,
    ),
    Category("performance", _("Performance"),
             _("Count visits anonymously so that we can see which pages help people.")),
    Category("functionality", _("Functionality"),
             _("Remember preferences such as the language you read the site in.")),
    Category("targeting", _("Targeting"),
             _("Let partners' services show content based on your interests.")),
    Category("video", _("External media"),
             _("Load video players from YouTube and Vimeo, which set their own cookies.")),
]
KEYS = [category.key for category in CATEGORIES]
REQUIRED = [category.key for category in CATEGORIES if category.required]


def accepted_categories(request):
    """The keys the visitor accepted, or None when they have not chosen yet."""
    raw = request.COOKIES.get(COOKIE_NAME)
    if raw is None:
        return None
    chosen = {key.strip() for key in raw.split(",")}
    return [key for key in KEYS if key in chosen or key in REQUIRED]


def categories_from_choice(choice, selected):
    """Turn the notice's submitted button and ticked boxes into the accepted keys."""
    if choice == "all":
        return list(KEYS)
    if choice == "necessary":
        return list(REQUIRED)
    if choice == "selected":
        selected = set(selected)
        return [key for key in KEYS if key in selected or key in REQUIRED]
    raise ValueError(f"unknown consent choice {choice!r}")


def set_consent_cookie(response, categories, secure=False):
    response.set_cookie(
        COOKIE_NAME,
        ",".join(categories),
        max_age=COOKIE_MAX_AGE,
        samesite="Lax",
        secure=secure,
        httponly=False,  # consent.js must read it to know what it may load
    )
    return response
