"""Settings of the site server that tests/resilience/live.py starts: the test settings with the
page cache on, in Redis (the test database number), with production's bounded waits."""

import os

from cms.cache import redis_cache
from cms.settings.test import *  # noqa: F401,F403

PAGE_CACHE_ENABLED = True
_redis = os.environ.get("REDIS_TEST_URL", "redis://127.0.0.1:6379/5")
# Each server start gets fresh keys (tests/resilience/live.py names the prefix).
_prefix = os.environ["LIVE_CACHE_PREFIX"]
CACHES = {
    "default": redis_cache(_redis, key_prefix=_prefix),
    "renditions": redis_cache(_redis, key_prefix=f"{_prefix}-renditions"),
}
