"""The report in a saved web page: its main article, its title and its metadata rows.

A page saved from a government portal holds the report among the portal's navigation,
breadcrumbs, a metadata table (索引号, 发布机构, 发文日期 …), buttons (字号 大 中 小, 打印本页,
分享到), lists of related articles and a footer. The page is parsed with an
HTML5 parser (selectolax, extra ``html``) into a small tree, and:

- the *main article* is found from the top: the child element holding at least 70% of the
  report text, and so on down until none does (report text: text not inside links, ``nav``,
  ``aside``, the page's ``header``/``footer``, or elements whose class or id names navigation,
  breadcrumbs, share bars, sidebars, related links or the footer);
- the page's *title* is the nearest heading (``h1``–``h3`` or an element whose class or id
  names a title) before the article, unless the article has its own;
- the *metadata* rows anywhere on the page (a table or list of ``发布机构`` ``XX`` cells) become
  text lines ``发布机构：XX`` put before the title; the text importer sets them aside as page
  metadata, where they are evidence of the publication date and the body.

When no element holds most of the page's text (a page that is not an article), all visible
paragraphs are kept, as :func:`~rol_model.importer._html.html_to_text` reads them.
"""

from __future__ import annotations

import email
import email.policy
import re
from typing import Any

import attrs

from rol_model.exceptions import Issue, ReadError, require_extra
from rol_model.importer._html import html_to_text
from rol_model.importer._problems import info
from rol_model.importer._source import chrome_kind
from rol_model.text import fold

__all__ = ["mhtml_to_html", "webpage_text"]

_SKIPPED = frozenset({"script", "style", "noscript", "head", "template", "svg", "select"})
_BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
        "center",
    ]
)
_CHROME_TAGS = frozenset({"nav", "aside"})
_CHROME_NAME = re.compile(
    r"(?:^|[-_\s])(?:nav\w*|menu\w*|\w*crumbs?|location|position|weizhi|share\w*|fenxiang|"
    r"foot\w*|bottom|copyright|banner|side\w*|relat\w*|links?|xglj|search\w*)(?:$|[-_\s\d])",
    re.IGNORECASE,
)
_TITLE_NAME = re.compile(r"(?:^|[-_\s])(?:\w*title\w*|tit|bt|headline)(?:$|[-_\s\d])", re.I)
# elements nested deeper than this are read as siblings (hostile pages nest thousands)
_MAX_DEPTH = 200
# a metadata table is small: more cells than this is a data or layout table
_MAX_META_CELLS = 60
# a child holding this share of its parent's text is where the article is
_SHARE = 0.7
_HEADINGS = frozenset({"h1", "h2", "h3"})
_SPACES = re.compile(r"[ \t\r\n\f\u00a0\u3000]+")
_META_KEYS = (
    "索引号",
    "发布机构",
    "发文机关",
    "发文机构",
    "发布单位",
    "信息来源",
    "来源",
    "发文日期",
    "发布日期",
    "发布时间",
    "成文日期",
    "生成日期",
    "文号",
    "发文字号",
    "主题分类",
    "主题词",
    "公开方式",
    "公开范围",
    "公开时限",
    "有效性",
    "名称",
    "标题",
)
_META_KEY = re.compile(r"^(?:" + "|".join(_META_KEYS) + r")\s*[:：]?$")


@attrs.define(eq=False)
class _Node:
    tag: str
    attributes: dict[str, str]
    parent: _Node | None
    children: list[_Node | str] = attrs.field(factory=list)
    weight: int = 0  # characters of report text inside, outside links and chrome

    def name(self) -> str:
        return f"{self.attributes.get('class', '')} {self.attributes.get('id', '')}"


def _tree(html: str) -> _Node:
    """The page as a small tree, parsed as a browser parses it (selectolax's HTML5 parser, the
    one :func:`~rol_model.importer._html.html_to_text` uses: linear on any markup). Built
    without recursion; elements nested deeper than ``_MAX_DEPTH`` are read as siblings."""
    lexbor = require_extra(
        "selectolax.lexbor", extra="html", feature="importing an HTML page (a linear HTML5 parser)"
    )
    try:
        top = lexbor.LexborHTMLParser(html.encode("utf-8", "replace").decode("utf-8")).root
    except Exception as error:  # the parser refuses nothing we know of; say so if it does
        raise ReadError(f"cannot parse the HTML page: {error}") from None
    root = _Node("root", {}, None)
    stack: list[tuple[Any, _Node, int]] = [] if top is None else [(top, root, 0)]
    while stack:
        source, parent, depth = stack.pop()
        tag = source.tag
        if tag == "-text":
            parent.children.append(source.text_content or "")
            continue
        if not isinstance(tag, str) or tag.startswith("-") or tag in _SKIPPED:
            continue  # comments, doctype, scripts, styles, the head
        node = parent
        if depth < _MAX_DEPTH:
            attributes = {str(k): str(v or "") for k, v in (source.attributes or {}).items()}
            node = _Node(tag, attributes, parent)
            parent.children.append(node)
        children = []
        child = source.child
        while child is not None:
            children.append(child)
            child = child.next
        stack.extend((child, node, depth + 1) for child in reversed(children))
    return root


