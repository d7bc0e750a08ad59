"""Structure rules (ROL1xx): the parts, causes, plan year, title, headings and length."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rol_model.checker._registry import (
    PART_NAMES,
    Context,
    Hit,
    excerpt,
    node_text,
    part_pointers,
    rule,
)
from rol_model.model import Part, Report, ShortcomingsPart
from rol_model.text import DIGIT_TABLE, normalize

# A year on its own: not one end of a range such as 2021—2025年 or 2021-2025.
_SINGLE_YEAR = re.compile(r"(?<![0-9—–\-~至到])((?:19|20)[0-9]{2})(?=年)(?!年?\s*[—–\-~至到])")
_CHINESE_DIGITS = DIGIT_TABLE


@rule("ROL101")
def missing_part(context: Context) -> Iterator[Hit]:
    """Each part the profile requires is present."""
    from rol_model.checker._required import missing_parts

    for kind in missing_parts(context.report, context.profile):
        english, chinese = PART_NAMES[kind]
        yield Hit(
            pointer="/parts",
            message=f"the report has no part on {english}",
            message_zh=f"报告缺少“{chinese}”部分",
        )


def _is_empty(part: Part) -> bool:
    names = ("measures", "shortcomings", "causes", "plans", "items")
    items = (getattr(part, name, ()) for name in names)
    return not part.text and not any(items) and not part.indicators


@rule("ROL102")
def empty_part(context: Context) -> Iterator[Hit]:
    """Every part has text or items."""
    for index, part in enumerate(context.report.parts):
        if _is_empty(part):
            english, chinese = PART_NAMES[part.kind]
            yield Hit(
                pointer=f"/parts/{index}",
                message=f"the part on {english} has no text and no items",
                message_zh=f"“{chinese}”部分没有任何内容",
            )


def _mentions_causes(context: Context, index: int) -> bool:
    # The part heading does not count: 存在的不足和原因 announces causes, it does not give them.
    texts = [context.report.parts[index].text or ""]
    texts += [node_text(node) for _, node in context.part_nodes(index)]
    return any("原因" in text for text in texts)


@rule("ROL103")
def missing_causes(context: Context) -> Iterator[Hit]:
    """A shortcomings part states causes (as cause records, or at least in words: 原因)."""
    report = context.report
    for index, part in enumerate(report.parts):
        if not isinstance(part, ShortcomingsPart) or not part.shortcomings or part.causes:
            continue
        if _mentions_causes(context, index):
            continue
        yield Hit(
            pointer=f"/parts/{index}",
            message=(
                "1 shortcoming is listed but no cause is given"
                if len(part.shortcomings) == 1
                else f"{len(part.shortcomings)} shortcomings are listed but no cause is given"
            ),
            message_zh=f"列出了{len(part.shortcomings)}项不足，但未分析原因",
        )


def _single_years(text: str) -> list[int]:
    return [int(match) for match in _SINGLE_YEAR.findall(text)]


@rule("ROL104")
def plans_wrong_year(context: Context) -> Iterator[Hit]:
    """The heading (or opening sentence) of a plans part names the year after the reported one."""
    expected = context.report.year + 1
    for pointer in part_pointers(context.report, "plans"):
        part = context.report.parts[int(pointer.rsplit("/", 1)[1])]
        for field, text in (("heading", part.heading), ("text", part.text)):
            if not text:
                continue
            opening = re.split(r"[。；;]", text, maxsplit=1)[0] if field == "text" else text
            wrong = [year for year in _single_years(opening) if year != expected]
            if wrong:
                yield Hit(
                    pointer=f"{pointer}/{field}",
                    message=f"the plans name the year {wrong[0]}; they should be for {expected}",
                    message_zh=f"工作安排写的是{wrong[0]}年，应为{expected}年",
                    excerpt=excerpt(opening),
                )
                break


def _names(report: Report) -> list[str]:
    """Ways a title may name the body: 柳溪镇人民政府 is also just 柳溪镇."""
    organization = report.organization
    names = [organization.name]
    for suffix in ("人民政府办公室", "人民政府"):
        if organization.name.endswith(suffix) and len(organization.name) > len(suffix):
            names.append(organization.name[: -len(suffix)])
    if organization.kind == "government" and organization.region:
        names.append(organization.region)
    return names


def _title_has_year(title: str, year: int) -> bool:
    return str(year) in title.translate(_CHINESE_DIGITS)


@rule("ROL105")
def title_incomplete(context: Context) -> Iterator[Hit]:
    """The title contains the organization's name and the reported year."""
    report = context.report
    title = normalize(report.title)
    missing_en, missing_zh = [], []
    if not any(normalize(name) in title for name in _names(report)):
        missing_en.append(f"the organization ({report.organization.name})")
        missing_zh.append(f"报告主体（{report.organization.name}）")
    if not _title_has_year(report.title, report.year):
        missing_en.append(f"the year {report.year}")
        missing_zh.append(f"年度（{report.year}年）")
    if missing_en:
        yield Hit(
            pointer="/title",
            message="the title does not name " + " and ".join(missing_en),
            message_zh="标题未写明" + "和".join(missing_zh),
        )


