"""The service's OpenAPI 3.1 document, built from the report, profile and diff JSON Schemas.

OpenAPI 3.1 schema objects are JSON Schema draft 2020-12, so the packaged schemas go in as they
are: each becomes a component (``Report``, ``Profile``, ``ReportDiff``) and its ``$defs`` are
lifted beside it, with ``#/$defs/X`` references rewritten to ``#/components/schemas/X``.
"""

from __future__ import annotations

import copy
import functools
import json
from importlib import resources
from typing import Any

import rol_model

__all__ = ["DOCX", "RENDER_TYPES", "document"]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
RENDER_TYPES = {
    "text": "text/plain; charset=utf-8",
    "markdown": "text/markdown; charset=utf-8",
    "html": "text/html; charset=utf-8",
}
_ROOTS = {"report": "Report", "profile": "Profile", "diff": "ReportDiff"}


def _packaged(name: str) -> dict[str, Any]:
    text = resources.files("rol_model").joinpath(f"schemas/{name}.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _rewrite(node: Any) -> Any:
    if isinstance(node, dict):
        return {
            key: (
                value.replace("#/$defs/", "#/components/schemas/", 1)
                if key == "$ref" and isinstance(value, str)
                else _rewrite(value)
            )
            for key, value in node.items()
        }
    if isinstance(node, list):
        return [_rewrite(item) for item in node]
    return node


@functools.cache
def _components() -> dict[str, Any]:
    schemas: dict[str, Any] = {}
    for name, root in _ROOTS.items():
        schema = _packaged(name)
        for key in ("$schema", "$id", "$comment"):
            schema.pop(key, None)
        for key, definition in schema.pop("$defs", {}).items():
            if key in schemas or key in _ROOTS.values():
                raise RuntimeError(f"two schemas define {key}")  # tests/service/test_service.py
            schemas[key] = _rewrite(definition)
        schemas[root] = _rewrite(schema)
    issue = {
        "type": "object",
        "required": ["code", "severity", "pointer", "line", "column", "message"],
        "properties": {
            "code": {"type": "string", "examples": ["schema.required", "json.syntax"]},
            "severity": {"enum": ["error", "warning", "info"]},
            "pointer": {"type": "string", "description": "RFC 6901 JSON Pointer"},
            "line": {"type": ["integer", "null"]},
            "column": {"type": ["integer", "null"]},
            "message": {"type": "string"},
        },
    }
    schemas["Issue"] = issue
    schemas["Problem"] = {
        "description": "RFC 9457 problem details; issues[].pointer locates each problem.",
        "type": "object",
        "required": ["type", "title", "status", "detail"],
        "properties": {
            "type": {"type": "string", "format": "uri"},
            "title": {"type": "string"},
            "status": {"type": "integer", "minimum": 400, "maximum": 599},
            "detail": {"type": "string"},
            "instance": {"type": "string"},
            "issues": {"type": "array", "items": {"$ref": "#/components/schemas/Issue"}},
        },
    }
    schemas["ValidationRecord"] = {
        "type": "object",
        "required": ["file", "valid", "issues"],
        "properties": {
            "file": {"type": "string"},
            "valid": {"type": "boolean"},
            "issues": {"type": "array", "items": {"$ref": "#/components/schemas/Issue"}},
        },
    }
    schemas["CheckResult"] = {
        "type": "object",
        "required": ["file", "previous", "profile", "counts", "findings"],
        "properties": {
            "file": {"type": "string"},
            "previous": {"type": ["string", "null"]},
            "profile": {"type": "string"},
            "counts": {
                "type": "object",
                "properties": {s: {"type": "integer"} for s in ("error", "warning", "info")},
            },
            "findings": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["code", "name", "severity", "pointer", "message", "message_zh"],
                    "properties": {
                        "code": {"type": "string"},
                        "name": {"type": "string"},
                        "severity": {"enum": ["error", "warning", "info"]},
                        "pointer": {"type": "string"},
                        "message": {"type": "string"},
                        "message_zh": {"type": "string"},
                        "excerpt": {"type": ["string", "null"]},
                    },
                },
            },
        },
    }
    return schemas


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _problems(*statuses: int) -> dict[str, Any]:
    words = {
        400: "Bad request: a missing part or a bad parameter",
        408: "The request was not received within the time limit",
        413: "The body is over the size limit",
        415: "Unsupported content type",
        422: "The document cannot be used: invalid report or profile, unreadable, too slow",
    }
    return {
        str(status): {
            "description": words[status],
            "content": {"application/problem+json": {"schema": _ref("Problem")}},
        }
        for status in statuses
    }


def _binary(*names: str, required: tuple[str, ...]) -> dict[str, Any]:
    return {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "required": list(required),
                    "properties": {n: {"type": "string", "format": "binary"} for n in names},
                }
            }
        },
    }


def _report_body() -> dict[str, Any]:
    return {"required": True, "content": {"application/json": {"schema": _ref("Report")}}}


def _query(name: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": schema,
    }


