"""How long a signed-in session lasts (OWASP ASVS 3.3): every session ends
SESSION_ABSOLUTE_TIMEOUT seconds after log-in however busy it is, and a staff session (anyone who
can open the Wagtail admin) also ends after STAFF_SESSION_IDLE_TIMEOUT seconds without a request.

What the session needs is recorded at log-in, so an anonymous visit costs nothing and a signed-in
one no extra query; a staff session's last request is written at most once a minute.
"""

import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY, logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

STARTED = "jcmi_session_started"
LAST_SEEN = "jcmi_session_last_seen"
IS_STAFF = "jcmi_session_staff"
# How stale the recorded last request may be: saves a session write on every staff request.
LAST_SEEN_RESOLUTION = 60


def is_staff(user):
    return user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin")


@receiver(user_logged_in)
def _record_log_in(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    now = time.time()
    request.session[STARTED] = now
    request.session[LAST_SEEN] = now
    request.session[IS_STAFF] = is_staff(user)


def session_expired(session, now):
    started = session.get(STARTED, now)
    if now - started > settings.SESSION_ABSOLUTE_TIMEOUT:
        return True
    return bool(session.get(IS_STAFF)) and (
        now - session.get(LAST_SEEN, now) > settings.STAFF_SESSION_IDLE_TIMEOUT)


class SessionTimeoutMiddleware:
    """Ends an expired session before the view runs: the request goes on as an anonymous one, so
    the admin and the portal send it to their log-in page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = request.session
        if SESSION_KEY in session:
            now = time.time()
            if STARTED not in session:  # a session from before these rules: counts from now
                session[STARTED] = now
                session[LAST_SEEN] = now
                session[IS_STAFF] = is_staff(request.user)
            if session_expired(session, now):
                logout(request)
            elif session.get(IS_STAFF) and now - session.get(LAST_SEEN, 0) > LAST_SEEN_RESOLUTION:
                session[LAST_SEEN] = now
        return self.get_response(request)
