"""Running the app with uvicorn: `serve` for `xlkinerja server` (blocks until Ctrl+C or
SIGTERM), `serving` for tests and benchmarks (a real HTTP server on a free loopback port,
in a thread of this process).

uvicorn's own access log is off: the server writes its own line per call (calllog.py), with
the unit and the outcome an access log cannot know.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn
from starlette.types import ASGIApp

from xlkinerja.server.app import create_app
from xlkinerja.server.config import ServerConfig


def _config(app: ASGIApp, host: str, port: int) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_config=None,  # the logging set up by the command (or the tests) applies
        access_log=False,
        server_header=False,
        lifespan="off",
    )


def serve(config: ServerConfig) -> None:
    """Start the server of `config` and serve until stopped."""
    app = create_app(config)
    uvicorn.Server(_config(app, config.host, config.port)).run()


@contextmanager
def serving(app: ASGIApp, host: str = "127.0.0.1") -> Iterator[str]:
    """`app` served on a free port of `host` while the `with` lasts; yields its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 0))
    port = int(sock.getsockname()[1])
    server = uvicorn.Server(_config(app, host, port))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.01)
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()
