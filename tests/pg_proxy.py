"""A TCP proxy in front of the tests' PostgreSQL server that freezes like a network that
silently drops packets: it forwards bytes both ways until the server first says it is
ready for a query (ReadyForQuery, message 'Z': connected and authenticated), then forwards
nothing more, on any connection, and every new connection is accepted and left unanswered.

The client must not negotiate SSL or GSS encryption (`?sslmode=disable&gssencmode=disable`,
see `url`), so that the server's side is plain protocol messages from the first byte.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress


class FreezingProxy:
    def __init__(self, upstream_port: int) -> None:
        self.upstream = ("127.0.0.1", upstream_port)
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = int(self.server.getsockname()[1])
        self.frozen = threading.Event()
        self.sockets: list[socket.socket] = [self.server]
        threading.Thread(target=self._accept, daemon=True).start()

    def url(self, database_url: str) -> str:
        """`database_url` (postgresql://user@127.0.0.1:PORT/db) through this proxy."""
        head, _, tail = database_url.rpartition("@")
        database = tail.split("/", 1)[1]
        return f"{head}@127.0.0.1:{self.port}/{database}?sslmode=disable&gssencmode=disable"

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            self.sockets.append(client)
            if self.frozen.is_set():
                continue  # accepted and never answered
            upstream = socket.create_connection(self.upstream)
            self.sockets.append(upstream)
            threading.Thread(target=self._pump, args=(client, upstream, False), daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, True), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket, from_server: bool) -> None:
        pending = b""  # the server's bytes not yet split into messages
        while True:
            try:
                data = source.recv(65536)
            except OSError:
                return
            if not data:
                return
            if self.frozen.is_set():
                continue  # dropped
            try:
                target.sendall(data)
            except OSError:
                return
            if from_server:
                pending = self._watch_for_ready(pending + data)

    def _watch_for_ready(self, buffer: bytes) -> bytes:
        while len(buffer) >= 5:
            length = int.from_bytes(buffer[1:5], "big")
            if len(buffer) < 1 + length:
                break
            if buffer[:1] == b"Z":
                self.frozen.set()
            buffer = buffer[1 + length :]
        return buffer

    def close(self) -> None:
        for sock in self.sockets:
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)  # wakes the threads blocked on it
            sock.close()


@contextmanager
def freezing_proxy(upstream_port: int) -> Iterator[FreezingProxy]:
    proxy = FreezingProxy(upstream_port)
    try:
        yield proxy
    finally:
        proxy.close()
