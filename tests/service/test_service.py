"""The HTTP service (``rol serve``, :mod:`rol_model.service`): in process and over a real socket.

Every endpoint answers what the CLI's ``--format json`` prints for the same input (compared
byte for byte with :func:`rol_model.cli.main`); bad input gets an RFC 9457 problem document and
a 4xx status; bodies over the limit are refused without being read past it. The socket tests
start ``rol serve`` on 127.0.0.1 and stop it. The tests skip when the ``server`` extra is
missing, except in CI (``CI=true``).
"""

from __future__ import annotations

import asyncio
import http.client
import io
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import rol_model
from rol_model.cli import main

try:
    from starlette.testclient import TestClient

    from rol_model.service import create_app
except ModuleNotFoundError as error:  # pragma: no cover - depends on the installed extras
    if os.environ.get("CI") == "true":
        raise
    pytest.skip(f"the server extra is not installed: {error}", allow_module_level=True)

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples" / "reports").glob("*.json"))
OLD, NEW = EXAMPLES[0], EXAMPLES[-1]
REALISTIC = sorted((ROOT / "tests" / "fixtures" / "realistic").glob("*.txt"))[:3]
INVALID = sorted((ROOT / "tests" / "fixtures" / "invalid").glob("*.json"))
JSON = {"content-type": "application/json"}
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(), raise_server_exceptions=False) as test_client:
        yield test_client


def cli(*args: str) -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out, err)
    return code, out.getvalue()


def problem(response: Any, status: int, kind: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, Any] = response.json()
    assert body["type"] == f"urn:rol-model:problem:{kind}"
    assert body["status"] == status
    assert body["title"]
    assert body["detail"]
    assert "Traceback" not in response.text
    return body


# ---- every endpoint answers what the CLI prints ---------------------------------------------


def test_examples_are_there() -> None:
    assert len(EXAMPLES) >= 2
    assert len(REALISTIC) >= 1
    assert len(INVALID) >= 30


@pytest.mark.parametrize("path", [*EXAMPLES, *INVALID[:8]], ids=lambda p: p.name)
def test_validate_answers_the_cli_json(client: TestClient, path: Path) -> None:
    response = client.post("/validate", content=path.read_bytes(), headers=JSON)
    assert response.status_code == 200
    _, printed = cli("validate", str(path), "--format", "json")
    expected = json.loads(printed)
    expected[0]["file"] = "<request>"
    assert response.json() == expected


def test_validate_takes_many_documents_in_one_multipart_body(client: TestClient) -> None:
    files = [("file", (str(p), p.read_bytes(), "application/json")) for p in EXAMPLES + INVALID[:2]]
    response = client.post("/validate", files=files)
    assert response.status_code == 200
    _, printed = cli("validate", *(str(p) for p in EXAMPLES + INVALID[:2]), "--format", "json")
    assert response.json() == json.loads(printed)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_check_answers_the_cli_json(client: TestClient, path: Path) -> None:
    response = client.post("/check", content=path.read_bytes(), headers=JSON)
    assert response.status_code == 200
    _, printed = cli("check", str(path), "--format", "json")
    expected = json.loads(printed)
    expected["file"] = "<request>"
    assert response.json() == expected


def test_check_with_previous_and_profile_document(client: TestClient) -> None:
    profile = ROOT / "src" / "rol_model" / "profiles" / "provincial-guideline-2023.json"
    files = {
        "report": (str(NEW), NEW.read_bytes(), "application/json"),
        "previous": (str(OLD), OLD.read_bytes(), "application/json"),
        "profile": ("profile.json", profile.read_bytes(), "application/json"),
    }
    response = client.post("/check", files=files)
    assert response.status_code == 200, response.text
    _, printed = cli(
        "check", str(NEW), "--previous", str(OLD), "--profile", str(profile), "--format", "json"
    )
    assert response.json() == json.loads(printed)
    assert any(f["code"].startswith("ROL4") for f in response.json()["findings"]) or (
        response.json()["previous"] == str(OLD)
    )


