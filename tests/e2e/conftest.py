"""Browser journeys: the real site, served by its own server process with the demo content, driven
by Playwright through Debian's Chromium (/usr/bin/chromium; no browser is ever downloaded).

The server runs in a separate process with a database of its own, migrated and filled by
``load_demo`` once per test session, so the journeys see what a visitor of ``make run`` sees.
Journeys talk to it only over HTTP; they never touch its database directly (Playwright's sync API
runs an event loop, and Django refuses ORM calls inside one).
"""

import email
import email.policy
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from playwright.sync_api import expect

# The machine is small and shared: give the site time to answer before a journey gives up.
expect.set_options(timeout=30_000)

BASE_DIR = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
AXE_JS = BASE_DIR / ".tools" / "node_modules" / "axe-core" / "axe.min.js"
REPORTS_DIR = BASE_DIR / "reports"
DEMO_PASSWORD = "jcmi-demo-2026"


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _e2e_database_url(tmp_dir):
    """SQLite in the run's folder, or (on the PostgreSQL run) a fresh database beside the test
    database, so the journeys run on the same engine as the rest of the suite."""
    main_url = os.environ.get("DATABASE_URL", "")
    if not main_url.startswith("postgres"):
        return f"sqlite:///{tmp_dir / 'site.sqlite3'}"
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(main_url)
    # One per pytest-xdist worker: a worker that runs a journey file starts its own site.
    name = f"{config['NAME']}_e2e{os.environ.get('PYTEST_XDIST_WORKER', '')}"
    admin_dsn = main_url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_dsn, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    return main_url.rsplit("/", 1)[0] + f"/{name}"


def _manage(args, env, timeout=900):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"manage.py {' '.join(args)} failed:\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}"
        )
    return result.stdout


def _wait_until_up(url, process, log_path, deadline=120):
    start = time.monotonic()
    while time.monotonic() - start < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"The site server exited:\n{log_path.read_text()[-5000:]}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.5)
    raise RuntimeError(f"The site server did not answer in time:\n{log_path.read_text()[-5000:]}")


class Site:
    """The running site: its base URL and what the journeys need to know about its content."""

    def __init__(self, base_url, env):
        self.base_url = base_url
        self.env = env
        self.mail_dir = Path(env["E2E_EMAIL_DIR"])

    def url(self, path):
        return self.base_url + path

    def inventory(self):
        """One live page per page type and language (every public template), and the id of each
        of those pages, as the server's own database knows them (asked through manage.py)."""
        script = BASE_DIR / "tests" / "e2e" / "page_inventory.py"
        output = _manage(["shell", "-c", script.read_text()], self.env)
        return json.loads(output.strip().splitlines()[-1])

    def page_url(self, language, page_type):
        return self.inventory()["pages"][language][page_type]

    def page_id(self, url):
        return self.inventory()["ids"][url]

    def mails(self, to):
        """Every e-mail the site has sent to this address so far, oldest first, as
        ``(subject, plain-text body)``; the server writes them to the run's mail folder."""
        found = []
        paths = sorted(self.mail_dir.glob("*.log"), key=lambda path: path.stat().st_mtime_ns)
        for path in paths:
            # Django's file backend writes each message followed by a line of 79 dashes.
            # As bytes: a body sent as 8-bit UTF-8 (French, Arabic) is decoded right only then.
            for raw in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
                if not raw.strip():
                    continue
                message = email.message_from_bytes(raw.strip() + b"\n",
                                                   policy=email.policy.default)
                if to.lower() not in str(message.get("To", "")).lower():
                    continue
                body = message.get_body(preferencelist=("plain",))
                found.append((str(message["Subject"]), body.get_content() if body else ""))
        return found

    def wait_for_mail(self, to, subject_pattern, timeout=30):
        """The newest e-mail to this address whose subject matches; the site sends them through
        its task queue (immediate here), so it is normally there already."""
        start = time.monotonic()
        while True:
            matching = [m for m in self.mails(to) if re.search(subject_pattern, m[0])]
            if matching:
                return matching[-1]
            if time.monotonic() - start > timeout:
                sent = [subject for subject, _body in self.mails(to)]
                raise AssertionError(f"No e-mail to {to} matching {subject_pattern!r}; "
                                     f"sent to them: {sent}")
            time.sleep(0.2)


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    if os.environ.get("E2E_BASE_URL"):
        # While writing a journey: reuse a server you started yourself with these settings and
        # the same E2E_* variables (see tests/e2e/site_settings.py), instead of a new one.
        yield Site(os.environ["E2E_BASE_URL"].rstrip("/"), dict(os.environ))
        return
    tmp_dir = tmp_path_factory.mktemp("e2e-site")
    port = _free_port()
    base_url = f"http://127.0.0.1:{port}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.e2e.site_settings",
        "E2E_DATABASE_URL": _e2e_database_url(tmp_dir),
        "E2E_MEDIA_ROOT": str(tmp_dir / "media"),
        "E2E_PRIVATE_MEDIA_ROOT": str(tmp_dir / "private"),
        "E2E_EMAIL_DIR": str(tmp_dir / "mail"),
        "E2E_SITE_URL": base_url,
        "PYTHONUNBUFFERED": "1",
    }
    env.pop("DATABASE_URL", None)
    _manage(["migrate", "--noinput", "-v", "0"], env)
    _manage(["load_demo"], env)

    log_path = tmp_dir / "server.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=BASE_DIR,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_until_up(base_url + "/healthz", process, log_path)
        yield Site(base_url, env)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
    server_errors = [line for line in log_path.read_text().splitlines() if '" 500 ' in line]
    assert not server_errors, "The site answered 500 during the journeys:\n" + "\n".join(
        server_errors
    )


