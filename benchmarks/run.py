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

# The budgets of issue 9. Timings are server time (Django, from the Server-Timing header).
BUDGETS = {
    "page_p95_ms": 50,  # uncached, every page type, at the largest size
    "search_p95_ms": 100,  # search and autocomplete, database backend, at the largest size
    "cached_vs_static": 0.5,  # cached page throughput / static file of the same size
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

def measure_urls(client, urls, requests, errors, label):
    """Median and p95 server time, uncached (a fresh query string each time) and cached."""
    uncached, cpu, cached, queries, cached_queries, hits = [], [], [], [], [], 0
    token = uuid.uuid4().hex[:8]
    for url in urls:
        status, headers, body, _ = client.get(url)  # warms renditions and the page cache
        if status != 200:
            errors.append(f"{label}: {url} answered {status}")
            continue
        for number in range(requests):
            status, headers, _, _ = client.get(with_param(url, f"_bench={token}{number}"))
            if status == 200:
                uncached.append(server_ms(headers))
                cpu.append(server_ms(headers, "cpu"))
                queries.append(int(headers.get("x-db-queries", 0)))
        for _ in range(requests):
            status, headers, _, _ = client.get(url)
            if status == 200:
                cached.append(server_ms(headers))
                cached_queries.append(int(headers.get("x-db-queries", 0)))
                hits += headers.get("x-page-cache") == "hit"
    return {
        "urls": urls,
        "uncached_median": statistics.median(uncached) if uncached else None,
        "uncached_p95": percentile(uncached, 0.95),
        "uncached_cpu_p95": percentile([value for value in cpu if value is not None], 0.95),
        "cached_median": statistics.median(cached) if cached else None,
        "cached_p95": percentile(cached, 0.95),
        "queries": max(queries) if queries else None,
        "cached_queries": max(cached_queries) if cached_queries else None,
        "cache_hits": f"{hits}/{len(cached)}",
    }


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
        timings, counts = [], []
        for lang, words in queries.items():
            for word in words:
                url = pattern.format(lang=lang, q=quote(word))
                for number in range(max(3, requests // 2)):
                    status, headers, _, _ = client.get(with_param(url, f"_bench={number}"))
                    if status != 200:
                        errors.append(f"{name}: {url} answered {status}")
                        break
                    timings.append(server_ms(headers))
                    counts.append(int(headers.get("x-db-queries", 0)))
        results[name] = {
            "median": statistics.median(timings) if timings else None,
            "p95": percentile(timings, 0.95),
            "queries": max(counts) if counts else None,
            "requests": len(timings),
        }
    return results


def wrk(url, seconds, connections=8, threads=2):
    result = subprocess.run(
        ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "10s", url],
        capture_output=True, text=True, timeout=seconds + 60,
    )
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


def measure_throughput(port, targets, seconds, errors):
    results = {}
    for name, target in targets.items():
        page = wrk(f"http://127.0.0.1:{port}{target['url']}", seconds)
        static = wrk(f"http://127.0.0.1:{port}{target['static_url']}", seconds)
        if page["non_2xx"] or static["non_2xx"]:
            errors.append(f"throughput {name}: {page['non_2xx']} page and "
                          f"{static['non_2xx']} static responses were not 2xx")
        results[name] = {
            "url": target["url"], "bytes": len(target["body"]), "page_rps": page["rps"],
            "static_rps": static["rps"],
            "ratio": page["rps"] / static["rps"] if static["rps"] else 0.0,
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
        pages = {}
        for entry in discovery["page_types"]:
            pages[entry["label"]] = measure_urls(client, entry["urls"], args.requests, errors,
                                                 entry["label"])
            pages[entry["label"]]["count"] = entry["count"]
        endpoints = {}
        for label, url in discovery["endpoints"]:
            status, *_ = client.get(url)
            if status == 404:
                continue
            endpoints[label] = measure_urls(client, [url], max(3, args.requests // 4), errors,
                                            label)
        print(f"[{size}] search…", flush=True)
        search = measure_search(client, discovery, args.requests, errors)
        print(f"[{size}] page weight…", flush=True)
        weight = measure_weight(client, discovery, RESULTS / "media")
        print(f"[{size}] throughput (wrk)…", flush=True)
        throughput = measure_throughput(args.port, targets, args.wrk_seconds, errors)
    finally:
        server.stop()
    return {"size": size, "corpus": corpus, "pages": pages, "endpoints": endpoints,
            "search": search, "weight": weight, "throughput": throughput, "errors": errors}


# --------------------------------------------------------------------------- budgets, report

def check_budgets(runs):
    """Each budget as (name, passed, detail); evaluated at the largest size measured."""
    checks = []
    largest = runs[-1]
    smallest = runs[0]
    for label, small in {**smallest["pages"], **smallest["endpoints"]}.items():
        big = {**largest["pages"], **largest["endpoints"]}.get(label)
        if big is None or small["queries"] is None or big["queries"] is None:
            continue
        if len(runs) > 1:
            checks.append((f"queries do not grow: {label}", big["queries"] <= small["queries"],
                           f"{small['queries']} → {big['queries']}"))
    for label, page in largest["pages"].items():
        p95 = page["uncached_p95"]
        checks.append((f"p95 uncached < {BUDGETS['page_p95_ms']} ms: {label}",
                       p95 is not None and p95 < BUDGETS["page_p95_ms"], fmt_ms(p95)))
    for name, result in largest["search"].items():
        if result is None:
            checks.append((f"{name} p95 < {BUDGETS['search_p95_ms']} ms", False,
                           "not on this branch"))
            continue
        checks.append((f"{name} p95 < {BUDGETS['search_p95_ms']} ms",
                       result["p95"] is not None and result["p95"] < BUDGETS["search_p95_ms"],
                       fmt_ms(result["p95"])))
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


def report(runs, checks, args):
    sizes = [run["size"] for run in runs]
    lines = [
        "# Benchmark results",
        "",
        f"Run {datetime.now(UTC).isoformat(timespec='minutes')} on {os.uname().nodename} "
        f"({os.cpu_count()} cores, shared with other work: timings are noisy), seed {args.seed}, "
        f"gunicorn {args.workers} workers, PostgreSQL, Redis cache, database search backend. "
        "Times are server time in ms (Django, Server-Timing header); uncached requests carry a "
        "unique query string so no page cache can answer them.",
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

    head = " | ".join(f"N={size}" for size in sizes)
    lines += ["", "## Server time and SQL queries per page type", "",
              f"Budget: p95 uncached < {BUDGETS['page_p95_ms']} ms at the largest N; queries "
              "must not grow with N.", "",
              "| page type | pages | queries " + head.replace(" | ", " / ") +
              " | uncached median / p95 " + head.replace(" | ", " · ") +
              " | uncached CPU p95 " + head.replace(" | ", " · ") +
              " | cached median / p95 " + head.replace(" | ", " · ") + " | cache hits |",
              "| --- | --- | --- | --- | --- | --- | --- |"]
    labels = list(dict.fromkeys(label for run in runs for label in {**run["pages"],
                                                                     **run["endpoints"]}))
    for label in labels:
        rows = [{**run["pages"], **run["endpoints"]}.get(label) for run in runs]
        count = " / ".join(str(row.get("count", "–")) if row else "–" for row in rows)
        queries = " / ".join(str(row["queries"]) if row else "–" for row in rows)
        uncached = " · ".join(f"{fmt_ms(row['uncached_median'])} / {fmt_ms(row['uncached_p95'])}"
                              if row else "–" for row in rows)
        cached = " · ".join(f"{fmt_ms(row['cached_median'])} / {fmt_ms(row['cached_p95'])}"
                            if row else "–" for row in rows)
        cpu = " · ".join(fmt_ms(row["uncached_cpu_p95"]) if row else "–" for row in rows)
        hits = " · ".join(row["cache_hits"] if row else "–" for row in rows)
        lines.append(f"| {label} | {count} | {queries} | {uncached} | {cpu} | {cached} | {hits} |")

    lines += ["", "## Search and autocomplete", "",
              f"Budget: p95 < {BUDGETS['search_p95_ms']} ms at the largest N (database backend).",
              "", "| endpoint | N | requests | queries | median | p95 |",
              "| --- | --- | --- | --- | --- | --- |"]
    for run in runs:
        for name, result in run["search"].items():
            if result is None:
                lines.append(f"| {name} | {run['size']} | not on this branch | | | |")
            else:
                lines.append(f"| {name} | {run['size']} | {result['requests']} | "
                             f"{result['queries']} | {fmt_ms(result['median'])} | "
                             f"{fmt_ms(result['p95'])} |")

    lines += ["", "## Throughput under load (wrk)", "",
              f"wrk -t2 -c8 -d{args.wrk_seconds}s against the page (cached after the first "
              "request) and against a static file of the same size served by the same gunicorn "
              f"(WhiteNoise). Budget: cached pages ≥ {BUDGETS['cached_vs_static']} × static.", "",
              "| target | N | bytes | page req/s | static req/s | ratio |",
              "| --- | --- | --- | --- | --- | --- |"]
    for run in runs:
        for name, result in run["throughput"].items():
            lines.append(f"| {name} (`{result['url']}`) | {run['size']} | {result['bytes']} | "
                         f"{result['page_rps']:.0f} | {result['static_rps']:.0f} | "
                         f"{result['ratio']:.2f} |")

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
    parser.add_argument("--wrk-seconds", type=int, default=8)
    parser.add_argument("--rebuild", action="store_true", help="reseed even if a corpus exists")
    parser.add_argument("--no-demo", action="store_true", help="skip load_demo before seeding")
    parser.add_argument("--output", type=Path, default=RESULTS / "results.md")
    args = parser.parse_args(argv)
    if not shutil.which("wrk"):
        sys.exit("wrk is missing: apt-get install -y wrk")
    RESULTS.mkdir(parents=True, exist_ok=True)
    runs = []
    with open(RESULTS / "harness.log", "a") as log:
        try:
            for size in sorted(args.sizes):
                runs.append(run_size(size, args, log))
        except HarnessError as error:
            print(f"harness error: {error}", file=sys.stderr)
            return 2
    checks = check_budgets(runs)
    text = report(runs, checks, args)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(text)
    (RESULTS / "results.json").write_text(json.dumps(runs, indent=1, default=str))
    print(text)
    print(f"Written to {args.output}")
    return 1 if any(not passed for _, passed, _ in checks) else 0


if __name__ == "__main__":
    sys.exit(main())
