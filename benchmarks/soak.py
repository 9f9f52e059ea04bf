#!/usr/bin/env python
"""A soak run: many connections for a while against a mix of public pages; no request may fail.

    .venv/bin/python benchmarks/soak.py                      # 64 connections, 60 s, N = 500
    .venv/bin/python benchmarks/soak.py --connections 16 --seconds 10   # a quick look

Serves the harness's corpus (benchmarks/run.py builds or reuses it) with gunicorn as run.py
does, then drives wrk with a script that walks through one URL of every page type, the search,
the feeds, the sitemap and the health endpoints, each request a cache miss or a hit in turn.
Prints wrk's figures and exits 1 when any response was not 2xx or 3xx, or any socket error or
timeout happened; 2 when it could not measure. Traffic goes to 127.0.0.1 only, and wrk stops by
itself after ``--seconds``.
"""

import argparse
import json
import re
import subprocess
import sys
import tempfile

from run import PYTHON, RESULTS, ROOT, Client, HarnessError, Server, environment, prepare_corpus

LUA = """
local paths = {%s}
local n = 0
request = function()
    n = n + 1
    local path = paths[(n %% #paths) + 1]
    -- Every other request a page-cache miss: a recognised parameter with a new value.
    if n %% 2 == 0 and not string.find(path, "?", 1, true) then
        path = path .. "?page=1&_soak=" .. n
    end
    return wrk.format("GET", path)
end
"""


def soak_paths(discovery):
    paths = [entry["urls"][0] for entry in discovery["page_types"] if entry["urls"]]
    paths += [url for _label, url in discovery["endpoints"]]
    paths += ["/en/search/?q=coordination", "/ar/search/?q=CIMIC", "/livez", "/readyz"]
    return sorted(set(paths))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--size", type=int, default=500)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--port", type=int, default=8190)
    parser.add_argument("--redis-db", type=int, default=9)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--seconds", type=int, default=60)
    args = parser.parse_args(argv)
    RESULTS.mkdir(parents=True, exist_ok=True)
    env = environment(args.size, args.port, args.redis_db)
    try:
        with open(RESULTS / "soak.log", "w") as log:
            prepare_corpus(args.size, args.seed, env, False, True, log)
        subprocess.run([str(PYTHON), "manage.py", "collectstatic", "--noinput", "-v", "0"],
                       cwd=ROOT, env=env, check=True, timeout=600)
        discovery = json.loads(subprocess.run(
            [str(PYTHON), "-m", "benchmarks.discover"], cwd=ROOT, env=env, check=True,
            capture_output=True, text=True, timeout=600).stdout)
        paths = soak_paths(discovery)
        server = Server(env, args.port, args.workers, RESULTS / "soak-gunicorn.log")
        server.start()
        try:
            for path in paths:  # every path answers before the soak starts
                status, *_ = Client(args.port).get(path)
                if status >= 400:
                    raise HarnessError(f"{path} answered {status} before the soak")
            with tempfile.NamedTemporaryFile("w", suffix=".lua") as script:
                script.write(LUA % ", ".join(json.dumps(path) for path in paths))
                script.flush()
                result = subprocess.run(
                    ["wrk", "-t2", f"-c{args.connections}", f"-d{args.seconds}s",
                     "--timeout", "10s", "-s", script.name, f"http://127.0.0.1:{args.port}"],
                    capture_output=True, text=True, timeout=args.seconds + 120)
        finally:
            server.stop()
    except (HarnessError, subprocess.SubprocessError) as error:
        print(f"soak: could not measure: {error}", file=sys.stderr)
        return 2
    print(f"{len(paths)} paths, {args.connections} connections, {args.seconds} s, "
          f"{args.workers} gunicorn workers, corpus N={args.size}")
    print(result.stdout)
    failed = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", result.stdout)
    socket_errors = re.search(r"Socket errors:.*", result.stdout)
    if result.returncode != 0 or failed or socket_errors:
        print("soak: FAILED (see above)", file=sys.stderr)
        return 1
    print("soak: 0 errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
