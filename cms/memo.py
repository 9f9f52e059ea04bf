"""A bounded, thread-safe memory of recent values, kept in the process (one per worker)."""

import threading
from collections import OrderedDict

_MISSING = object()


class RecentValues:
    """The ``size`` values this process stored last; the oldest go first.

    For values whose key says when they change (a page's facet values under its last
    publication time) or that are only a guess checked elsewhere: nothing here expires.
    """

    def __init__(self, size):
        self.size = size
        self._values = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, default=None):
        return self._values.get(key, default)

    def get_many(self, keys):
        # One lookup per key: another thread may drop a key between a test and a read.
        found = {}
        for key in keys:
            value = self._values.get(key, _MISSING)
            if value is not _MISSING:
                found[key] = value
        return found

    def set_many(self, values):
        with self._lock:
            for key, value in values.items():
                self._values[key] = value
                self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)

    def set(self, key, value):
        self.set_many({key: value})

    def clear(self):
        with self._lock:
            self._values.clear()