@rule("ROL106")
def missing_heading(context: Context) -> Iterator[Hit]:
    """Each required heading occurs in some item heading of a part of its kind."""
    report = context.report
    for required in context.profile.required_headings:
        pointers = part_pointers(report, required.part)
        if not pointers:
            continue  # ROL101 reports the missing part itself
        headings = []
        for pointer in pointers:
            index = int(pointer.rsplit("/", 1)[1])
            headings.append(report.parts[index].heading or "")
            headings += [
                getattr(node, "heading", None) or "" for _, node in context.part_nodes(index)
            ]
        if not any(phrase in heading for heading in headings for phrase in required.any_of):
            wanted = "、".join(required.any_of)
            english, chinese = PART_NAMES[required.part]
            yield Hit(
                pointer=pointers[0],
                message=f"the part on {english} has no heading on {wanted}",
                message_zh=f"“{chinese}”部分缺少关于“{wanted}”的标题",
            )


@rule("ROL107")
def title_wording(context: Context) -> Iterator[Hit]:
    """The title contains every term the profile prescribes."""
    title = normalize(context.report.title)
    for term in context.profile.title_terms:
        if normalize(term) not in title:
            yield Hit(
                pointer="/title",
                message=f"the title does not contain the prescribed name {term}",
                message_zh=f"标题未使用规定的名称“{term}”",
            )


def _length(texts: list[str | None]) -> int:
    return sum(len(normalize(text)) for text in texts if text)


def part_length(context: Context, index: int) -> int:
    """Letters and digits of a part: its text and every item (not the part heading)."""
    texts: list[str | None] = [context.report.parts[index].text]
    texts += [node_text(node) for _, node in context.part_nodes(index)]
    return _length(texts)


def _bounds_message(length: int, minimum: int | None, maximum: int | None) -> tuple[str, str]:
    if minimum is not None and length < minimum:
        return (
            f"{length} characters, fewer than the minimum of {minimum}",
            f"{length}字，少于规定的{minimum}字",
        )
    return (
        f"{length} characters, more than the maximum of {maximum}",
        f"{length}字，超过规定的{maximum}字",
    )


def _outside(length: int, minimum: int | None, maximum: int | None) -> bool:
    return (minimum is not None and length < minimum) or (maximum is not None and length > maximum)


@rule("ROL108")
def length_out_of_bounds(context: Context) -> Iterator[Hit]:
    """The whole report and the parts of each kind stay within the profile's length limits."""
    report = context.report
    whole = context.profile.report_length
    if whole is not None:
        lengths = [part_length(context, i) for i in range(len(report.parts))]
        preamble = report.preamble.text if report.preamble else None
        total = sum(lengths) + _length([report.title, preamble])
        if _outside(total, whole.minimum, whole.maximum):
            english, chinese = _bounds_message(total, whole.minimum, whole.maximum)
            yield Hit(pointer="", message=f"the report has {english}", message_zh=f"全文{chinese}")
    for kind, limit in context.profile.part_lengths.items():
        pointers = part_pointers(report, kind)
        if not pointers:
            continue
        total = sum(part_length(context, int(p.rsplit("/", 1)[1])) for p in pointers)
        if _outside(total, limit.minimum, limit.maximum):
            english, chinese = _bounds_message(total, limit.minimum, limit.maximum)
            name_en, name_zh = PART_NAMES[kind]
            yield Hit(
                pointer=pointers[0],
                message=f"the part on {name_en} has {english}",
                message_zh=f"“{name_zh}”部分{chinese}",
            )
