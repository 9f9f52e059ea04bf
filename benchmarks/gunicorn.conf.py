"""gunicorn as the benchmark runs it (and as production may: see the README's production notes).

Threads keep connections alive between requests, as a reverse proxy in front would; the worker
count comes from the command line (the harness passes --workers, two on a two-core machine).
"""

worker_class = "gthread"
threads = 4
keepalive = 5
timeout = 60
accesslog = None
errorlog = "-"
loglevel = "warning"
