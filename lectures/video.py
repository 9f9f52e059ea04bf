"""Video addresses, read without the network.

A lecture's recording lives on YouTube or Vimeo. Everything the site needs to play it privately
(the provider, the video id, the player address on the host's cookie-less domain) follows from the
address alone, so pages render offline and no request reaches the host before the visitor agrees.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlencode, urlsplit

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_YOUTUBE_HOSTS = {
    "youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com",
    "youtube-nocookie.com", "www.youtube-nocookie.com",
}
_VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}


@dataclass(frozen=True)
class VideoSource:
    provider: str  # "youtube", "vimeo" or "oembed"
    provider_name: str
    video_id: str
    embed_url: str  # the player, on a privacy-friendly address
    watch_url: str  # the public page on the host

    def player_url(self, start=0, autoplay=True):
        """The player address, starting at ``start`` seconds (a chapter) once the visitor asks."""
        start = max(int(start or 0), 0)
        if self.provider == "youtube":
            params = {"rel": "0"}
            if autoplay:
                params["autoplay"] = "1"
            if start:
                params["start"] = str(start)
            return f"{self.embed_url}?{urlencode(params)}"
        if self.provider == "vimeo":
            params = {"dnt": "1"}
            if autoplay:
                params["autoplay"] = "1"
            url = f"{self.embed_url}?{urlencode(params)}"
            return f"{url}#t={start}s" if start else url
        return self.embed_url


def _youtube_id(parts):
    host = parts.hostname or ""
    segments = [s for s in parts.path.split("/") if s]
    candidate = ""
    if host == "youtu.be" and segments:
        candidate = segments[0]
    elif host in _YOUTUBE_HOSTS:
        if parts.path == "/watch":
            candidate = (parse_qs(parts.query).get("v") or [""])[0]
        elif len(segments) >= 2 and segments[0] in {"embed", "shorts", "live", "v"}:
            candidate = segments[1]
    return candidate if _YOUTUBE_ID.match(candidate) else None


def _vimeo_id(parts):
    host = parts.hostname or ""
    if host not in _VIMEO_HOSTS:
        return None
    segments = [s for s in parts.path.split("/") if s]
    if host == "player.vimeo.com":
        segments = segments[1:] if segments[:1] == ["video"] else []
    # vimeo.com/123456, vimeo.com/channels/x/123456, vimeo.com/123456/abcdef (unlisted hash)
    numeric = [s for s in segments if s.isdigit()]
    return numeric[0] if numeric else None


def parse_video_url(url):
    """A VideoSource for a YouTube or Vimeo address, or None for anything else."""
    try:
        parts = urlsplit((url or "").strip())
    except ValueError:
        return None
    if parts.scheme not in {"http", "https"}:
        return None
    youtube_id = _youtube_id(parts)
    if youtube_id:
        return VideoSource(
            provider="youtube",
            provider_name="YouTube",
            video_id=youtube_id,
            embed_url=f"https://www.youtube-nocookie.com/embed/{youtube_id}",
            watch_url=f"https://www.youtube.com/watch?v={youtube_id}",
        )
    vimeo_id = _vimeo_id(parts)
    if vimeo_id:
        return VideoSource(
            provider="vimeo",
            provider_name="Vimeo",
            video_id=vimeo_id,
            embed_url=f"https://player.vimeo.com/video/{vimeo_id}",
            watch_url=f"https://vimeo.com/{vimeo_id}",
        )
    return None


_IFRAME_SRC = re.compile(r"<iframe[^>]*\ssrc=[\"']([^\"']+)[\"']", re.IGNORECASE)
_DATA_SRC = re.compile(r"data-embed-src=[\"']([^\"']+)[\"']")


def video_for_url(url):
    """The VideoSource for any address a page may hold.

    YouTube and Vimeo are read from the address. Other providers went through oEmbed when the page
    was saved (see lectures.embeds); their stored facade holds the player address.
    """
    source = parse_video_url(url)
    if source or not url:
        return source
    from wagtail.embeds import embeds
    from wagtail.embeds.exceptions import EmbedException

    try:
        embed = embeds.get_embed(url)
    except EmbedException:
        return None
    match = _DATA_SRC.search(embed.html or "")
    if not match:
        return None
    import html

    player = html.unescape(match.group(1))
    return VideoSource(
        provider="oembed",
        provider_name=embed.provider_name or urlsplit(url).hostname or "",
        video_id="",
        embed_url=player,
        watch_url=url,
    )


def iframe_src(html):
    match = _IFRAME_SRC.search(html or "")
    return match.group(1) if match else None
