"""Reports the cost of each request in its response headers (benchmark settings only).

``X-DB-Queries``: SQL statements run, on every database connection. ``Server-Timing``: the
time Django spent on the request (``app``, wall clock) and the CPU time of the thread that served
it (``cpu``, which waiting for a busy shared CPU does not inflate), in milliseconds; it is the W3C
header, so browsers show it too.
"""

import time
from contextlib import ExitStack

from django.db import connections


class RequestCostMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        queries = 0

        def count(execute, sql, params, many, context):
            nonlocal queries
            queries += 1
            return execute(sql, params, many, context)

        started = time.perf_counter()
        cpu_started = time.thread_time()
        with ExitStack() as stack:
            for connection in connections.all(initialized_only=False):
                stack.enter_context(connection.execute_wrapper(count))
            response = self.get_response(request)
        elapsed = (time.perf_counter() - started) * 1000
        cpu = (time.thread_time() - cpu_started) * 1000
        response["X-DB-Queries"] = str(queries)
        response["Server-Timing"] = f"app;dur={elapsed:.2f}, cpu;dur={cpu:.2f}"
        return response
