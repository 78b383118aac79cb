"""The request body, read no further than the size limit.

A declared Content-Length over the limit is refused before a byte of the body is read; a
body without one (chunked) or longer than it declared is refused as soon as the bytes read
pass the limit. Either way the server never holds more than the limit in memory.
"""

from __future__ import annotations

from starlette.requests import Request


class TooLarge(Exception):
    def __init__(self, size: int | None) -> None:
        super().__init__(size)
        self.size = size  # the declared size, when the client declared one


def declared_size(request: Request) -> int | None:
    text = request.headers.get("content-length")
    return int(text) if text is not None and text.isdigit() else None


async def read_body(request: Request, limit: int) -> bytes:
    """The whole body, or TooLarge."""
    size = declared_size(request)
    if size is not None and size > limit:
        raise TooLarge(size)
    chunks: list[bytes] = []
    read = 0
    async for chunk in request.stream():
        read += len(chunk)
        if read > limit:
            raise TooLarge(size)
        chunks.append(chunk)
    return b"".join(chunks)
