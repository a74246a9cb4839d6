"""ASGI middleware: the request-body limit and the security headers of every response."""
from __future__ import annotations

from .errors import error_response

# the editor page and the API: scripts, styles and requests from this server only, nothing inline
PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
               "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
# FastAPI's /docs and /redoc load Swagger UI and ReDoc from a CDN with inline scripts
DOCS_PATHS = ("/docs", "/redoc")


def _size(n: int) -> str:
    return f"{n / 1_048_576:g} MB" if n >= 1_048_576 and n % 1024 == 0 else f"{n:,} bytes"


class BodyLimit:
    """Read the whole request body before the app sees it, and answer 413 as soon as it is known
    to pass ``max_body`` bytes: from ``Content-Length``, or by counting a chunked body's bytes."""

    def __init__(self, app, max_body: int):
        self.app, self.max_body = app, max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None:
            if not declared.isdigit():
                await self._refuse(scope, receive, send, 400, "bad_request", "Content-Length is not a number")
                return
            if int(declared) > self.max_body:
                await self._too_large(scope, receive, send)
                return
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                await self._too_large(scope, receive, send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body, delivered = b"".join(chunks), False

        async def replay():
            nonlocal delivered
            if delivered:
                return await receive()
            delivered = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _too_large(self, scope, receive, send):
        await self._refuse(scope, receive, send, 413, "body_too_large",
                           f"the request body is over the {_size(self.max_body)} limit of this server "
                           f"(attribution serve --max-body)")

    @staticmethod
    async def _refuse(scope, receive, send, status: int, code: str, message: str):
        response = error_response(status, code, message, headers={"Connection": "close"})
        await response(scope, receive, send)


class SecurityHeaders:
    """``X-Content-Type-Options: nosniff`` and ``Referrer-Policy: no-referrer`` on every response,
    and the strict Content-Security-Policy on every one that sets none (the API docs aside)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        docs = scope["path"].startswith(DOCS_PATHS)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                headers += [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
                if not docs and b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", PAGE_POLICY.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
