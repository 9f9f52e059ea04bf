"""The submission and peer-review pipeline (DESIGN.md "The peer-review pipeline").

A part of the ``publications`` app (same app label, same migrations), kept in its own package so
that the public publication pages in ``publications/`` stay apart from the private pipeline that
feeds them.
"""