def _is_chrome(node: _Node) -> bool:
    if node.tag in _CHROME_TAGS:
        return True
    if node.tag in ("header", "footer"):
        # an article's own header holds its title; the page's header and footer are chrome
        parent = node.parent
        while parent is not None:
            if parent.tag in ("article", "main"):
                return node.tag == "footer"
            parent = parent.parent
        return True
    return bool(_CHROME_NAME.search(node.name()))


def _text_weight(text: str) -> int:
    return len(_SPACES.sub("", text))


def _weigh(node: _Node) -> int:
    """Report text inside ``node``, outside links and chrome; sets ``weight`` on the way."""
    total = 0
    for child in node.children:
        if isinstance(child, str):
            total += _text_weight(child)
            continue
        weight = _weigh(child)
        if child.tag != "a" and not _is_chrome(child):
            total += weight
    node.weight = total
    return total


def _main(root: _Node) -> _Node:
    """The main article: from the root down, into the one child that holds most of the text."""
    node = root
    while True:
        children = [
            child
            for child in node.children
            if isinstance(child, _Node) and child.tag != "a" and not _is_chrome(child)
        ]
        heaviest = max(children, key=lambda child: child.weight, default=None)
        if heaviest is None or heaviest.weight < _SHARE * node.weight:
            return node
        node = heaviest


def _walk(node: _Node) -> list[_Node]:
    nodes = [node]
    index = 0
    while index < len(nodes):
        nodes.extend(child for child in nodes[index].children if isinstance(child, _Node))
        index += 1
    return nodes


def _order(root: _Node) -> dict[int, int]:
    """Document order of every element."""
    order: dict[int, int] = {}
    stack: list[_Node] = [root]
    while stack:
        node = stack.pop()
        order[id(node)] = len(order)
        stack.extend(reversed([c for c in node.children if isinstance(c, _Node)]))
    return order


def _lines(node: _Node, *, skip_chrome: bool) -> list[str]:
    """The visible lines of an element: block elements end lines, chrome is left out."""
    lines: list[str] = []
    current: list[str] = []

    def end() -> None:
        line = _SPACES.sub(" ", "".join(current)).strip(" ")
        if line:
            lines.append(line)
        current.clear()

    def visit(element: _Node) -> None:
        for child in element.children:
            if isinstance(child, str):
                current.append(child)
                continue
            if skip_chrome and _is_chrome(child):
                continue
            rows = _meta_rows(child) if child.tag == "table" else []
            if rows:
                end()
                lines.extend(f"{key}：{value}" for key, value in rows)
                continue
            block = child.tag in _BLOCKS
            if block:
                end()
            visit(child)
            if block:
                end()

    visit(node)
    end()
    return lines


def _flat_text(cell: _Node) -> str | None:
    """A table cell's text, or ``None`` when it holds a table (a layout cell, no metadata)."""
    parts: list[str] = []
    stack: list[_Node | str] = list(reversed(cell.children))
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            parts.append(item)
        elif item.tag == "table":
            return None
        else:
            parts.append(" ")
            stack.extend(reversed(item.children))
    return _SPACES.sub(" ", "".join(parts)).strip()


def _table_rows(table: _Node) -> list[list[_Node]]:
    """The cells of a table's own rows (not of the tables nested in them)."""
    rows: list[list[_Node]] = []
    for child in table.children:
        if not isinstance(child, _Node):
            continue
        sections = [child] if child.tag == "tr" else []
        if child.tag in ("thead", "tbody", "tfoot"):
            sections = [r for r in child.children if isinstance(r, _Node) and r.tag == "tr"]
        for row in sections:
            rows.append([c for c in row.children if isinstance(c, _Node) and c.tag in ("td", "th")])
    return rows


