"""The development server on PostgreSQL keeps no connection per request: after many requests
the database has as many connections from it as before (PITFALLS: conn_max_age under
runserver)."""

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

BASE_DIR = Path(settings.BASE_DIR)
pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs PostgreSQL (DATABASE_URL)",
)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def server_connections(dsn, database):
    """Connections to ``database`` other than this one's own."""
    with psycopg.connect(dsn, connect_timeout=5, autocommit=True) as conn:
        return conn.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [database],
        ).fetchone()[0]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def test_the_dev_server_keeps_no_connection_per_request(db):
    database = connection.settings_dict["NAME"]
    params = connection.settings_dict
    dsn = (f"postgresql://{params['USER']}@{params['HOST'] or '127.0.0.1'}:"
           f"{params['PORT'] or 5432}/{database}")
    port = free_port()
    env = {**os.environ, "DATABASE_URL": dsn, "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
           "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload",
         "--skip-checks"],
        cwd=BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/en/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                get(url)
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise AssertionError("the development server did not start") from None
                time.sleep(0.3)
        before = server_connections(dsn, database)
        # A browser keeps several connections open to the server, each served by a thread of
        # its own for as long as it stays open; clicking sends requests over all of them.
        clients = [http.client.HTTPConnection("127.0.0.1", port, timeout=10) for _n in range(20)]
        try:
            statuses = []
            for _round in range(3):
                for client in clients:
                    # A search always reads the database (a page may come from the cache).
                    client.request("GET", "/en/search/?q=network")
                    response = client.getresponse()
                    response.read()
                    statuses.append(response.status)
            assert max(statuses) < 500, statuses
            time.sleep(0.5)
            during = server_connections(dsn, database)
        finally:
            for client in clients:
                client.close()
        assert during <= before + 1, (before, during)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
