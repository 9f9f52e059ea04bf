#!/usr/bin/env python
"""The performance harness: builds corpora, serves them with gunicorn, measures, checks budgets.

    .venv/bin/python benchmarks/run.py                  # N = 500 and N = 5000
    .venv/bin/python benchmarks/run.py --sizes 500 --requests 10 --wrk-seconds 3   # a quick look

See benchmarks/README.md. Writes benchmarks/results/results.md (one Markdown report) and exits
1 when a budget is broken, 2 when the harness itself could not measure (a page that errors, a
server that does not start). Everything it talks to is on 127.0.0.1; every loop is bounded.
"""

import argparse
import gzip
import http.client
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"

# The budgets of issues 9 and 21. Timings are server CPU time (thread time, from the
# Server-Timing header), steadier than wall time on a shared machine; wall time is reported beside.
BUDGETS = {
    "page_p95_ms": 50,  # page-cache miss, every page type, at the largest size
    "cold_p95_ms": 100,  # built from nothing (no page cache, no fragments), at the largest size
    "search_p95_ms": 100,  # search and autocomplete, database backend, at the largest size
    "sitemap_p95_ms": 100,  # the sitemap index and a sitemap page, uncached
    "admin_p95_ms": 300,  # the admin's long listings, logged in
    "cached_vs_static": 0.5,  # cached page throughput / static file of the same size
    "miss_vs_static": 0.05,  # page-cache misses (a unique query string each) / static file
    "weight_kb": 100,  # HTML + CSS + JS, gzip-compressed, before images
}
WRK_TARGETS = ("home page", "publication", "lecture archive", "search")


class HarnessError(Exception):
    """Something kept the harness from measuring; the report says what."""


# --------------------------------------------------------------------------- environment

def environment(size, port, redis_db):
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("AWS_", "ELASTICSEARCH_", "DJANGO_SETTINGS"))}
    env.update(
        DJANGO_SETTINGS_MODULE="benchmarks.settings",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{database_name(size)}",
        REDIS_URL=f"redis://127.0.0.1:6379/{redis_db}",
        SECRET_KEY="benchmark-only-key-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        BASE_URL=f"http://127.0.0.1:{port}",
        PYTHONUNBUFFERED="1",
    )
    return env


# Corpus databases are named <prefix>_<N>; --db-prefix lets two people on one machine keep theirs.
DATABASE_PREFIX = os.environ.get("BENCH_DB_PREFIX", "jcmi_bench")


def database_name(size):
    return f"{DATABASE_PREFIX}_{size}"


def manage(env, *args, log=None):
    started = time.monotonic()
    result = subprocess.run(
        [str(PYTHON), "manage.py", *args], cwd=ROOT, env=env, text=True,
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=3600,
    )
    if log is not None:
        log.write(f"$ manage.py {' '.join(args)}\n{result.stdout}\n")
    if result.returncode != 0:
        raise HarnessError(f"manage.py {' '.join(args)} failed:\n{result.stdout[-3000:]}")
    return time.monotonic() - started, result.stdout


def postgres(sql, database="postgres"):
    import psycopg

    with psycopg.connect(f"postgresql://postgres@127.0.0.1:5432/{database}",
                         autocommit=True) as connection:
        return connection.execute(sql).fetchall() if sql.lstrip().upper().startswith(
            "SELECT") else connection.execute(sql)


