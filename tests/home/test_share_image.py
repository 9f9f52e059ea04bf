"""Link previews never take a page down: a lost original image falls back to the site's."""

import pytest

from cms.scale import ensure_images
from tests.search.tree import build_tree, publish

pytestmark = pytest.mark.django_db


def test_a_home_page_whose_hero_original_is_lost_still_renders(client):
    home = build_tree().home
    image = ensure_images(seed=3, count=1)[0]
    home.hero_image = image
    publish(home)
    image.file.storage.delete(image.file.name)  # the original is gone from storage

    response = client.get(home.url)
    assert response.status_code == 200
    og_image = response.content.decode().split('property="og:image" content="', 1)[1]
    assert og_image.split('"', 1)[0].startswith("http://testserver/static/")