def test_check_select_and_builtin_profile(client: TestClient) -> None:
    url = "/check?profile=provincial-guideline-2023&select=ROL1&ignore=ROL101"
    response = client.post(url, content=NEW.read_bytes(), headers=JSON)
    assert response.status_code == 200
    body = response.json()
    assert body["profile"] == "provincial-guideline-2023"
    assert all(f["code"].startswith("ROL1") and f["code"] != "ROL101" for f in body["findings"])


@pytest.mark.parametrize("output", ["json", "patch", "text", "markdown"])
def test_diff_answers_the_cli_output(client: TestClient, output: str) -> None:
    files = {
        "old": ("old.json", OLD.read_bytes(), "application/json"),
        "new": ("new.json", NEW.read_bytes(), "application/json"),
    }
    response = client.post(f"/diff?format={output}", files=files)
    assert response.status_code == 200
    _, printed = cli("diff", str(OLD), str(NEW), "--format", output, "--color", "never")
    assert response.text == printed


@pytest.mark.parametrize("output", ["text", "markdown", "html"])
def test_render_answers_the_cli_output(client: TestClient, output: str) -> None:
    response = client.post(f"/render?format={output}", content=NEW.read_bytes(), headers=JSON)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(
        {"text": "text/plain", "markdown": "text/markdown", "html": "text/html"}[output]
    )
    _, printed = cli("render", str(NEW), "--format", output)
    assert response.text == printed


@pytest.mark.parametrize("path", REALISTIC, ids=lambda p: p.name)
def test_import_raw_text_answers_the_cli_json(
    client: TestClient, path: Path, tmp_path: Path
) -> None:
    response = client.post(
        "/import", content=path.read_bytes(), headers={"content-type": "text/plain"}
    )
    assert response.status_code == 200, response.text
    # the service names the upload report.txt when no file name comes with it
    named = tmp_path / "report.txt"
    named.write_bytes(path.read_bytes())
    _, printed = cli("import", str(named), "--format", "json")
    assert response.text == printed
    assert int(response.headers["rol-import-warnings"]) >= 0


def test_import_multipart_upload_keeps_the_file_name(client: TestClient) -> None:
    path = REALISTIC[0]
    files = {"file": (path.name, path.read_bytes(), "text/plain")}
    response = client.post("/import?warnings=true", files=files)
    assert response.status_code == 200
    body = response.json()
    assert body["report"]["source"]["file"] == path.name
    expected = rol_model.import_file(path)
    assert [w["code"] for w in body["warnings"]] == [w.code for w in expected.warnings]


def test_import_saved_web_page(client: TestClient) -> None:
    lines = REALISTIC[0].read_text("utf-8").splitlines()
    page = "<html><body>" + "".join(f"<p>{line}</p>" for line in lines) + "</body></html>"
    response = client.post(
        "/import?warnings=true", content=page.encode(), headers={"content-type": "text/html"}
    )
    assert response.status_code == 200, response.text
    assert "import.html" in [w["code"] for w in response.json()["warnings"]]
    assert response.json()["report"]["title"] == rol_model.import_file(REALISTIC[0]).report.title


