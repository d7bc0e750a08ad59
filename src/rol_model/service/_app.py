"""The Starlette application behind :func:`rol_model.service.create_app`.

Every endpoint reads its input within the size limit, hands the work to the public library
functions in a worker thread (bounded in number and in time), and writes the JSON the CLI's
``--format json`` writes. Errors a client can cause become RFC 9457 problem documents
(``application/problem+json``) with a 4xx status; the JSON Pointers of the issues are in
``issues[].pointer``.
"""

from __future__ import annotations

import asyncio
import contextvars
import functools
import json
import re
import tempfile
import threading
import weakref
from collections.abc import Awaitable, Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import anyio
import anyio.to_thread
import attrs
from starlette.applications import Starlette
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

import rol_model
from rol_model.corpus import issue_record
from rol_model.exceptions import (
    InvalidProfileError,
    InvalidReportError,
    ReadError,
    RolModelError,
)
from rol_model.service._json import json_text
from rol_model.service._openapi import DOCX, RENDER_TYPES, document

T = TypeVar("T")

#: Whether the current request is past reading its body (a timeout then is the work's, not 408).
_WORKING: contextvars.ContextVar[bool] = contextvars.ContextVar("working", default=False)

PROBLEM_TYPE = "application/problem+json"
_SEVERITIES = ("error", "warning", "info")
_NAME = "<request>"