def _meta_rows(table: _Node) -> list[tuple[str, str]]:
    """``(key, value)`` pairs of a metadata table: cells 索引号 | value | 发布机构 | value …."""
    rows: list[tuple[str, str]] = []
    cell_rows = _table_rows(table)
    if not cell_rows or sum(len(cells) for cells in cell_rows) > _MAX_META_CELLS:
        return []
    for cells in cell_rows:
        texts = [_flat_text(cell) for cell in cells]
        if any(text is None for text in texts):
            return []  # a layout table around other tables
        index = 0
        while index < len(texts):
            key = fold(texts[index] or "").replace(" ", "")
            if _META_KEY.match(key) and index + 1 < len(texts):
                rows.append((key.rstrip(":："), texts[index + 1] or ""))
                index += 2
            else:
                index += 1
    # only rows the text importer sets aside as page metadata (名称 or 标题 would be content)
    rows = [(key, value) for key, value in rows if chrome_kind(fold(f"{key}：{value}"))]
    return rows if len({key for key, _ in rows}) >= 2 else []


def _metadata(root: _Node, article: _Node, body: list[str]) -> list[str]:
    """Metadata lines of the page outside the article: table rows and chrome lines."""
    lines: list[str] = []
    inside = {id(node) for node in _walk(article)}
    for node in _walk(root):
        if node.tag == "table" and id(node) not in inside:
            lines.extend(f"{key}：{value}" for key, value in _meta_rows(node))
    known = set(lines) | set(body)
    for line in _lines(root, skip_chrome=False):
        if line not in known and chrome_kind(fold(line)) in ("page metadata", "page date"):
            lines.append(line)
            known.add(line)
    return lines


def _title(root: _Node, article: _Node, order: dict[int, int]) -> str | None:
    """The nearest heading before the article (the article's own, if it has one, wins)."""
    inside = _walk(article)
    if any(node.tag in _HEADINGS or _TITLE_NAME.search(node.name()) for node in inside[1:]):
        return None
    start = order[id(article)]
    best: tuple[int, str] | None = None
    for node in _walk(root):
        if order[id(node)] >= start:
            continue
        if not (node.tag in _HEADINGS or _TITLE_NAME.search(node.name())):
            continue
        if _is_chrome(node) or any(_is_chrome(p) for p in _ancestors(node)):
            continue
        text = " ".join(_lines(node, skip_chrome=True))
        if 6 <= len(text) <= 120 and (best is None or order[id(node)] > best[0]):
            best = (order[id(node)], text)
    return best[1] if best else None


def _ancestors(node: _Node) -> list[_Node]:
    found = []
    parent = node.parent
    while parent is not None:
        found.append(parent)
        parent = parent.parent
    return found


_NOTE = info(
    "import.html",
    "an HTML page: its visible paragraphs were imported (no main article found); line "
    "numbers count the lines of that text, one per paragraph",
)


def webpage_text(html: str) -> tuple[str, tuple[Issue, ...]]:
    """The report text of a saved web page and a note on how it was read.

    Returns the metadata lines (``发布机构：XX``), the title and the main article's paragraphs,
    one per line. When the page has no main article (no element holds most of its text) every
    visible paragraph outside navigation and footers is returned.
    """
    root = _tree(html)
    if _weigh(root) == 0:
        return html_to_text(html), (_NOTE,)
    article = _main(root)
    if article.tag in ("root", "html", "body"):
        # no element holds most of the text: every visible paragraph but the chrome
        return "\n".join(_lines(root, skip_chrome=True)), (_NOTE,)
    order = _order(root)
    body = _lines(article, skip_chrome=True)
    lines = _metadata(root, article, body)
    title = _title(root, article, order)
    if title and (not body or fold(body[0]) != fold(title)):
        lines.append(title)
    lines.extend(body)
    dropped = root.weight - article.weight - (len(title) if title else 0)
    note = info(
        "import.html",
        f"an HTML page: its main article <{article.tag}"
        + (f' class="{article.attributes["class"]}"' if article.attributes.get("class") else "")
        + (f' id="{article.attributes["id"]}"' if article.attributes.get("id") else "")
        + f"> was imported, {max(dropped, 0)} characters of navigation, page header and "
        "footer left out, metadata rows kept as page metadata; line numbers count the lines "
        "of that text, one per paragraph",
    )
    return "\n".join(lines), (note,)


def mhtml_to_html(data: bytes, *, name: str) -> str:
    """The HTML of a web page saved as MHTML (``.mhtml``, ``.mht``): its first HTML part.

    Read with the standard library's email parser, which decodes quoted-printable and base64
    parts and their character sets. Raises :class:`~rol_model.ReadError` when there is no HTML
    part.
    """
    message = email.message_from_bytes(data, policy=email.policy.default)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            try:
                content = part.get_content()
            except (LookupError, ValueError) as error:
                raise ReadError(f"{name}: cannot decode the saved page's HTML: {error}") from None
            if isinstance(content, bytes):
                content = content.decode("utf-8", errors="replace")
            return str(content)
    raise ReadError(f"{name}: not a saved web page (MHTML): no text/html part")
