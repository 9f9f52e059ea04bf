"""The bounded in-process memory behind the page cache's key guesses and the search facets."""

from cms.memo import RecentValues


def test_it_keeps_the_latest_values_and_drops_the_oldest_first():
    memo = RecentValues(3)
    memo.set_many({"a": 1, "b": 2, "c": 3})
    memo.set("a", 10)  # refreshed: now the newest
    memo.set("d", 4)
    assert memo.get_many(["a", "b", "c", "d", "e"]) == {"a": 10, "c": 3, "d": 4}
    assert memo.get("b") is None and memo.get("b", "gone") == "gone"
    # A stored None is a value, not a miss.
    memo.set("n", None)
    assert memo.get_many(["n"]) == {"n": None}
    memo.clear()
    assert memo.get_many(["a", "c", "d", "n"]) == {}