def document(limits: rol_model.Limits | None = None) -> dict[str, Any]:
    """The OpenAPI document (a new dict each call)."""
    size = (limits or rol_model.DEFAULT_LIMITS).max_bytes
    common = (400, 408, 413, 415, 422)
    check_body = _report_body()
    check_body["content"].update(
        _binary("report", "previous", "profile", required=("report",))["content"]
    )
    import_body = {
        "required": True,
        "content": {
            "text/plain": {"schema": {"type": "string"}},
            "text/html": {"schema": {"type": "string"}},
            DOCX: {"schema": {"type": "string", "format": "binary"}},
            "application/pdf": {"schema": {"type": "string", "format": "binary"}},
            "multipart/form-data": _binary("file", required=("file",))["content"][
                "multipart/form-data"
            ],
        },
    }
    validate_body = _report_body()
    validate_body["content"]["multipart/form-data"] = {
        "schema": {
            "type": "object",
            "additionalProperties": {"type": "string", "format": "binary"},
        }
    }
    paths = {
        "/import": {
            "post": {
                "operationId": "importReport",
                "summary": "Import a published report (text, saved web page, Word) / 导入报告",
                "description": "What `rol import --format json` prints. A raw body with its "
                "content type, or a multipart upload in the part `file`. The header "
                "`rol-import-warnings` counts the warnings; `warnings=true` answers "
                "`{report, warnings}` instead.",
                "parameters": [
                    _query(
                        "organization",
                        "reporting body, when the title lacks it",
                        {"type": "string"},
                    ),
                    _query(
                        "year",
                        "reported year, when the title lacks it",
                        {"type": "string", "pattern": "^[0-9]{4}$"},
                    ),
                    _query("warnings", "answer {report, warnings}", {"enum": ["false", "true"]}),
                ],
                "requestBody": import_body,
                "responses": {
                    "200": {
                        "description": "The imported report",
                        "content": {"application/json": {"schema": _ref("Report")}},
                    },
                    **_problems(*common),
                },
            }
        },
        "/validate": {
            "post": {
                "operationId": "validateReport",
                "summary": "Check report JSON against the schema / 校验报告",
                "description": "What `rol validate --format json` prints: one record per "
                "document (a JSON body, or every part of a multipart body). An invalid "
                "report is an answer, not an error: 200 with valid false.",
                "requestBody": validate_body,
                "responses": {
                    "200": {
                        "description": "One record per document",
                        "content": {
                            "application/json": {
                                "schema": {"type": "array", "items": _ref("ValidationRecord")}
                            }
                        },
                    },
                    **_problems(*common),
                },
            }
        },
        "/check": {
            "post": {
                "operationId": "checkReport",
                "summary": "Check a report against the rules of a profile / 按规则检查报告",
                "description": "What `rol check --format json` prints. A JSON body is the "
                "report; a multipart body has the parts `report`, `previous` (last year's "
                "report, for the ROL4xx rules) and `profile` (a profile document).",
                "parameters": [
                    _query(
                        "profile", "built-in profile", {"enum": list(rol_model.builtin_profiles())}
                    ),
                    _query(
                        "select",
                        "only these rule codes or prefixes, comma-separated",
                        {"type": "string"},
                    ),
                    _query("ignore", "skip these rule codes or prefixes", {"type": "string"}),
                ],
                "requestBody": check_body,
                "responses": {
                    "200": {
                        "description": "The findings",
                        "content": {"application/json": {"schema": _ref("CheckResult")}},
                    },
                    **_problems(*common),
                },
            }
        },
        "/diff": {
            "post": {
                "operationId": "diffReports",
                "summary": "What changed between two reports / 比较两份报告",
                "description": "What `rol diff OLD NEW --format json` prints (diff.schema.json); "
                "`format=patch` gives an RFC 6902 JSON Patch, `text` and `markdown` the outline.",
                "parameters": [
                    _query(
                        "format", "output format", {"enum": ["json", "patch", "text", "markdown"]}
                    ),
                ],
                "requestBody": _binary("old", "new", required=("old", "new")),
                "responses": {
                    "200": {
                        "description": "The changes",
                        "content": {
                            "application/json": {"schema": _ref("ReportDiff")},
                            "text/plain": {"schema": {"type": "string"}},
                            "text/markdown": {"schema": {"type": "string"}},
                        },
                    },
                    **_problems(*common),
                },
            }
        },
        "/render": {
            "post": {
                "operationId": "renderReport",
                "summary": "A report in the official layout / 按规范格式输出报告",
                "description": "What `rol render --format text|markdown|html` prints.",
                "parameters": [
                    _query("format", "output format", {"enum": ["text", "markdown", "html"]}),
                ],
                "requestBody": _report_body(),
                "responses": {
                    "200": {
                        "description": "The rendered report",
                        "content": {
                            "text/plain": {"schema": {"type": "string"}},
                            "text/markdown": {"schema": {"type": "string"}},
                            "text/html": {"schema": {"type": "string"}},
                        },
                    },
                    **_problems(*common),
                },
            }
        },
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "rol-model service",
            "version": rol_model.__version__,
            "description": "Rule-of-law government annual reports (法治政府建设年度报告) as "
            f"typed, validated data. Request bodies up to {size} bytes. See docs/service.md.",
        },
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "paths": paths,
        "components": {"schemas": copy.deepcopy(_components())},
    }
