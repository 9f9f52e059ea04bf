"""Stand-ins for a failing dependency, on 127.0.0.1.

``HungListener`` accepts TCP connections and never answers a byte: a Redis, PostgreSQL or S3
that is up but stuck. ``Proxy`` forwards to the real service until it is stopped: an outage that
begins (and ends) in the middle of a run.
"""

import signal
import socket
import threading
import time
from contextlib import contextmanager


def free_port():
    """A port nothing on this machine listens on now (the fault tests' servers take it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class HungListener:
    def __init__(self, port):
        self.port = port
        self._server = socket.create_server(("127.0.0.1", port), reuse_port=False)
        self._server.settimeout(0.2)
        self._held = []
        self._running = True
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    @property
    def address(self):
        return f"127.0.0.1:{self.port}"

    def _accept(self):
        while self._running:
            try:
                connection, _ = self._server.accept()
            except (TimeoutError, OSError):
                continue
            self._held.append(connection)  # held open, never read from or written to

    def close(self):
        self._running = False
        self._thread.join(2)
        for connection in self._held:
            connection.close()
        self._server.close()


class Proxy:
    """A TCP proxy to ``target`` on ``port``; ``stop()`` cuts every connection and refuses new
    ones, ``start()`` serves again on the same port."""

    def __init__(self, port, target):
        self.port = port
        self.target = target
        self._server = None
        self._connections = []
        self.start()

    def start(self):
        self._server = socket.create_server(("127.0.0.1", self.port))
        self._server.settimeout(0.2)
        self._running = True
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self):
        while self._running:
            try:
                client, _ = self._server.accept()
            except (TimeoutError, OSError):
                continue
            upstream = socket.create_connection(self.target, timeout=5)
            self._connections += [client, upstream]
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for end in (source, sink):
                try:
                    end.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def stop(self):
        self._running = False
        self._thread.join(2)
        self._server.close()
        for connection in self._connections:
            try:
                connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            connection.close()
        self._connections = []


@contextmanager
def hung_listener(port):
    listener = HungListener(port)
    try:
        yield listener
    finally:
        listener.close()


class DeadlineExceeded(Exception):
    pass


@contextmanager
def deadline(seconds):
    """Fails the block if it runs longer than ``seconds`` rather than hanging the suite (a
    SIGALRM interrupts even a blocking socket read); ``elapsed()`` says how long it took."""

    def expire(signum, frame):
        raise DeadlineExceeded(f"still waiting after {seconds} s")

    started = time.monotonic()
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield lambda: time.monotonic() - started
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
