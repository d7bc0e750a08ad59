"""rol-model as an HTTP service, for systems not written in Python (``rol serve``, docs/service.md).

:func:`create_app` returns an ASGI application (Starlette) with ``POST /import``, ``/validate``,
``/check``, ``/diff`` and ``/render``, each answering with the JSON ``rol … --format json``
prints, and ``GET /openapi.json``, an OpenAPI 3.1 document built from the same JSON Schemas.
The service is stateless. It limits the size of a request to ``limits.max_bytes`` (the
library's :class:`~rol_model.Limits`) and the time of one to ``timeout`` seconds, and answers
every bad input with an RFC 9457 problem document and a 4xx status.

Needs the ``server`` extra (``pip install 'rol-model[server]'``): without it
:func:`create_app` and :func:`serve` raise :class:`~rol_model.exceptions.MissingExtraError`
(a :class:`~rol_model.RolModelError`) saying so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rol_model.exceptions import require_extra

if TYPE_CHECKING:
    from starlette.applications import Starlette

    from rol_model import Limits

__all__ = ["DEFAULT_TIMEOUT", "create_app", "openapi", "serve"]

#: Seconds one request may take, reading included, unless ``create_app(timeout=...)`` says else.
DEFAULT_TIMEOUT = 30.0

_FEATURE = "the HTTP service (rol serve)"


def _require() -> None:
    require_extra("starlette", extra="server", feature=_FEATURE)
    require_extra("python_multipart", extra="server", feature=_FEATURE)  # Starlette's forms


def create_app(
    *, limits: Limits | None = None, timeout: float = DEFAULT_TIMEOUT, workers: int = 4
) -> Starlette:
    """The ASGI application.

    ``limits`` bounds every request body and document (default :data:`rol_model.DEFAULT_LIMITS`:
    16 MiB); ``timeout`` bounds the seconds one request may take; ``workers`` is how many
    requests are worked on at once (the others wait their turn within their timeout).
    Raises :class:`~rol_model.exceptions.MissingExtraError` without the ``server`` extra.
    """
    _require()
    from rol_model.service._app import build

    return build(limits=limits, timeout=timeout, workers=workers)


def openapi(limits: Limits | None = None) -> dict[str, object]:
    """The service's OpenAPI 3.1 document, built from the report, profile and diff schemas."""
    from rol_model.service._openapi import document

    return document(limits)


def serve(
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    limits: Limits | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    workers: int = 4,
) -> None:
    """Run the service with uvicorn until interrupted (what ``rol serve`` does)."""
    _require()
    uvicorn = require_extra("uvicorn", extra="server", feature=_FEATURE)
    app = create_app(limits=limits, timeout=timeout, workers=workers)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
