"""A small HTTP proxy in front of moto's S3 server that can fail on cue, for storage fault tests.

The storages talk to the proxy exactly as to S3; the proxy forwards each request to moto, unless
it has been told to fail object writes from the Nth on (500 InternalError, as S3 answers in an
incident; botocore's retries fail too), or has been stopped (connections are refused, as for a
store that is down). Every response closes its connection, so a stopped proxy is stopped for
every client at once.
"""

import http.client
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

TIMEOUT = 10
# Hop-by-hop headers are the proxy's own business; the body is re-sent with its own framing.
_NOT_FORWARDED = {"connection", "keep-alive", "proxy-connection", "expect", "te", "upgrade",
                  "transfer-encoding", "content-length"}
_S3_INTERNAL_ERROR = (b'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InternalError'
                      b'</Code><Message>We encountered an internal error. Please try again.'
                      b'</Message></Error>')


class S3Proxy:
    def __init__(self, upstream, host="127.0.0.1"):
        self.upstream = urlsplit(upstream)
        self.host = host
        self.port = 0
        self.server = None
        self.thread = None
        self.lock = threading.Lock()
        self.fail_from = None  # the first object write (counted from 1) to fail, or None
        self.object_writes = 0  # object writes seen since the last fail_object_writes_from()

    @property
    def endpoint(self):
        return f"http://{self.host}:{self.port}"

    def start(self):
        """Listen (again, on the same port after a stop) and forward."""
        proxy = self

        class Handler(_Forwarder):
            pass

        Handler.proxy = proxy
        self.server = ThreadingHTTPServer((self.host, self.port), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return self

    def stop(self):
        """Close the port: from now on every request is refused, as by a store that is down."""
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.thread.join(TIMEOUT)
            self.server = None

    def fail_object_writes_from(self, n):
        """Let n - 1 object writes (PUTs of an object, not of its ACL) through, fail the rest."""
        with self.lock:
            self.fail_from = n
            self.object_writes = 0

    def heal(self):
        with self.lock:
            self.fail_from = None

    def _should_fail(self, method, path):
        if method != "PUT" or "acl" in parse_qs(urlsplit(path).query, keep_blank_values=True):
            return False
        with self.lock:
            self.object_writes += 1
            return self.fail_from is not None and self.object_writes >= self.fail_from


class _Forwarder(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # so that "Expect: 100-continue" is answered
    proxy = None

    def log_message(self, format, *args):  # quiet in test output
        pass

    def _body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            return self._chunked_body()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _chunked_body(self):
        body = []
        while True:
            size = int(self.rfile.readline().split(b";", 1)[0].strip(), 16)
            if size == 0:
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):  # trailers
                    pass
                return b"".join(body)
            body.append(self.rfile.read(size))
            self.rfile.readline()

    def _relay(self):
        body = self._body()
        if self.proxy._should_fail(self.command, self.path):
            self._answer(500, [("Content-Type", "application/xml")], _S3_INTERNAL_ERROR)
            return
        upstream = http.client.HTTPConnection(self.proxy.upstream.hostname,
                                              self.proxy.upstream.port, timeout=TIMEOUT)
        try:
            headers = {name: value for name, value in self.headers.items()
                       if name.lower() not in _NOT_FORWARDED}
            if body or self.command in ("PUT", "POST"):
                headers["Content-Length"] = str(len(body))
            upstream.request(self.command, self.path, body=body, headers=headers)
            response = upstream.getresponse()
            content = response.read()
            kept = _NOT_FORWARDED - {"content-length"} if self.command == "HEAD" else _NOT_FORWARDED
            self._answer(response.status, [
                (name, value) for name, value in response.getheaders()
                if name.lower() not in kept], content)
        finally:
            upstream.close()

    def _answer(self, status, headers, content):
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        if self.command != "HEAD":
            self.send_header("Content-Length", str(len(content)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(content)
        self.close_connection = True

    do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _relay
