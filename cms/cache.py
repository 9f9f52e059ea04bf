"""Redis as a cache the site can live without.

django-redis with ``IGNORE_EXCEPTIONS`` turns a failed cache call into a miss, but each call
still waits for its socket timeout, and a page makes dozens of cache calls (the page cache, its
fragments, Wagtail's site lookup, rate limits). ``BreakerConnection`` makes the first failure
open a circuit for ``REDIS_RETRY_AFTER`` seconds: until then every connection attempt fails at
once, so a request pays one timeout at most and pages render without the cache. The first
attempt after that interval tries Redis again; nothing needs a restart.

``last_failure()`` tells the page cache when Redis was last unreachable from this process: an
invalidation that could not be written then is replayed (cms/page_cache.py).
"""

import logging
import threading
import time

from redis.connection import Connection
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from cms import env

logger = logging.getLogger(__name__)

_lock = threading.Lock()
_open_until = 0.0  # time.monotonic() before which Redis is not tried
_last_failure = None  # time.time() of the last failure seen by this process


def is_open():
    return time.monotonic() < _open_until


def last_failure():
    return _last_failure


def trip(error):
    """Redis failed: stop trying it for REDIS_RETRY_AFTER seconds."""
    global _open_until, _last_failure
    with _lock:
        already_open = is_open()
        _open_until = time.monotonic() + env.REDIS_RETRY_AFTER
        _last_failure = time.time()
    if not already_open:
        logger.warning("Redis unreachable (%s); cache bypassed for %ss", error,
                       env.REDIS_RETRY_AFTER)


def reset():
    """Forget failures (tests)."""
    global _open_until, _last_failure
    with _lock:
        _open_until, _last_failure = 0.0, None


def _refuse_while_open():
    if is_open():
        raise RedisConnectionError("Redis recently unreachable; not tried again yet")


class BreakerConnection(Connection):
    """A redis-py connection that fails fast while the circuit is open, and opens it on any
    connection error or timeout."""

    def connect(self):
        _refuse_while_open()
        try:
            return super().connect()
        except (RedisConnectionError, RedisTimeoutError, OSError) as error:
            trip(error)
            raise

    def send_packed_command(self, command, check_health=True):
        _refuse_while_open()
        try:
            return super().send_packed_command(command, check_health)
        except (RedisConnectionError, RedisTimeoutError, OSError) as error:
            trip(error)
            raise

    def read_response(self, *args, **kwargs):
        try:
            return super().read_response(*args, **kwargs)
        except (RedisConnectionError, RedisTimeoutError, OSError) as error:
            trip(error)
            raise


def redis_cache(location, key_prefix=""):
    """A CACHES entry for Redis at ``location`` with bounded waits and the circuit breaker."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": location,
        "KEY_PREFIX": key_prefix,
        "OPTIONS": {
            # A failed call is a miss (or a write not made), never an error page.
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": env.REDIS_CONNECT_TIMEOUT,
            "SOCKET_TIMEOUT": env.REDIS_TIMEOUT,
            "CONNECTION_POOL_KWARGS": {"connection_class": BreakerConnection},
        },
    }