def test_import_word_file(client: TestClient, tmp_path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for line in REALISTIC[0].read_text("utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path / "report.docx"
    document.save(str(path))
    raw = client.post("/import", content=path.read_bytes(), headers={"content-type": DOCX})
    assert raw.status_code == 200, raw.text
    _, printed = cli("import", str(path), "--format", "json")
    assert raw.text == printed
    upload = client.post("/import", files={"file": ("bericht.docx", path.read_bytes(), DOCX)})
    assert upload.status_code == 200
    assert upload.json()["source"]["file"] == "bericht.docx"


def test_exact_decimals_travel_unchanged(client: TestClient) -> None:
    text = (ROOT / "tests" / "fixtures" / "valid" / "decimal-values.json").read_bytes()
    long = text.replace(b"98.40", b"98.400000000000000000001")
    response = client.post("/validate", content=long, headers=JSON)
    assert response.json()[0]["valid"] is True
    files = {"old": ("a", text, "application/json"), "new": ("b", long, "application/json")}
    changed = client.post("/diff", files=files)
    assert "98.400000000000000000001" in changed.text


def test_openapi_document_is_built_from_the_schemas(client: TestClient) -> None:
    response = client.get("/openapi.json")
    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.1")
    assert set(document["paths"]) == {"/import", "/validate", "/check", "/diff", "/render"}
    components = document["components"]["schemas"]
    report = rol_model.schema()
    assert components["Report"]["properties"]["year"] == report["properties"]["year"]
    assert set(report["$defs"]) <= set(components)
    text = json.dumps(document)
    assert "#/$defs/" not in text
    for ref in {part.split('"')[0] for part in text.split('"$ref": "')[1:]}:
        assert ref.removeprefix("#/components/schemas/") in components, ref


def test_openapi_report_component_validates_like_rol_model() -> None:
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    from rol_model.service import openapi

    resource = Resource(contents=openapi(), specification=DRAFT202012)
    registry = Registry().with_resource("urn:openapi", resource)
    validator = jsonschema.Draft202012Validator(
        {"$ref": "urn:openapi#/components/schemas/Report"},
        registry=registry,
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
    for path in [*EXAMPLES, *INVALID]:
        try:
            data = json.loads(path.read_bytes())
        except ValueError:
            continue
        assert validator.is_valid(data) == (rol_model.validate(data) == []), path.name


# ---- bad input: problem documents, 4xx, never a traceback -----------------------------------


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_reports_get_problem_documents_with_pointers(
    client: TestClient, path: Path
) -> None:
    response = client.post("/render", content=path.read_bytes(), headers=JSON)
    body = problem(response, 422, "invalid-report")
    with pytest.raises(rol_model.InvalidReportError) as refused:
        rol_model.loads(path.read_bytes())
    assert [i["pointer"] for i in body["issues"]] == [i.pointer for i in refused.value.issues]
    assert [i["code"] for i in body["issues"]] == [i.code for i in refused.value.issues]


def test_bad_requests(client: TestClient) -> None:
    report = NEW.read_bytes()
    problem(
        client.post("/render", content=report, headers={"content-type": "text/plain"}),
        415,
        "unsupported-media-type",
    )
    problem(client.post("/render?format=docx", content=report, headers=JSON), 400, "bad-parameter")
    problem(
        client.post("/check?profile=/etc/passwd", content=report, headers=JSON),
        400,
        "bad-parameter",
    )
    problem(client.post("/check?select=XYZ", content=report, headers=JSON), 400, "bad-parameter")
    problem(client.post("/diff", content=report, headers=JSON), 415, "unsupported-media-type")
    problem(client.post("/diff", files={"old": ("a", report)}), 400, "bad-multipart")
    problem(
        client.post("/diff", files={"old": ("a", report), "new": ("b", b"[")}),
        422,
        "invalid-report",
    )
    problem(client.post("/diff", files={"x": ("a", report)}), 400, "bad-multipart")
    # a PDF that is no PDF: the importer's ReadError, as a problem (not a 5xx)
    broken = client.post(
        "/import", content=b"%PDF-1.7", headers={"content-type": "application/pdf"}
    )
    assert 400 <= broken.status_code < 500
    broken = client.post("/import", files={"file": ("a.pdf", b"%PDF-1.7", "application/pdf")})
    assert 400 <= broken.status_code < 500
    problem(
        client.post(
            "/import", content=b"\x00\x01\x02" * 100, headers={"content-type": "text/plain"}
        ),
        422,
        "unreadable",
    )
    problem(
        client.post("/import", content=b"<html></html>", headers={"content-type": "text/html"}),
        422,
        "invalid-report",
    )
    problem(
        client.post("/import?year=20x3", content=b"x", headers={"content-type": "text/plain"}),
        400,
        "bad-parameter",
    )
    problem(
        client.post("/import", files={"file": ("x.docx", b"PK not a zip", DOCX)}), 422, "unreadable"
    )
    problem(
        client.post("/check", files={"report": ("r", report), "profile": ("p", b"{")}),
        422,
        "invalid-profile",
    )
    body = problem(
        client.post("/check", files={"report": ("r", report), "profile": ("p", b"{}")}),
        422,
        "invalid-profile",
    )
    assert body["issues"][0]["pointer"] == ""
    problem(
        client.post(
            "/validate",
            content=b"--x\r\n",
            headers={"content-type": "multipart/form-data; boundary=x"},
        ),
        400,
        "bad-multipart",
    )
    problem(client.get("/nowhere"), 404, "not-found")
    problem(client.get("/validate"), 405, "method-not-allowed")


def test_time_limit_is_a_problem_document() -> None:
    with TestClient(create_app(timeout=1e-9), raise_server_exceptions=False) as hurried:
        response = hurried.post("/check", content=NEW.read_bytes(), headers=JSON)
    assert response.status_code in (408, 422)
    problem(response, response.status_code, "time-limit")


def test_hostile_inputs_are_refused_cleanly(client: TestClient) -> None:
    hostile = [
        b'{"title": 1e999999999}',
        b'{"a": ' + b"1" * 5000 + b"}",
        b"[" * 100_000 + b"]" * 100_000,
        b'{"title": "\\ud800"}',
        b"\xff\xfe{}",
        b"",
        b'{"extensions": {"x:y": ' + b"[" * 40 + b"]" * 40 + b"}}",
    ]
    for data in hostile:
        response = client.post("/render", content=data, headers=JSON)
        problem(response, 422, "invalid-report")
        checked = client.post("/validate", content=data, headers=JSON)
        assert checked.status_code == 200
        assert checked.json()[0]["valid"] is False


# ---- size limit: 413 without reading past the limit -----------------------------------------


def _call(
    app: Any, body_chunks: Iterator[bytes], headers: list[tuple[bytes, bytes]]
) -> tuple[int, bytes, int]:
    """Drive the ASGI app directly; returns status, body and how many body bytes it pulled."""
    pulled = 0
    sent: list[dict[str, Any]] = []
    chunks = iter(body_chunks)

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        chunk = next(chunks, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        pulled += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/import",
        "raw_path": b"/import",
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    asyncio.run(app(scope, receive, send))
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, body, pulled


MIB = 1024 * 1024


def test_a_16_mib_upload_is_refused_after_reading_at_most_the_limit() -> None:
    app = create_app()
    boundary = uuid.uuid4().hex
    head = (
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.txt"\r\n'
        "Content-Type: text/plain\r\n\r\n"
    ).encode()

    def upload() -> Iterator[bytes]:  # a 16 MiB file in 64 KiB chunks, never all in memory
        yield head
        block = "法".encode() * (64 * 1024 // 3)
        for _ in range(16 * MIB // len(block) + 1):
            yield block
        yield f"\r\n--{boundary}--\r\n".encode()

    content_type = f"multipart/form-data; boundary={boundary}".encode()
    status, body, pulled = _call(app, upload(), [(b"content-type", content_type)])
    assert status == 413
    assert json.loads(body)["type"] == "urn:rol-model:problem:too-large"
    assert pulled <= 16 * MIB + 64 * 1024  # stopped at the first chunk past the limit
    # a declared length over the limit is answered before a byte of the body is read
    declared = [(b"content-type", content_type), (b"content-length", str(17 * MIB).encode())]
    status, _, pulled = _call(app, upload(), declared)
    assert (status, pulled) == (413, 0)


def test_the_limit_is_configurable(client: TestClient) -> None:
    small = create_app(limits=rol_model.Limits(max_bytes=1000))
    with TestClient(small, raise_server_exceptions=False) as strict:
        problem(strict.post("/validate", content=NEW.read_bytes(), headers=JSON), 413, "too-large")
    assert client.post("/validate", content=NEW.read_bytes(), headers=JSON).status_code == 200


# ---- the missing extra ----------------------------------------------------------------------


def test_missing_server_extra_is_one_line_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "starlette", None)
    with pytest.raises(rol_model.RolModelError, match=r"pip install 'rol-model\[server\]'"):
        create_app()
    out, err = io.StringIO(), io.StringIO()
    assert main(["serve", "--port", "0"], out, err) == 2
    assert err.getvalue().count("\n") == 1
    assert "pip install 'rol-model[server]'" in err.getvalue()


# ---- over a real socket ---------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server() -> Iterator[int]:
    """``rol serve`` on 127.0.0.1 in a child process, stopped after the module's tests."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "rol_model", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        for _ in range(600):  # wait for the socket (at most about a minute)
            if process.poll() is not None:
                raise AssertionError(process.stderr.read().decode() if process.stderr else "")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise AssertionError("rol serve did not start listening")
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()


def _request(
    port: int, method: str, path: str, body: bytes = b"", content_type: str = "application/json"
) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        headers = {"content-type": content_type} if body else {}
        connection.request(method, path, body=body or None, headers=headers)
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def test_over_a_socket_every_endpoint(server: int) -> None:
    status, _, body = _request(server, "POST", "/validate", NEW.read_bytes())
    assert status == 200
    assert json.loads(body)[0]["valid"] is True
    status, _, body = _request(server, "POST", "/check", NEW.read_bytes())
    assert status == 200
    assert json.loads(body)["profile"] == "national"
    status, headers, body = _request(server, "POST", "/render?format=markdown", NEW.read_bytes())
    assert status == 200
    assert headers["content-type"].startswith("text/markdown")
    status, _, body = _request(server, "POST", "/import", REALISTIC[0].read_bytes(), "text/plain")
    assert status == 200
    assert json.loads(body)["year"]
    boundary = "b" + uuid.uuid4().hex
    parts = (
        b"".join(
            f"--{boundary}\r\nContent-Disposition: form-data; "
            f'name="{name}"; filename="{name}.json"\r\n'
            f"Content-Type: application/json\r\n\r\n".encode()
            + path.read_bytes()
            + b"\r\n"
            for name, path in (("old", OLD), ("new", NEW))
        )
        + f"--{boundary}--\r\n".encode()
    )
    status, _, body = _request(
        server, "POST", "/diff", parts, f"multipart/form-data; boundary={boundary}"
    )
    _, printed = cli("diff", str(OLD), str(NEW), "--format", "json")
    assert status == 200
    assert body.decode() == printed
    status, _, body = _request(server, "GET", "/openapi.json")
    assert status == 200
    assert json.loads(body)["openapi"].startswith("3.1")
    status, headers, body = _request(server, "POST", "/render", b"{")
    assert status == 422
    assert headers["content-type"] == "application/problem+json"


def test_over_a_socket_a_16_mib_upload_is_413(server: int) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", server, timeout=120)
    try:
        connection.putrequest("POST", "/import")
        connection.putheader("content-type", "text/plain")
        connection.putheader("content-length", str(16 * MIB + 1))
        connection.endheaders()
        try:  # the server may answer and close before the body is through: that is the point
            for _ in range(16):
                connection.send(b"x" * MIB)
            connection.send(b"x")
        except OSError:
            pass
        response = connection.getresponse()
        assert response.status == 413
        assert json.loads(response.read())["type"] == "urn:rol-model:problem:too-large"
    finally:
        connection.close()


def test_load_benchmark_runs_bounded_on_loopback() -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "service_load.py"),
            "--requests",
            "8",
            "--concurrency",
            "2",
            "--json",
        ],
        capture_output=True,
        encoding="utf-8",
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    figures = json.loads(done.stdout)
    assert figures["failures"] == 0
    assert figures["overall"]["requests"] == 8
    assert figures["overall"]["p50_ms"] <= figures["overall"]["p99_ms"]


def test_a_pdf_report_imports_as_the_library_imports_it(tmp_path: Path) -> None:
    pytest.importorskip("pypdfium2", reason="PDF import needs the pdf extra")
    pytest.importorskip("reportlab", reason="the test builds its PDF with reportlab")
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("body", fontName="STSong-Light", fontSize=12, leading=18)
    style.wordWrap = "CJK"
    source = REALISTIC[0].read_text("utf-8-sig")
    lines = [line.strip() for line in source.splitlines() if line.strip()]
    path = tmp_path / "report.pdf"
    SimpleDocTemplate(str(path), pagesize=A4).build(
        [Paragraph(escape(line), style) for line in lines]
    )
    answer = TestClient(create_app()).post(
        "/import", content=path.read_bytes(), headers={"content-type": "application/pdf"}
    )
    assert answer.status_code == 200, answer.text
    expected = rol_model.import_file(path).report
    got = rol_model.loads(answer.content)
    assert (got.title, got.organization, got.year) == (
        expected.title,
        expected.organization,
        expected.year,
    )
    assert got.parts == expected.parts