# One browser per module, not per session: Playwright's sync API runs its event loop in the main
# thread for as long as it is open, and Django refuses database calls in a thread with a running
# loop. Spread over workers by file, a worker runs database tests after a journey's module; by
# then this browser and its loop are gone.
@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-default-apps",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
            ],
        )
        yield browser
        browser.close()


class BrowserProblems:
    """Console errors, CSP violations, failed requests and 5xx answers a page produced."""

    def __init__(self, page, base_url):
        self.items = []
        self.base_url = base_url
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.items.append(f"JavaScript error: {error}"))
        page.on("response", self._on_response)
        page.on("requestfailed", self._on_request_failed)

    def _on_console(self, message):
        # Chromium also logs every 4xx answer as an error ("Failed to load resource"); 4xx are
        # often the right answer (the admin's autosave validating a half-typed form), and 5xx
        # are caught below from the responses themselves.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.items.append(f"console error: {message.text}")

    def _on_response(self, response):
        if response.status >= 500:
            self.items.append(f"{response.status} from {response.url}")

    def _on_request_failed(self, request):
        # Anything off our origin is refused on purpose (no network here, and no third-party
        # request before consent); a failed request to our own origin is a bug.
        if request.url.startswith(self.base_url) and request.failure != "net::ERR_ABORTED":
            self.items.append(f"request failed: {request.url} ({request.failure})")

    def take(self):
        items, self.items = self.items, []
        return items


@pytest.fixture
def new_page(browser, site):
    """Opens a page in a fresh browser context (its own cookies: one person each)."""
    contexts = []

    def open_page(locale="en-GB"):
        context = browser.new_context(
            base_url=site.base_url, locale=locale, viewport={"width": 1280, "height": 900}
        )
        # No request may leave the machine: there is no network here, and the site must make
        # no third-party request before consent. BrowserProblems ignores these refusals.
        context.route(
            lambda url: not url.startswith(site.base_url),
            lambda route: route.abort("blockedbyclient"),
        )
        context.set_default_timeout(30_000)
        context.set_default_navigation_timeout(60_000)
        contexts.append(context)
        page = context.new_page()
        page.problems = BrowserProblems(page, site.base_url)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


def log_in(page, username, password=DEMO_PASSWORD, next_path="/admin/"):
    page.goto(f"/admin/login/?next={next_path}")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**{next_path}")


def run_axe(page):
    """axe-core's WCAG 2.2 A/AA rules and its best practices (heading order, unique landmarks,
    content inside landmarks) on the current page; returns the violations, of every impact.
    Evaluated through the DevTools protocol, which the page's own CSP does not govern."""
    page.evaluate(AXE_JS.read_text())
    return page.evaluate(
        """async () => {
            const result = await axe.run(document, {
                runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                                  "wcag22aa", "best-practice"]},
                resultTypes: ["violations"],
            });
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
            }));
        }"""
    )


def write_report(name, data):
    REPORTS_DIR.mkdir(exist_ok=True)
    (REPORTS_DIR / name).write_text(json.dumps(data, indent=2, ensure_ascii=False))
