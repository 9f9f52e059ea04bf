"""What a page says about itself to search engines and link previews (OpenGraph, Twitter)."""

from django import template
from django.templatetags.static import static
from django.utils.text import Truncator
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from cms.page_cache import cached_fragment
from cms.text import rich_text_as_plain

register = template.Library()

DESCRIPTION_FIELDS = ("search_description", "intro", "summary", "hero_text", "abstract")
DEFAULT_IMAGE = "img/jcmi-share.png"


@register.simple_tag
def page_description(page, default=""):
    """The page's search description, or the first text field it has, as plain text."""
    for field in DESCRIPTION_FIELDS:
        value = getattr(page, field, None)
        if value and isinstance(value, str):
            return Truncator(rich_text_as_plain(value)).chars(200)
    return default


@register.simple_tag(takes_context=True)
def share_image(context, page=None):
    """Absolute URL and size of the image link previews show: the page's own or the site's."""
    request = context.get("request")
    page = page if isinstance(page, Page) else None
    return cached_fragment(request, "share-image", lambda: _share_image(request, page), page=page)


def _share_image(request, page):
    image = getattr(page, "social_image", None)
    rendition = None
    if image is not None:
        try:
            rendition = image.get_rendition("fill-1200x630")
        except SourceImageIOError:
            # An original lost from storage: link previews fall back to the site's image, as
            # Wagtail's {% image %} tag does for the page itself, rather than the page failing.
            rendition = None
    if rendition is not None:
        url, width, height = rendition.url, rendition.width, rendition.height
        alt = image.description or image.title
    else:
        url, width, height, alt = static(DEFAULT_IMAGE), 1200, 630, ""
    if request is not None and not url.startswith(("http://", "https://")):
        url = request.build_absolute_uri(url)
    return {"url": url, "width": width, "height": height, "alt": alt}