def prepare_corpus(size, seed, env, rebuild, demo, log):
    """Creates and seeds the size's database unless a matching one is there already."""
    name = database_name(size)
    marker = RESULTS / f"{name}.json"
    exists = bool(postgres(f"SELECT 1 FROM pg_database WHERE datname = '{name}'"))
    if exists and not rebuild and marker.exists():
        info = json.loads(marker.read_text())
        if info.get("size") == size and info.get("seed") == seed:
            # The corpus may predate this branch's migrations; nothing to do when it does not.
            manage(env, "migrate", "--noinput", log=log)
            info["reused"] = True
            return info
    print(f"[{size}] building the corpus in database {name}…", flush=True)
    postgres(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    postgres(f'CREATE DATABASE "{name}"')
    migrate_seconds, _ = manage(env, "migrate", "--noinput", log=log)
    demo_seconds = 0.0
    if demo:
        demo_seconds, _ = manage(env, "load_demo", log=log)
    seed_seconds, output = manage(env, "seed_scale", "--pages", str(size), "--seed", str(seed),
                                  log=log)
    info = {
        "size": size, "seed": seed, "database": name,
        "migrate_seconds": round(migrate_seconds, 1), "demo_seconds": round(demo_seconds, 1),
        "seed_seconds": round(seed_seconds, 1), "seed_output": output.strip().splitlines()[-1:],
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"), "reused": False,
    }
    marker.write_text(json.dumps(info, indent=2))
    return info


# --------------------------------------------------------------------------- the server

class Server:
    """gunicorn serving the site on a loopback port; stopped by its own process id only."""

    def __init__(self, env, port, workers, log_path):
        self.env, self.port, self.workers, self.log_path = env, port, workers, log_path
        self.process = None

    def start(self):
        self.log = open(self.log_path, "a")
        self.process = subprocess.Popen(
            [str(GUNICORN), "cms.wsgi:application", "--config", "benchmarks/gunicorn.conf.py",
             "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers)],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise HarnessError(f"gunicorn exited at start; see {self.log_path}")
            try:
                status, *_ = Client(self.port).get("/healthz")
                if status in (200, 503):
                    return
            except OSError:
                pass
            time.sleep(0.3)
        raise HarnessError("gunicorn did not answer /healthz within 60 s")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self.process:
            self.log.close()
        self.process = None


class Client:
    """One keep-alive HTTP connection to the server under test."""

    def __init__(self, port):
        self.port = port
        self.connection = None

    def get(self, path, headers=None):
        for attempt in (1, 2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            started = time.perf_counter()
            try:
                self.connection.request("GET", path, headers=headers or {})
                response = self.connection.getresponse()
                body = response.read()
            except (http.client.HTTPException, ConnectionError):
                self.connection.close()
                self.connection = None
                if attempt == 2:
                    raise
                continue
            client_ms = (time.perf_counter() - started) * 1000
            if response.getheader("Connection", "").lower() == "close":
                self.connection.close()
                self.connection = None
            return response.status, {k.lower(): v for k, v in response.getheaders()}, body, \
                client_ms


def server_ms(headers, metric="app"):
    match = re.search(metric + r";dur=([\d.]+)", headers.get("server-timing", ""))
    return float(match.group(1)) if match else None


def percentile(values, share):
    ordered = sorted(values)
    if not ordered:
        return None
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def with_param(url, param):
    return f"{url}{'&' if '?' in url else '?'}{param}"


# --------------------------------------------------------------------------- measurements

def summarise(samples):
    """Median and p95 of wall and CPU time, and the largest query count, of (wall, cpu, queries)."""
    if not samples:
        return None
    walls = [wall for wall, _cpu, _q in samples]
    cpus = [cpu for _w, cpu, _q in samples if cpu is not None]
    return {
        "n": len(samples),
        "wall_median": statistics.median(walls), "wall_p95": percentile(walls, 0.95),
        "cpu_median": statistics.median(cpus) if cpus else None,
        "cpu_p95": percentile(cpus, 0.95),
        "queries": max(queries for _w, _c, queries in samples),
    }


def sample(headers):
    return (server_ms(headers), server_ms(headers, "cpu"), int(headers.get("x-db-queries", 0)))


def measure_urls(client, urls, requests, errors, label, flush=None, cold_requests=0,
                 headers=None):
    """Each URL in up to three states, every request counted (none dropped as a warm-up):

    cached: the same URL again, as the page cache answers it; miss: a unique query string, which
    no page cache answers, with the fragments the site keeps between requests; cold: built from
    nothing, the whole cache (pages, fragments, renditions, site root paths) flushed before each
    request (``flush``)."""
    states = {"cached": [], "miss": [], "cold": []}
    hits = 0
    token = uuid.uuid4().hex[:8]
    for url in urls:
        status, *_ = client.get(url, headers)  # fills the page cache for the cached state
        if status != 200:
            errors.append(f"{label}: {url} answered {status}")
            continue
        for number in range(requests):
            status, response, _, _ = client.get(with_param(url, f"_bench={token}{number}"),
                                                headers)
            if status == 200:
                states["miss"].append(sample(response))
        for _ in range(requests if headers is None else 0):
            status, response, _, _ = client.get(url)
            if status == 200:
                states["cached"].append(sample(response))
                hits += response.get("x-page-cache") == "hit"
        if flush is not None:  # last: it empties the page cache the cached state reads
            for number in range(cold_requests):
                flush()
                status, response, _, _ = client.get(
                    with_param(url, f"_cold={token}{number}"), headers)
                if status == 200:
                    states["cold"].append(sample(response))
            flush()  # the next URL's cached state starts from its own first request
    result = {name: summarise(samples) for name, samples in states.items()}
    result["urls"] = urls
    result["cache_hits"] = f"{hits}/{len(states['cached'])}"
    return result


def measure_search(client, discovery, requests, errors):
    """Search and autocomplete latency, when the search app is on this branch."""
    results = {}
    probes = {
        "search": ("/{lang}/search/?q={q}", discovery["search_queries"]),
        "autocomplete": ("/{lang}/search/autocomplete/?q={q}", discovery["autocomplete_prefixes"]),
    }
    from urllib.parse import quote

    for name, (pattern, queries) in probes.items():
        status, *_ = client.get(pattern.format(lang="en", q="probe"))
        if status == 404:
            results[name] = None  # not on this branch yet
            continue
        timings = []
        for lang, words in queries.items():
            for word in words:
                url = pattern.format(lang=lang, q=quote(word))
                for number in range(max(3, requests // 2)):
                    status, headers, _, _ = client.get(with_param(url, f"_bench={number}"))
                    if status != 200:
                        errors.append(f"{name}: {url} answered {status}")
                        break
                    timings.append(sample(headers))
        results[name] = summarise(timings)
    return results


# Every request a new query string, so that no page cache answers it (a page-cache miss each).
UNIQUE_QUERY_LUA = """
local counter = 0
local thread_tag = tostring(math.random(1, 1000000000))
request = function()
  counter = counter + 1
  local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. separator .. "_wrk=" .. thread_tag .. "-" .. counter)
end
"""


def wrk(url, seconds, connections=8, threads=2, script=None):
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s"]
    if script is not None:
        command += ["-s", str(script)]
    result = subprocess.run([*command, url], capture_output=True, text=True,
                            timeout=seconds + 60)
    if result.returncode != 0:
        raise HarnessError(f"wrk failed for {url}: {result.stderr.strip()}")
    rate = re.search(r"Requests/sec:\s+([\d.]+)", result.stdout)
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", result.stdout)
    return {"rps": float(rate.group(1)) if rate else 0.0, "non_2xx": int(bad.group(1)) if bad else 0}


def throughput_targets(client, discovery):
    """The URLs for the throughput test, with their HTML (to copy as a static file)."""
    by_label = {entry["label"]: entry for entry in discovery["page_types"]}
    wanted = {
        "home page": next((e["urls"][0] for e in by_label.values()
                           if e["label"].endswith(".HomePage")), "/en/"),
        "publication": next((e["urls"][0] for e in by_label.values()
                             if e["label"].endswith(".PublicationPage")), None),
        "lecture archive": next((e["urls"][0] for e in by_label.values()
                                 if e["label"].endswith(".LectureIndexPage")), None),
        "search": "/en/search/?q=Sahel",
    }
    targets = {}
    for name, url in wanted.items():
        if url is None:
            continue
        status, _, body, _ = client.get(url)
        if status == 200:
            targets[name] = {"url": url, "body": body}
    return targets


def write_static_twins(targets):
    """A static file of exactly each page's size (its own HTML), served by the same server."""
    folder = RESULTS / "static" / "bench"
    folder.mkdir(parents=True, exist_ok=True)
    for name, target in targets.items():
        filename = re.sub(r"\W+", "-", name) + ".html"
        (folder / filename).write_bytes(target["body"])
        target["static_url"] = f"/static/bench/{filename}"


THROUGHPUT_ROUNDS = 3


def measure_throughput(port, targets, seconds, errors):
    """Per target, three rounds of static file, cached page, page-cache miss, one after the
    other, so that a change in the machine's load hits all three alike; each ratio is the
    median of the rounds' ratios."""
    script = RESULTS / "unique-query.lua"
    script.write_text(UNIQUE_QUERY_LUA)
    results = {}
    for name, target in targets.items():
        rounds = []
        for _ in range(THROUGHPUT_ROUNDS):
            static = wrk(f"http://127.0.0.1:{port}{target['static_url']}", seconds)
            cached = wrk(f"http://127.0.0.1:{port}{target['url']}", seconds)
            miss = wrk(f"http://127.0.0.1:{port}{target['url']}", seconds, script=script)
            for kind, run in (("static", static), ("cached", cached), ("miss", miss)):
                if run["non_2xx"]:
                    errors.append(f"throughput {name}: {run['non_2xx']} {kind} responses were "
                                  "not 2xx")
            rounds.append((static["rps"], cached["rps"], miss["rps"]))
        results[name] = {
            "url": target["url"], "bytes": len(target["body"]), "rounds": rounds,
            "static_rps": statistics.median(r[0] for r in rounds),
            "page_rps": statistics.median(r[1] for r in rounds),
            "miss_rps": statistics.median(r[2] for r in rounds),
            "ratio": statistics.median(r[1] / r[0] if r[0] else 0.0 for r in rounds),
            "miss_ratio": statistics.median(r[2] / r[0] if r[0] else 0.0 for r in rounds),
        }
    return results


class AssetParser(HTMLParser):
    """Collects what a browser would fetch for a page: styles, scripts, fonts, images."""

    def __init__(self):
        super().__init__()
        self.styles, self.scripts, self.fonts, self.images = [], [], [], []
        self.image_issues = []
        self._picture_types = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        rel = (attrs.get("rel") or "").lower().split()
        if tag == "link" and "stylesheet" in rel and attrs.get("href"):
            self.styles.append(attrs["href"])
        elif tag == "link" and "preload" in rel and attrs.get("as") == "font":
            self.fonts.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.scripts.append(attrs["src"])
        elif tag == "picture":
            self._picture_types = set()
        elif tag == "source" and self._picture_types is not None:
            self._picture_types.add((attrs.get("type") or "").lower())
        elif tag == "img" and attrs.get("src"):
            src = attrs["src"]
            self.images.append(src)
            problems = []
            if not (attrs.get("width") and attrs.get("height")):
                problems.append("no width/height")
            if "/original_images/" in src:
                problems.append("original file, not a rendition")
            modern = src.lower().endswith((".webp", ".avif")) or bool(
                (self._picture_types or set()) & {"image/webp", "image/avif"})
            if not modern and not src.lower().endswith(".svg"):
                problems.append("no WebP/AVIF")
            if problems:
                self.image_issues.append(f"{src.rsplit('/', 1)[-1]}: {', '.join(problems)}")

    def handle_endtag(self, tag):
        if tag == "picture":
            self._picture_types = None


def gzip_size(data):
    return len(gzip.compress(data, compresslevel=6))


def measure_weight(client, discovery, media_root):
    """Compressed HTML, CSS, JS, fonts and images, and the number of requests, per template."""
    results = {}
    for entry in discovery["page_types"]:
        url = entry["urls"][0]
        status, _, html, _ = client.get(url)
        if status != 200:
            continue
        parser = AssetParser()
        parser.feed(html.decode("utf-8", "replace"))
        weight = {"html": gzip_size(html), "css": 0, "js": 0, "fonts": 0, "images": 0}
        requests = 1
        fonts = list(parser.fonts)
        for href in dict.fromkeys(parser.styles):
            body = fetch_asset(client, href)
            if body is not None:
                weight["css"] += gzip_size(body)
                requests += 1
                fonts += [u for u in re.findall(r"url\(['\"]?([^'\")]+)", body.decode(
                    "utf-8", "replace")) if u.split("?")[0].endswith((".woff2", ".woff", ".ttf"))]
        for src in dict.fromkeys(parser.scripts):
            body = fetch_asset(client, src)
            if body is not None:
                weight["js"] += gzip_size(body)
                requests += 1
        for src in dict.fromkeys(fonts):
            body = fetch_asset(client, src)
            if body is not None:
                weight["fonts"] += len(body)
                requests += 1
        for src in dict.fromkeys(parser.images):
            path = media_root / src.split("/media/", 1)[-1] if "/media/" in src else None
            if path is not None and path.exists():
                weight["images"] += path.stat().st_size
            requests += 1
        weight["requests"] = requests
        weight["budgeted"] = weight["html"] + weight["css"] + weight["js"]
        weight["image_issues"] = parser.image_issues
        weight["url"] = url
        results[entry["label"]] = weight
    return results


def fetch_asset(client, url):
    if not url.startswith("/"):
        return None  # third-party assets are not the site's to weigh (and must not exist)
    status, _, body, _ = client.get(url)
    return body if status == 200 else None


# --------------------------------------------------------------------------- one size

def cache_flusher(redis_db):
    """Empties the server's cache database: the next request is built from nothing."""
    import redis

    connection = redis.Redis(host="127.0.0.1", port=6379, db=redis_db, socket_timeout=10,
                             socket_connect_timeout=5)
    return connection.flushdb


ADMIN_SESSION = """
from django.contrib.auth import get_user_model
from django.test import Client
User = get_user_model()
user = User.objects.filter(username="bench-admin").first() or User.objects.create_superuser(
    "bench-admin", "bench-admin@example.org", None)
client = Client()
client.force_login(user)
print("SESSION=" + client.cookies["sessionid"].value)
"""


def admin_session(env, log):
    """A logged-in superuser's session cookie (the user is made on first use)."""
    _, output = manage(env, "shell", "-c", ADMIN_SESSION, log=log)
    match = re.search(r"SESSION=(\S+)", output)
    if match is None:
        raise HarnessError(f"no admin session:\n{output[-2000:]}")
    return match.group(1)


def run_size(size, args, log):
    env = environment(size, args.port, args.redis_db)
    corpus = prepare_corpus(size, args.seed, env, args.rebuild, not args.no_demo, log)
    subprocess.run(["redis-cli", "-n", str(args.redis_db), "FLUSHDB"], check=True,
                   capture_output=True, timeout=30)
    _, output = manage(env, "collectstatic", "--noinput", "--clear", "-v", "0", log=log)
    discovery = json.loads(subprocess.run(
        [str(PYTHON), "-m", "benchmarks.discover"], cwd=ROOT, env=env, check=True,
        capture_output=True, text=True, timeout=600,
    ).stdout)
    corpus["live_pages"] = discovery["live_pages"]
    errors = []
    server = Server(env, args.port, args.workers, RESULTS / "gunicorn.log")
    server.start()
    try:
        client = Client(args.port)
        targets = throughput_targets(client, discovery)
        write_static_twins(targets)
    finally:
        server.stop()
    # Restarted, so that the static files written above are in WhiteNoise's index.
    server.start()
    try:
        client = Client(args.port)
        print(f"[{size}] page types…", flush=True)
        flush = cache_flusher(args.redis_db)
        cold = max(3, args.requests // 4)
        pages = {}
        for entry in discovery["page_types"]:
            pages[entry["label"]] = measure_urls(client, entry["urls"], args.requests, errors,
                                                 entry["label"], flush=flush, cold_requests=cold)
            pages[entry["label"]]["count"] = entry["count"]
        endpoints = {}
        endpoint_urls = dict(discovery["endpoints"])
        # The last sitemap page too: the one an OFFSET query reaches last.
        status, _, body, _ = client.get("/sitemap.xml")
        if status == 200:
            locations = re.findall(rb"<loc>[^<]*(/sitemap-pages-\d+\.xml)</loc>", body)
            if locations:
                endpoint_urls[f"sitemap page (last of {len(locations)})"] = \
                    locations[-1].decode()
        for label, url in endpoint_urls.items():
            status, *_ = client.get(url)
            if status == 404:
                continue
            endpoints[label] = measure_urls(client, [url], max(3, args.requests // 4), errors,
                                            label, flush=flush, cold_requests=3)
        print(f"[{size}] admin…", flush=True)
        session = {"Cookie": f"sessionid={admin_session(env, log)}"}
        admin = {}
        for label, url in discovery["admin"]:
            admin[label] = measure_urls(client, [url], max(3, args.requests // 4), errors,
                                        label, headers=session)
        print(f"[{size}] search…", flush=True)
        search = measure_search(client, discovery, args.requests, errors)
        print(f"[{size}] page weight…", flush=True)
        weight = measure_weight(client, discovery, RESULTS / "media")
        print(f"[{size}] throughput (wrk)…", flush=True)
        throughput = measure_throughput(args.port, targets, args.wrk_seconds, errors)
    finally:
        server.stop()
    return {"size": size, "corpus": corpus, "pages": pages, "endpoints": endpoints,
            "admin": admin, "search": search, "weight": weight, "throughput": throughput, "errors": errors}


# --------------------------------------------------------------------------- budgets, report

def state(row, name, key):
    values = (row or {}).get(name)
    return None if values is None else values.get(key)


def check_budgets(runs):
    """Each budget as (name, passed, detail); times are CPU p95, at the largest size measured."""
    checks = []
    largest, smallest = runs[-1], runs[0]

    def everything(run):
        return {**run["pages"], **run["endpoints"], **{
            label.split(" (")[0]: row for label, row in run.get("admin", {}).items()}}

    if len(runs) > 1:
        big_rows = everything(largest)
        for label, small in everything(smallest).items():
            for name in ("miss", "cold"):
                before, after = state(small, name, "queries"), state(big_rows.get(label), name,
                                                                     "queries")
                if before is not None and after is not None:
                    checks.append((f"queries do not grow ({name}): {label}", after <= before,
                                   f"{before} → {after}"))

    def budget(name, value, limit):
        checks.append((name, value is not None and value < limit, fmt_ms(value)))

    for label, page in largest["pages"].items():
        budget(f"miss CPU p95 < {BUDGETS['page_p95_ms']} ms: {label}",
               state(page, "miss", "cpu_p95"), BUDGETS["page_p95_ms"])
        budget(f"from nothing CPU p95 < {BUDGETS['cold_p95_ms']} ms: {label}",
               state(page, "cold", "cpu_p95"), BUDGETS["cold_p95_ms"])
    for label, row in largest["endpoints"].items():
        if label.startswith("sitemap"):
            budget(f"sitemap miss CPU p95 < {BUDGETS['sitemap_p95_ms']} ms: {label}",
                   state(row, "miss", "cpu_p95"), BUDGETS["sitemap_p95_ms"])
    for label, row in largest.get("admin", {}).items():
        budget(f"admin CPU p95 < {BUDGETS['admin_p95_ms']} ms: {label}",
               state(row, "miss", "cpu_p95"), BUDGETS["admin_p95_ms"])
    for name, result in largest["search"].items():
        if result is None:
            checks.append((f"{name} CPU p95 < {BUDGETS['search_p95_ms']} ms", False,
                           "not on this branch"))
            continue
        budget(f"{name} CPU p95 < {BUDGETS['search_p95_ms']} ms", result["cpu_p95"],
               BUDGETS["search_p95_ms"])
    for name in WRK_TARGETS:
        result = largest["throughput"].get(name)
        if name == "search":
            continue  # search results are not page-cached: reported, not budgeted
        if result is None:
            checks.append((f"cached ≥ {BUDGETS['cached_vs_static']} × static: {name}", False,
                           "no such page on this branch"))
            continue
        checks.append((f"cached ≥ {BUDGETS['cached_vs_static']} × static: {name}",
                       result["ratio"] >= BUDGETS["cached_vs_static"], f"{result['ratio']:.2f}"))
        checks.append((f"miss ≥ {BUDGETS['miss_vs_static']} × static: {name}",
                       result["miss_ratio"] >= BUDGETS["miss_vs_static"],
                       f"{result['miss_ratio']:.3f}"))
    for label, weight in largest["weight"].items():
        checks.append((f"HTML+CSS+JS < {BUDGETS['weight_kb']} KB: {label}",
                       weight["budgeted"] < BUDGETS["weight_kb"] * 1024, kb(weight["budgeted"])))
        checks.append((f"images are sized WebP/AVIF renditions: {label}",
                       not weight["image_issues"],
                       "; ".join(weight["image_issues"][:3]) or "ok"))
    for run in runs:
        for error in run["errors"]:
            checks.append((f"N={run['size']}: every request answers 200", False, error))
    return checks


def fmt_ms(value):
    return "–" if value is None else f"{value:.1f}"


def kb(value):
    return f"{value / 1024:.1f} KB"


def cell(row, name):
    """'CPU median / p95 (wall p95) · queries' of one state, or a dash."""
    values = (row or {}).get(name)
    if not values:
        return "–"
    return (f"{fmt_ms(values['cpu_median'])} / {fmt_ms(values['cpu_p95'])} "
            f"({fmt_ms(values['wall_p95'])}) · {values['queries']} q")


def report(runs, checks, args, load=None):
    sizes = [run["size"] for run in runs]
    lines = [
        "# Benchmark results",
        "",
        f"Run {datetime.now(UTC).isoformat(timespec='minutes')} on {os.uname().nodename} "
        f"({os.cpu_count()} cores, shared with other work), seed {args.seed}, "
        f"gunicorn {args.workers} workers, PostgreSQL, Redis cache, database search backend. "
        f"Load average (1 min) at the start of each size: {load or '–'}. Times are server time "
        "in ms from the Server-Timing header: CPU time of the serving thread (the budget "
        "figure: waiting for a busy CPU does not inflate it) with wall time beside it.",
        "",
        "## Corpus",
        "",
        "| N | live pages | database | seeding (s) | reused |",
        "| --- | --- | --- | --- | --- |",
    ]
    for run in runs:
        c = run["corpus"]
        lines.append(f"| {c['size']} | {c.get('live_pages', '–')} | {c['database']} | "
                     f"{c.get('seed_seconds', '–')} | {'yes' if c.get('reused') else 'no'} |")

    for run in runs:
        lines += ["", f"## N = {run['size']}: server time and SQL queries", "",
                  "Each cell: CPU median / CPU p95 (wall p95) · largest query count. *cached*: "
                  "the page cache answers; *miss*: a unique query string, fragments cached; "
                  "*from nothing*: the whole cache flushed before each request. Every request "
                  f"counts (none is dropped). Budgets (CPU p95): miss < {BUDGETS['page_p95_ms']} "
                  f"ms, from nothing < {BUDGETS['cold_p95_ms']} ms, sitemap < "
                  f"{BUDGETS['sitemap_p95_ms']} ms, admin < {BUDGETS['admin_p95_ms']} ms, search "
                  f"< {BUDGETS['search_p95_ms']} ms.", "",
                  "| row | pages | cached | miss | from nothing | cache hits |",
                  "| --- | --- | --- | --- | --- | --- |"]
        for label, row in {**run["pages"], **run["endpoints"]}.items():
            lines.append(f"| {label} | {row.get('count', '–')} | {cell(row, 'cached')} | "
                         f"{cell(row, 'miss')} | {cell(row, 'cold')} | {row['cache_hits']} |")
        for label, row in run.get("admin", {}).items():
            lines.append(f"| {label} (logged in) | – | – | {cell(row, 'miss')} | – | – |")
        for name, result in run["search"].items():
            if result is None:
                lines.append(f"| {name} | – | not on this branch | | | |")
            else:
                lines.append(f"| {name} ({result['n']} requests) | – | – | "
                             f"{cell({'miss': result}, 'miss')} | – | – |")

    if len(runs) > 1:
        head = " / ".join(f"N={size}" for size in sizes)
        lines += ["", "## Queries across sizes (miss · from nothing)", "",
                  f"| row | {head} |", "| --- | --- |"]
        labels = list(dict.fromkeys(
            label for run in runs for label in {**run["pages"], **run["endpoints"]}))
        for label in labels:
            rows = [{**run["pages"], **run["endpoints"]}.get(label) for run in runs]
            lines.append(f"| {label} | " + " / ".join(
                f"{state(row, 'miss', 'queries')} · {state(row, 'cold', 'queries')}"
                for row in rows) + " |")

    lines += ["", "## Throughput under load (wrk)", "",
              f"wrk -t2 -c8 -d{args.wrk_seconds}s, {THROUGHPUT_ROUNDS} rounds of: a static "
              "file of the page's size (same gunicorn, WhiteNoise), the cached page, the page "
              "with a new query string on every request (page-cache misses). Each figure is the "
              "median of the rounds; each ratio the median of the rounds' ratios. Budgets: "
              f"cached ≥ {BUDGETS['cached_vs_static']} × static, miss ≥ "
              f"{BUDGETS['miss_vs_static']} × static.", "",
              "| target | N | bytes | static req/s | cached req/s | miss req/s | cached ratio | "
              "miss ratio |", "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for run in runs:
        for name, result in run["throughput"].items():
            lines.append(f"| {name} (`{result['url']}`) | {run['size']} | {result['bytes']} | "
                         f"{result['static_rps']:.0f} | {result['page_rps']:.0f} | "
                         f"{result['miss_rps']:.0f} | {result['ratio']:.2f} | "
                         f"{result['miss_ratio']:.3f} |")

    lines += ["", "## Page weight per template", "",
              f"gzip-compressed HTML, CSS and JS (budget < {BUDGETS['weight_kb']} KB together), "
              "fonts and images as served, requests a first visit makes; at the largest N.", "",
              "| template | HTML | CSS | JS | HTML+CSS+JS | fonts | images | requests | "
              "image issues |",
              "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for label, w in runs[-1]["weight"].items():
        lines.append(f"| {label} | {kb(w['html'])} | {kb(w['css'])} | {kb(w['js'])} | "
                     f"{kb(w['budgeted'])} | {kb(w['fonts'])} | {kb(w['images'])} | "
                     f"{w['requests']} | {'; '.join(w['image_issues'][:2]) or 'none'} |")

    failed = [check for check in checks if not check[1]]
    lines += ["", f"## Budgets: {len(checks) - len(failed)} of {len(checks)} hold", "",
              "| budget | figure | holds |", "| --- | --- | --- |"]
    for name, passed, detail in checks:
        lines.append(f"| {name} | {detail} | {'yes' if passed else '**NO**'} |")
    return "\n".join(lines) + "\n"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000])
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--port", type=int, default=8100, help="loopback port (8100-8199)")
    parser.add_argument("--redis-db", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--requests", type=int, default=20,
                        help="requests per sample URL, uncached and cached each")
    parser.add_argument("--wrk-seconds", type=int, default=5,
                        help="seconds per wrk run (three rounds of three runs per target)")
    parser.add_argument("--db-prefix", default=None,
                        help="corpus databases are <prefix>_<N> (default jcmi_bench)")
    parser.add_argument("--rebuild", action="store_true", help="reseed even if a corpus exists")
    parser.add_argument("--no-demo", action="store_true", help="skip load_demo before seeding")
    parser.add_argument("--output", type=Path, default=RESULTS / "results.md")
    args = parser.parse_args(argv)
    if args.db_prefix:
        global DATABASE_PREFIX
        DATABASE_PREFIX = args.db_prefix
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk")
    RESULTS.mkdir(parents=True, exist_ok=True)
    runs, loads = [], []
    with open(RESULTS / "harness.log", "a") as log:
        try:
            for size in sorted(args.sizes):
                loads.append(f"N={size}: {os.getloadavg()[0]:.1f}")
                runs.append(run_size(size, args, log))
        except HarnessError as error:
            print(f"harness error: {error}", file=sys.stderr)
            return 2
    checks = check_budgets(runs)
    text = report(runs, checks, args, load=", ".join(loads))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text)
    (RESULTS / "results.json").write_text(json.dumps(runs, indent=1, default=str))
    print(text)
    print(f"Written to {args.output}")
    return 1 if any(not passed for _, passed, _ in checks) else 0


if __name__ == "__main__":
    sys.exit(main())
