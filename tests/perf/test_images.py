"""Images reach visitors as responsive renditions: WebP where the browser takes it, sized."""

import re

import pytest
from wagtail.models import Page

from cms.scale import ensure_images
from home.models import StandardPage


@pytest.mark.django_db
def test_a_body_image_is_a_sized_webp_picture_with_a_jpeg_fallback(client):
    image = ensure_images(seed=1, count=1)[0]
    image.description = "Liaison officers meeting aid workers"
    image.save()
    root = Page.objects.get(depth=2)
    page = root.add_child(instance=StandardPage(
        title="Field coordination", slug="field-coordination",
        body=[{"type": "image", "value": {"image": image.pk, "caption": "", "credit": ""}}],
    ))

    html = client.get(page.url).content.decode()

    picture = re.search(r"<picture>.*?</picture>", html, re.S).group(0)
    sources = re.findall(r"<source[^>]+>", picture)
    webp = [tag for tag in sources if 'type="image/webp"' in tag]
    assert webp and re.search(r'srcset="[^"]+\.webp 480w, [^"]+\.webp 800w', webp[0])
    img = re.search(r"<img[^>]+>", picture).group(0)
    assert re.search(r'src="[^"]+\.jpg"', img)
    assert 'width="' in img and 'height="' in img
    assert 'alt="Liaison officers meeting aid workers"' in img
    assert "original_images" not in picture
