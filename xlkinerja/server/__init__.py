"""Server mode: the add-in's buttons post the workbook to this server (xlwings'
`RunRemotePython`), which runs the same actions as the local mode and answers with what
Excel is to do. Staff PCs then need no Python; the institution runs one server.

- `config.py` what the server is started with (`ServerConfig`);
- `app.py` the ASGI app (`create_app`): `POST /xlwings/<action>`, `GET /kesehatan`;
- `body.py` the request body within the size limit; `keys.py` API key → unit;
- `calls.py` one call run in a worker thread; `remote.py` the request's workbook through
  xlwings' remote engine (PolyForm Noncommercial 1.0.0, enabled here only);
- `calllog.py` the log line per call; `messages.py` the refusals users see, in Indonesian;
- `run.py` uvicorn: `serve` for the command, `serving` for tests and benchmarks.

The keys file is made by the job `xlkinerja.jobs.kunci` (`xlkinerja server kunci`).
"""

from xlkinerja.server.app import create_app
from xlkinerja.server.config import DEFAULT_MAX_BODY_BYTES, ServerConfig
from xlkinerja.server.run import serve, serving

__all__ = ["DEFAULT_MAX_BODY_BYTES", "ServerConfig", "create_app", "serve", "serving"]