class ProblemError(Exception):
    """A client error, answered as an RFC 9457 problem document."""

    def __init__(
        self,
        status: int,
        kind: str,
        title: str,
        detail: str,
        issues: Iterable[rol_model.Issue] = (),
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.kind = kind
        self.title = title
        self.detail = detail
        self.issues = tuple(issues)

    def body(self, instance: str | None = None) -> dict[str, Any]:
        """The problem document: type, title, status, detail, instance and the issues."""
        data: dict[str, Any] = {
            "type": f"urn:rol-model:problem:{self.kind}",
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
        }
        if instance is not None:
            data["instance"] = instance
        if self.issues:
            data["issues"] = [issue_record(issue) for issue in self.issues]
        return data


def _problem_response(problem: ProblemError, path: str | None) -> Response:
    text = json.dumps(problem.body(path), ensure_ascii=False, indent=2) + "\n"
    return Response(text, status_code=problem.status, media_type=PROBLEM_TYPE)


class _TooLargeError(Exception):
    pass


def _too_large(limit: int) -> ProblemError:
    return ProblemError(
        413,
        "too-large",
        "Content Too Large",
        f"the request body is over the limit of {limit} bytes (rol serve --max-bytes)",
    )


class BodyLimit:
    """ASGI middleware: refuse a body over ``limit`` bytes, reading no more than that.

    A declared Content-Length over the limit is answered at once without reading the body; a
    body that turns out longer stops being read at the first chunk past the limit.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Pass the request on with a receive channel that counts the body."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", ()):
            if name == b"content-length" and (not value.isdigit() or int(value) > self.limit):
                problem = (
                    _too_large(self.limit)
                    if value.isdigit()
                    else ProblemError(400, "bad-request", "Bad Request", "bad Content-Length")
                )
                response = _problem_response(problem, scope.get("path"))
                response.headers["connection"] = "close"
                await response(scope, receive, send)
                return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _TooLargeError
            return message

        await self.app(scope, counted, send)


def _json_response(data: Any, status: int = 200) -> Response:
    return Response(json_text(data), status_code=status, media_type="application/json")


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";")[0].strip().lower()


def _invalid(error: InvalidReportError, what: str = "the report") -> ProblemError:
    return ProblemError(
        422,
        "invalid-report",
        "Invalid Report",
        f"{what} is not a valid report: {error.issues[0]}"
        + (f" (and {len(error.issues) - 1} more)" if len(error.issues) > 1 else ""),
        error.issues,
    )


def _codes(text: str | None, option: str) -> tuple[str, ...]:
    codes = tuple(c.strip().upper() for c in (text or "").split(",") if c.strip())
    known = [rule.code for rule in rol_model.rules()]
    for code in codes:
        if not any(rule.startswith(code) for rule in known):
            raise ProblemError(
                400,
                "bad-parameter",
                "Bad Parameter",
                f"{option}: no rule code starts with {code!r}",
            )
    return codes


def _choice(request: Request, name: str, allowed: Sequence[str], default: str) -> str:
    value = request.query_params.get(name, default)
    if value not in allowed:
        raise ProblemError(
            400,
            "bad-parameter",
            "Bad Parameter",
            f"{name} must be one of {', '.join(allowed)}, not {value!r}",
        )
    return value


def _load(data: bytes, limits: rol_model.Limits, what: str = "the report") -> rol_model.Report:
    try:
        return rol_model.loads(data, limits=limits)
    except InvalidReportError as error:
        raise _invalid(error, what) from None


@attrs.frozen
class _Part:
    name: str
    filename: str | None
    content_type: str
    data: bytes


class Service:
    """The endpoints, sharing the limits, the timeout and the worker limiter."""

    def __init__(self, limits: rol_model.Limits, timeout: float, workers: int) -> None:
        self.limits = limits
        self.timeout = timeout
        self.workers = workers
        self._running = threading.BoundedSemaphore(workers)
        # one limiter per event loop: a limiter is bound to the loop that first uses it
        self._limiters: weakref.WeakKeyDictionary[object, anyio.CapacityLimiter] = (
            weakref.WeakKeyDictionary()
        )

    async def work(self, function: Callable[..., T], *args: Any) -> T:
        """Run library code in a worker thread; the request gives up after the timeout."""
        _WORKING.set(True)
        loop = asyncio.get_running_loop()
        limiter = self._limiters.get(loop)
        if limiter is None:
            limiter = self._limiters[loop] = anyio.CapacityLimiter(self.workers)
        return await anyio.to_thread.run_sync(
            self._bounded, function, *args, limiter=limiter, abandon_on_cancel=True
        )

    def _bounded(self, function: Callable[..., T], *args: Any) -> T:
        # A request that times out stops waiting, but its thread runs on: this semaphore, held
        # by the thread itself, keeps the library work of all requests to ``workers`` at once.
        with self._running:
            return function(*args)

    async def parts(self, request: Request) -> dict[str, list[_Part]]:
        """The parts of a multipart/form-data body, by field name."""
        try:
            form: FormData = await request.form(
                max_files=64, max_fields=64, max_part_size=self.limits.max_bytes
            )
        except HTTPException as error:  # malformed multipart: Starlette says 400
            raise ProblemError(400, "bad-multipart", "Bad Request", str(error.detail)) from None
        found: dict[str, list[_Part]] = {}
        try:
            for name, value in form.multi_items():
                if isinstance(value, UploadFile):
                    data = await value.read()
                    part = _Part(
                        name, value.filename, (value.content_type or "").lower(), bytes(data)
                    )
                else:
                    part = _Part(name, None, "text/plain", value.encode("utf-8"))
                found.setdefault(name, []).append(part)
        finally:
            await form.close()
        return found

    async def body(self, request: Request, *allowed: str) -> bytes:
        """The raw body, when its content type is one of ``allowed``."""
        media = _media_type(request)
        if media not in allowed:
            raise ProblemError(
                415,
                "unsupported-media-type",
                "Unsupported Media Type",
                f"send {' or '.join(allowed)}, not {media or 'no Content-Type'}",
            )
        return await request.body()

    async def reports(self, request: Request, names: Sequence[str]) -> dict[str, _Part]:
        """Named report parts of a multipart body; each named one at most once."""
        if _media_type(request) != "multipart/form-data":
            raise ProblemError(
                415,
                "unsupported-media-type",
                "Unsupported Media Type",
                f"send multipart/form-data with the parts {', '.join(names)}",
            )
        parts = await self.parts(request)
        result = {}
        for name, found in parts.items():
            if name not in names:
                raise ProblemError(400, "bad-multipart", "Bad Request", f"unexpected part {name!r}")
            if len(found) > 1:
                raise ProblemError(
                    400, "bad-multipart", "Bad Request", f"part {name!r} given twice"
                )
            result[name] = found[0]
        return result

    # ---- endpoints ------------------------------------------------------------------------

    async def validate(self, request: Request) -> Response:
        """``rol validate --format json``: one record per document, valid or not."""
        if _media_type(request) == "multipart/form-data":
            parts = [p for found in (await self.parts(request)).values() for p in found]
            if not parts:
                raise ProblemError(
                    400, "bad-multipart", "Bad Request", "no document in the request"
                )
            named = [(p.filename or p.name, p.data) for p in parts]
        else:
            named = [(_NAME, await self.body(request, "application/json", ""))]
        return _json_response(await self.work(self._validate, named))

    def _validate(self, named: list[tuple[str, bytes]]) -> list[dict[str, Any]]:
        records = []
        for name, data in named:
            try:
                rol_model.loads(data, limits=self.limits)
                issues: tuple[rol_model.Issue, ...] = ()
            except InvalidReportError as error:
                issues = error.issues
            records.append(
                {"file": name, "valid": not issues, "issues": [issue_record(i) for i in issues]}
            )
        return records

    async def check(self, request: Request) -> Response:
        """``rol check --format json``: the findings of the rules of a profile."""
        select = _codes(request.query_params.get("select"), "select")
        ignore = _codes(request.query_params.get("ignore"), "ignore")
        profile: str | bytes = request.query_params.get("profile", "national")
        if _media_type(request) == "multipart/form-data":
            parts = await self.reports(request, ("report", "previous", "profile"))
            if "report" not in parts:
                raise ProblemError(
                    400, "bad-multipart", "Bad Request", "the part 'report' is missing"
                )
            report, previous = parts["report"], parts.get("previous")
            if "profile" in parts:
                profile = parts["profile"].data
        else:
            data = await self.body(request, "application/json")
            report, previous = _Part("report", None, "application/json", data), None
        if isinstance(profile, str) and profile not in rol_model.builtin_profiles():
            raise ProblemError(
                400,
                "bad-parameter",
                "Bad Parameter",
                f"profile {profile!r} is not built in: use one of "
                f"{', '.join(rol_model.builtin_profiles())} or send a profile document",
            )
        result = await self.work(self._check, report, previous, profile, select, ignore)
        return _json_response(result)

    def _check(
        self,
        report_part: _Part,
        previous_part: _Part | None,
        profile_source: str | bytes,
        select: tuple[str, ...],
        ignore: tuple[str, ...],
    ) -> dict[str, Any]:
        if isinstance(profile_source, bytes):
            try:
                data = json.loads(profile_source)
            except (ValueError, RecursionError) as error:
                raise ProblemError(
                    422, "invalid-profile", "Invalid Profile", f"the profile is not JSON: {error}"
                ) from None
            profile = rol_model.profile_from_dict(data, source="profile")
        else:
            profile = rol_model.load_profile(profile_source)
        report = _load(report_part.data, self.limits)
        previous = None
        if previous_part is not None:
            previous = _load(previous_part.data, self.limits, "the previous report")
        findings = rol_model.check(
            report, profile=profile, previous=previous, select=select, ignore=ignore
        )
        return {
            "file": report_part.filename or _NAME,
            "previous": None if previous_part is None else previous_part.filename or "<previous>",
            "profile": profile.name,
            "counts": {s: sum(f.severity == s for f in findings) for s in _SEVERITIES},
            "findings": [attrs.asdict(finding) for finding in findings],
        }

    async def diff(self, request: Request) -> Response:
        """``rol diff OLD NEW --format json`` (or ``patch``, ``text``, ``markdown``)."""
        output = _choice(request, "format", ("json", "patch", "text", "markdown"), "json")
        parts = await self.reports(request, ("old", "new"))
        missing = [name for name in ("old", "new") if name not in parts]
        if missing:
            raise ProblemError(
                400, "bad-multipart", "Bad Request", f"the part {missing[0]!r} is missing"
            )
        text = await self.work(self._diff, parts["old"].data, parts["new"].data, output)
        media = "application/json" if output in ("json", "patch") else RENDER_TYPES[output]
        return Response(text, media_type=media)

    def _diff(self, old_data: bytes, new_data: bytes, output: str) -> str:
        old = _load(old_data, self.limits, "OLD")
        new = _load(new_data, self.limits, "NEW")
        if output == "patch":
            return json_text(rol_model.json_patch(old, new))
        changes = rol_model.diff(old, new)
        if output == "json":
            return json_text(rol_model.diff_to_dict(changes))
        return rol_model.format_diff(changes, "markdown" if output == "markdown" else "text")

    async def render(self, request: Request) -> Response:
        """``rol render --format text|markdown|html``: the report in the official layout."""
        output = _choice(request, "format", ("text", "markdown", "html"), "text")
        data = await self.body(request, "application/json")
        text = await self.work(self._render, data, output)
        return Response(text, media_type=RENDER_TYPES[output])

    def _render(self, data: bytes, output: str) -> str:
        fmt: rol_model.RenderFormat = (
            "html" if output == "html" else "markdown" if output == "markdown" else "text"
        )
        return rol_model.render(_load(data, self.limits), format=fmt)

    async def import_(self, request: Request) -> Response:
        """``rol import --format json``: the imported report (and, when asked, the warnings)."""
        organization = request.query_params.get("organization") or None
        year_text = request.query_params.get("year")
        if year_text is not None and not re.fullmatch(r"\d{4}", year_text):
            raise ProblemError(400, "bad-parameter", "Bad Parameter", "year must be four digits")
        year = int(year_text) if year_text else None
        warnings = _choice(request, "warnings", ("false", "true"), "false") == "true"
        media = _media_type(request)
        if media == "multipart/form-data":
            parts = await self.reports(request, ("file",))
            if "file" not in parts:
                raise ProblemError(
                    400, "bad-multipart", "Bad Request", "the part 'file' is missing"
                )
            upload = parts["file"]
        else:
            data = await self.body(request, "text/plain", "text/html", DOCX, "application/pdf")
            upload = _Part("file", None, media, data)
        result = await self.work(self._import, upload, organization, year)
        if warnings:
            return _json_response(
                {
                    "report": rol_model.to_dict(result.report),
                    "warnings": [issue_record(w) for w in result.warnings],
                }
            )
        response = Response(rol_model.dumps(result.report), media_type="application/json")
        response.headers["rol-import-warnings"] = str(
            sum(w.severity != "info" for w in result.warnings)
        )
        return response

    def _import(
        self, upload: _Part, organization: str | None, year: int | None
    ) -> rol_model.ImportResult:
        suffix = Path(upload.filename or "").suffix.lower()
        pdf = upload.content_type == "application/pdf" or suffix == ".pdf"
        docx = upload.content_type == DOCX or suffix == ".docx"
        kind = ".pdf" if pdf else ".docx" if docx else ".txt"
        name = Path(upload.filename or "").name
        if not re.fullmatch(r"[^\x00-\x1f/\\]{1,200}", name) or name in (".", ".."):
            name = "report" + kind
        if (pdf or docx) and not name.lower().endswith(kind):
            name += kind
        with tempfile.TemporaryDirectory(prefix="rol-serve-") as folder:
            path = Path(folder) / name
            path.write_bytes(upload.data)
            if docx:
                return rol_model.import_docx(path, organization=organization, year=year)
            return rol_model.import_file(path, organization=organization, year=year)

    async def openapi(self, request: Request) -> Response:
        """The OpenAPI document."""
        return _json_response(document(self.limits))


def _guarded(
    service: Service, endpoint: Callable[[Request], Awaitable[Response]]
) -> Callable[[Request], Awaitable[Response]]:
    """Run an endpoint within the time limit and turn the library's errors into problems."""

    @functools.wraps(endpoint)
    async def run(request: Request) -> Response:
        _WORKING.set(False)
        try:
            with anyio.fail_after(service.timeout):
                return await endpoint(request)
        except ProblemError as problem:
            return _problem_response(problem, request.url.path)
        except _TooLargeError:
            return _problem_response(_too_large(service.limits.max_bytes), request.url.path)
        except TimeoutError:
            reading = not _WORKING.get()
            return _problem_response(
                ProblemError(
                    408 if reading else 422,
                    "time-limit",
                    "Request Timeout" if reading else "Time Limit Exceeded",
                    f"the request took more than {service.timeout:g} seconds (rol serve --timeout)",
                ),
                request.url.path,
            )
        except InvalidReportError as error:
            return _problem_response(_invalid(error), request.url.path)
        except InvalidProfileError as error:
            profile = ProblemError(
                422, "invalid-profile", "Invalid Profile", str(error), error.issues
            )
            return _problem_response(profile, request.url.path)
        except ReadError as error:
            unreadable = ProblemError(422, "unreadable", "Unreadable Document", str(error))
            return _problem_response(unreadable, request.url.path)
        except RolModelError as error:
            rejected = ProblemError(422, "rejected", "Unprocessable Content", str(error))
            return _problem_response(rejected, request.url.path)
        except ClientDisconnect:
            return Response(status_code=400)

    return run


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, HTTPException)
    titles = {404: "Not Found", 405: "Method Not Allowed"}
    title = titles.get(error.status_code, "Bad Request")
    problem = ProblemError(
        error.status_code, title.lower().replace(" ", "-"), title, str(error.detail)
    )
    response = _problem_response(problem, request.url.path)
    if error.headers:
        response.headers.update(error.headers)
    return response


