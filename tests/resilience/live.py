"""The site in its own server process, reaching PostgreSQL through a proxy the test can stop.

The server reads the test database (a ``transactional_db`` test commits what it builds), so the
proxy stands between a real server and a real database, as a network fault would.
"""

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.db import connection

from tests.resilience.listeners import Proxy, free_port

BASE_DIR = Path(__file__).resolve().parents[2]
SERVER_PORT = free_port()
DATABASE_PROXY_PORT = free_port()


@dataclass
class Answer:
    status: int
    headers: dict
    body: str
    seconds: float


def fetch(url, timeout=15, headers=None):
    request = urllib.request.Request(url, headers=headers or {})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            status, answer_headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, answer_headers, body = error.code, error.headers, error.read()
    return Answer(status, dict(answer_headers), body.decode("utf-8", "replace"),
                  time.monotonic() - started)


@dataclass
class LiveSite:
    url: str
    database_proxy: Proxy
    process: subprocess.Popen
    log: Path

    def get(self, path, **kwargs):
        return fetch(self.url + path, **kwargs)


def needs_postgresql():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        pytest.skip("the outage tests run a server against PostgreSQL (set DATABASE_URL)")


def start_live_site(log, extra_env=None):
    """The server, its output (stdout and stderr) going to the file ``log``."""
    settings = connection.settings_dict
    proxy = Proxy(DATABASE_PROXY_PORT, (settings["HOST"] or "127.0.0.1", int(settings["PORT"] or 5432)))
    user = settings["USER"] or "postgres"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.resilience.live_settings",
        "DATABASE_URL": f"postgres://{user}@127.0.0.1:{DATABASE_PROXY_PORT}/{settings['NAME']}",
        "PYTHONUNBUFFERED": "1",
        "LIVE_CACHE_PREFIX": f"resilience-live-{uuid.uuid4().hex}",
        **(extra_env or {}),
    }
    process = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{SERVER_PORT}", "--noreload",
         "--skip-checks"],
        cwd=BASE_DIR, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
    )
    site = LiveSite(f"http://127.0.0.1:{SERVER_PORT}", proxy, process, log)
    started = time.monotonic()
    while time.monotonic() - started < 60:
        try:
            site.get("/livez", timeout=2)
            return site
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.3)
    stop_live_site(site)
    raise RuntimeError("the site server did not start:\n" + log.read_text())


def stop_live_site(site):
    site.process.terminate()
    try:
        site.process.wait(10)
    except subprocess.TimeoutExpired:
        site.process.kill()
        site.process.wait(5)
    site.database_proxy.stop()
