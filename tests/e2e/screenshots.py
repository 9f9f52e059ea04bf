"""Screenshots of every public page type, in every language, at a desktop and a phone width, so
that a person can look at them (``make screenshots``; the folder is git-ignored).

    python -m tests.e2e.screenshots [--base-url http://127.0.0.1:8000] [--out screenshots]
                                    [--languages en ar] [--full-page]

Without ``--base-url`` it serves the development database (``make demo`` fills it) on a free
port for the time it takes. The pages are those the browser tests check (page_inventory.py):
one live page per page type and language, and the views that are not pages. Each is taken
twice: as a first-time visitor sees it (the cookie notice shown) and after a choice of cookies.
Chromium is Debian's (/usr/bin/chromium), as in the browser tests.
"""

import argparse
import json
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

from tests.e2e.conftest import BASE_DIR, CHROMIUM, _free_port, _wait_until_up

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


def inventory(env):
    script = (BASE_DIR / "tests" / "e2e" / "page_inventory.py").read_text()
    result = subprocess.run([sys.executable, "manage.py", "shell", "-c", script], cwd=BASE_DIR,
                            env=env, capture_output=True, text=True, timeout=600, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def take(base_url, templates, out, full_page):
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=["--no-sandbox", "--disable-dev-shm-usage"])
        for width_name, (width, height) in WIDTHS.items():
            context = browser.new_context(base_url=base_url, viewport={"width": width,
                                                                        "height": height})
            # Nothing leaves the machine (no third-party request before consent anyway).
            context.route(lambda url: not url.startswith(base_url),
                          lambda route: route.abort("blockedbyclient"))
            page = context.new_page()
            for language, urls in templates.items():
                for consent_state in ("first-visit", "after-choice"):
                    if consent_state == "after-choice":
                        context.add_cookies([{"name": "jcmi_consent", "value": "necessary",
                                              "url": base_url}])
                    else:
                        context.clear_cookies()
                    for template, url in sorted(urls.items()):
                        page.goto(url)
                        name = re.sub(r"[^a-z0-9.]+", "-", f"{language}-{template}")
                        path = out / f"{name}-{width_name}-{consent_state}.png"
                        page.screenshot(path=str(path), full_page=full_page)
                        written.append(path)
            context.close()
        browser.close()
    return written


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base-url", help="a running site (default: serve the dev database)")
    parser.add_argument("--out", default=str(BASE_DIR / "screenshots"))
    parser.add_argument("--languages", nargs="*", help="default: every language")
    parser.add_argument("--full-page", action="store_true", help="the whole page, not the "
                        "first screen")
    options = parser.parse_args()

    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    found = inventory(env)
    templates = {language: found["templates"].get(language, {})
                 for language in (options.languages or found["languages"])}
    server = None
    base_url = (options.base_url or "").rstrip("/")
    if not base_url:
        port = _free_port()
        base_url = f"http://127.0.0.1:{port}"
        log_path = Path(options.out) / "server.log"
        log_path.parent.mkdir(parents=True, exist_ok=True)
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=BASE_DIR, env=env, stdout=log_path.open("w"), stderr=subprocess.STDOUT,
            start_new_session=True)
        _wait_until_up(base_url + "/livez", server, log_path)
    try:
        written = take(base_url, templates, Path(options.out), options.full_page)
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=10)
    print(f"{len(written)} screenshots in {options.out}")


if __name__ == "__main__":
    main()
