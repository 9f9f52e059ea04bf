"""`manage.py check --deploy` is clean under the production settings, and a visitor's browser
receives the security headers the production site promises."""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]


def production_env(**extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE", "DEBUG"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="jcmi.example",
        CSRF_TRUSTED_ORIGINS="https://jcmi.example",
        BASE_URL="https://jcmi.example",
        REDIS_URL="redis://127.0.0.1:6379/7",
        **extra,
    )
    return env


def run_python(code, env):
    return subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=env, capture_output=True, text=True,
        timeout=300,
    )


def test_check_deploy_reports_no_issue_under_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR, env=production_env(), capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_check_deploy_fails_when_production_has_no_shared_cache():
    # Rate limits and lock-outs must be counted in one place for all workers: without Redis
    # the deployment check refuses the configuration.
    env = production_env()
    env.pop("REDIS_URL")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode != 0
    assert "django_ratelimit.E003" in result.stdout + result.stderr


FETCH_HEADERS = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client, override_settings
# Only the static files manifest (made by collectstatic at deploy time) is not there in a test.
plain_static = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
client = Client(HTTP_HOST="jcmi.example")
with override_settings(STORAGES=plain_static):
    insecure = client.get("/robots.txt")
    secure = client.get("/robots.txt", secure=True)
print(json.dumps({
    "insecure": [insecure.status_code, insecure.headers.get("Location")],
    "secure": dict(secure.headers),
}))
"""


def test_production_sends_hsts_csp_and_friends_to_a_visitors_browser():
    result = run_python(FETCH_HEADERS, production_env())
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout.strip().splitlines()[-1])

    # Plain HTTP is redirected to HTTPS.
    assert answers["insecure"] == [301, "https://jcmi.example/robots.txt"]

    headers = answers["secure"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert "geolocation=()" in headers["Permissions-Policy"]
    policy = dict(
        directive.strip().split(" ", 1)
        for directive in headers["Content-Security-Policy"].split(";")
    )
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'self'"
