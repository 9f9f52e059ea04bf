import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path):
    """Uploaded files from a test never land in the developer's media folders."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": str(tmp_path / "media")}},
        "private": {"BACKEND": "django.core.files.storage.FileSystemStorage",
                    "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None}},
    }


@pytest.fixture(autouse=True)
def _fresh_caches():
    """The cache outlives each test's rolled-back transaction: Wagtail's site root paths, the
    renditions and the menus cached by one test must not leak into the next, or a test passes
    alone and fails in the suite (a page whose URL is None, a query count that depends on order)."""
    for cache in caches.all():
        cache.clear()
