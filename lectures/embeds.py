"""Wagtail embed finders that never put a third-party player on a page before consent.

``PrivacyVideoFinder`` comes first in WAGTAILEMBEDS_FINDERS: it builds YouTube (youtube-nocookie)
and Vimeo (do-not-track) players from the address alone, so saving and rendering need no network.
``ConsentOEmbedFinder`` asks other oEmbed providers (when the network allows) and turns their
iframe into the same click-to-load facade; providers whose player is a script are refused, since
they could not wait for consent.
"""

from django.utils.html import format_html
from wagtail.embeds.exceptions import EmbedNotFoundException
from wagtail.embeds.finders.base import EmbedFinder
from wagtail.embeds.finders.oembed import OEmbedFinder

from .video import iframe_src, parse_video_url


def facade_html(player_url, provider_name, title="", play_url=None, poster_url=""):
    """Language-neutral markup: it is cached in the Embed table, so it carries no UI strings.

    The player address sits only in a data attribute; static/js/video-facade.js swaps the facade
    for the iframe when the visitor clicks or has accepted the video cookie category. A poster is
    given only at render time (``video_block_facade``): a static address stored in the Embed
    table would go stale with the next hashed static file name.
    """
    label = f"▶ {title or provider_name}"
    button = format_html(
        '<button type="button" class="video-facade__play" data-video-play>{}</button>', label
    )
    if poster_url:
        button = format_html(
            '<div class="video-facade__stage" data-video-stage>'
            '<img class="video-facade__poster" src="{}" alt="" width="1280" height="720">{}</div>',
            poster_url, button,
        )
    return format_html(
        '<div class="video-facade" data-video-facade data-embed-src="{}" data-play-src="{}"'
        ' data-provider="{}" data-title="{}">{}</div>',
        player_url,
        play_url or player_url,
        provider_name,
        title,
        button,
    )


def video_block_facade(url, title):
    """The facade of a video block in a page body, with its title and the local poster.

    Built when the page renders, from the address alone for YouTube and Vimeo (other providers'
    player comes from their stored oEmbed facade), so the title can be the block's own or a
    word in the visitor's language. None when the address is not a video we can play.
    """
    from django.templatetags.static import static

    from .video import video_for_url

    source = video_for_url(url)
    if source is None:
        return None
    return facade_html(
        source.player_url(autoplay=False), source.provider_name, title=title,
        play_url=source.player_url(autoplay=True), poster_url=static("img/video-poster.svg"),
    )


class PrivacyVideoFinder(EmbedFinder):
    def __init__(self, **options):
        self.options = options

    def accept(self, url):
        return parse_video_url(url) is not None

    def find_embed(self, url, max_width=None, max_height=None):
        source = parse_video_url(url)
        if source is None:
            raise EmbedNotFoundException
        return {
            "title": "",
            "author_name": "",
            "provider_name": source.provider_name,
            "type": "video",
            # Never the host's thumbnail: loading it would be a request to the host.
            "thumbnail_url": "",
            "width": 1280,
            "height": 720,
            "html": facade_html(
                source.player_url(autoplay=False), source.provider_name,
                play_url=source.player_url(autoplay=True),
            ),
        }


class ConsentOEmbedFinder(OEmbedFinder):
    def find_embed(self, url, max_width=None, max_height=None):
        result = super().find_embed(url, max_width=max_width, max_height=max_height)
        player = iframe_src(result.get("html"))
        if result.get("type") != "video" or not player or not player.startswith("https://"):
            raise EmbedNotFoundException("This provider's player cannot wait for consent.")
        result["html"] = facade_html(
            player, result.get("provider_name", ""), result.get("title", "")
        )
        result["thumbnail_url"] = ""
        return result


embed_finder_class = PrivacyVideoFinder