async def _server_error(request: Request, error: Exception) -> Response:
    # a bug of ours: say so without a traceback
    return JSONResponse(
        {
            "type": "urn:rol-model:problem:internal",
            "title": "Internal Server Error",
            "status": 500,
            "detail": "the service failed on this request; please report it",
        },
        status_code=500,
        media_type=PROBLEM_TYPE,
    )


def build(*, limits: rol_model.Limits | None, timeout: float, workers: int) -> Starlette:
    """The application; see :func:`rol_model.service.create_app`."""
    if timeout <= 0 or workers < 1:
        raise RolModelError("the timeout must be positive and workers at least 1")
    service = Service(limits or rol_model.DEFAULT_LIMITS, timeout, workers)
    post = [
        ("/import", service.import_),
        ("/validate", service.validate),
        ("/check", service.check),
        ("/diff", service.diff),
        ("/render", service.render),
    ]
    routes = [Route(path, _guarded(service, fn), methods=["POST"]) for path, fn in post]
    routes.append(Route("/openapi.json", _guarded(service, service.openapi), methods=["GET"]))
    return Starlette(
        routes=routes,
        middleware=[Middleware(BodyLimit, limit=service.limits.max_bytes)],
        exception_handlers={HTTPException: _http_error, Exception: _server_error},
    )
