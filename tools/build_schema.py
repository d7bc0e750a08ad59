"""Build ``schemas/report.schema.json`` (the packaged file) from one description.

The schema unrolls the outline into one definition per level (``Measure``, ``Measure2`` …), so that
the nesting depth is bounded in the schema itself and any draft 2020-12 validator enforces it.
Writing that by hand would mean keeping four near-copies in step; this script is the one place to
edit. Run ``python tools/build_schema.py`` after a change; ``tests/validation/test_schema.py``
fails when the
files and this script disagree.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
#: The one copy: ``schemas/`` at the repository root is a link to the packaged folder.
TARGETS = (ROOT / "src" / "rol_model" / "schemas" / "report.schema.json",)
SCHEMA_ID = "urn:rol-model:schema:report:1.0"
MAX_DEPTH = 4  # keep in step with rol_model.model._classes.MAX_OUTLINE_DEPTH
MAX_ITEMS = 10_000
MAX_VALUE = 10**15

# A pattern that must match the whole string. Python's `$` also matches before a final newline,
# ECMA-262's does not: the look-ahead makes both engines give the same verdict.
END = "(?!\\n)$"
ID_PATTERN = "^[A-Za-z][A-Za-z0-9_.-]{0,63}" + END
DATE_PATTERN = "^(?:19|20)[0-9]{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])" + END
EXTENSION_KEY_PATTERN = "^[a-z][a-z0-9-]{0,31}:[A-Za-z0-9_.-]{1,64}" + END


def doc(en_title: str, zh_title: str, en: str, zh: str, **schema: Any) -> dict[str, Any]:
    """A schema fragment with a bilingual title and description; ``ref=NAME`` points to a $def."""
    if "ref" in schema:
        schema["$ref"] = f"#/$defs/{schema.pop('ref')}"
    return {"title": f"{en_title} / {zh_title}", "description": f"{en} {zh}", **schema}


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/$defs/{name}"}


def array(items: dict[str, Any], **schema: Any) -> dict[str, Any]:
    return {"type": "array", "items": items, "maxItems": MAX_ITEMS, **schema}


def obj(properties: dict[str, Any], required: list[str], **schema: Any) -> dict[str, Any]:
    return {
        "type": "object",
        **schema,
        "required": required,
        "properties": properties,
        "additionalProperties": False,
    }


# Shared property descriptions -------------------------------------------------------------

ID = doc(
    "Identifier",
    "标识",
    "Unique within the report, stable across versions so that diffs and cross references "
    "hold. Recommended form: a letter for the kind and the outline position, e.g. m1.2, s3, "
    "c1, p2, l1, o1, m1.2-i1.",
    "在报告内唯一，跨版本保持稳定，便于比对和相互引用。建议以类别字母加大纲位置命名，如 m1.2、s3、"
    "c1、p2、l1、o1、m1.2-i1。",
    ref="Identifier",
)
MARKER = doc(
    "Marker",
    "序号",
    "The numbering as printed in the source (（一）, 1., （1）, 一是); informational, renderers "
    "number items by position.",
    "原文中印刷的序号（如（一）、1.、（1）、一是），仅供参考，输出时按位置重新编号。",
    type="string",
    minLength=1,
    maxLength=16,
)
HEADING = doc(
    "Heading",
    "标题",
    "The item's heading or lead sentence, without its marker.",
    "条目的标题或首句，不含序号。",
    type="string",
    minLength=1,
    maxLength=1000,
)
TEXT = doc(
    "Text",
    "正文",
    "Body text as written; paragraphs are separated by a line feed.",
    "原文正文，段落之间以换行符分隔。",
    ref="Text",
)
INDICATORS = doc(
    "Indicators",
    "数据指标",
    "Figures stated in this element's own text, in order of appearance. On a plan they are "
    "targets for the next year.",
    "本条目正文中出现的数据，按出现顺序排列；在工作安排中表示下一年度的目标。",
    **array(ref("Indicator")),
)
REFERENCES = doc(
    "References",
    "引用文件",
    "Laws, regulations and documents cited in 《…》, titles without the brackets, in order of "
    "appearance.",
    "正文中以《》引用的法律、法规和文件名称（不含书名号），按出现顺序排列。",
    **array({"type": "string", "minLength": 1, "maxLength": 500}),
)
LINES = doc(
    "Source lines",
    "原文行号",
    "Where the element stands in the imported source text.",
    "该条目在导入原文中的位置。",
    ref="LineRange",
)
SHORTCOMING_IDS = doc(
    "Shortcomings addressed",
    "对应问题",
    "Ids of the shortcomings this element refers to.",
    "本条目所针对的问题（不足）的标识。",
    **array(ref("Identifier"), uniqueItems=True),
)


def node_properties() -> dict[str, Any]:
    return {
        "id": ID,
        "marker": MARKER,
        "heading": HEADING,
        "text": TEXT,
        "indicators": INDICATORS,
        "references": REFERENCES,
        "lines": LINES,
    }


NODES = {
    "Measure": (
        ("Measure", "举措"),
        "A measure taken in the reported year and its results; nests like the outline "
        "（一） → 1. → （1） → ①.",
        "本年度推进法治政府建设的一项举措及其成效，按大纲层级嵌套：（一）→ 1. →（1）→ ①。",
        {},
    ),
    "Shortcoming": (
        ("Shortcoming", "不足"),
        "A shortcoming the body reports; its causes are Cause records of the same part.",
        "报告中指出的一项不足或问题，其原因记录在同一部分的 causes 中。",
        {},
    ),
    "Plan": (
        ("Plan", "工作安排"),
        "A main arrangement for the next year.",
        "下一年度推进法治政府建设的一项主要安排。",
        {"shortcoming_ids": SHORTCOMING_IDS},
    ),
    "Item": (
        ("Item", "条目"),
        "An outline item of the leadership part or of the other-matters part.",
        "第一责任人职责履行情况部分或其他需要报告的情况部分中的条目。",
        {},
    ),
}


def node_defs() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    for name, ((en_title, zh_title), en, zh, extra) in NODES.items():
        for level in range(1, MAX_DEPTH + 1):
            properties = node_properties()
            properties.update(extra)
            if level < MAX_DEPTH:
                child = f"{name}{level + 1}"
                properties["children"] = doc(
                    "Children",
                    "下级条目",
                    f"Items one level down the outline (level {level + 1} of {MAX_DEPTH}).",
                    f"下一级大纲条目（第 {level + 1} 级，共 {MAX_DEPTH} 级）。",
                    **array(ref(child)),
                )
            suffix = "" if level == 1 else str(level)
            level_en = f" Outline level {level} of {MAX_DEPTH}."
            level_zh = f"大纲第 {level} 级（共 {MAX_DEPTH} 级）。"
            defs[f"{name}{suffix}"] = obj(
                properties, ["id"], **doc(en_title, zh_title, en + level_en, zh + level_zh)
            )
    return defs


PARTS = {
    "measures": (
        "MeasuresPart",
        ("Measures part", "主要举措和成效"),
        "Part 1: main measures and results of the year in advancing rule-of-law government.",
        "第一部分：上一年度推进法治政府建设的主要举措和成效。",
        {
            "measures": doc(
                "Measures", "举措", "Top-level measures.", "第一级举措。", **array(ref("Measure"))
            )
        },
    ),
    "shortcomings": (
        "ShortcomingsPart",
        ("Shortcomings part", "存在的不足和原因"),
        "Part 2: shortcomings and their causes.",
        "第二部分：存在的不足和原因。",
        {
            "shortcomings": doc(
                "Shortcomings",
                "不足",
                "Top-level shortcomings.",
                "第一级不足。",
                **array(ref("Shortcoming")),
            ),
            "causes": doc(
                "Causes",
                "原因",
                "Causes of the shortcomings, as the report states them.",
                "报告所述不足的原因。",
                **array(ref("Cause")),
            ),
        },
    ),
    "leadership": (
        "LeadershipPart",
        ("Leadership part", "第一责任人职责履行情况"),
        "Part 3: how the principal party and government leaders fulfilled their duty as first "
        "responsible persons for rule-of-law construction.",
        "第三部分：党政主要负责人履行推进法治建设第一责任人职责情况。",
        {"items": doc("Items", "条目", "Top-level items.", "第一级条目。", **array(ref("Item")))},
    ),
    "plans": (
        "PlansPart",
        ("Plans part", "下一年度主要安排"),
        "Part 4: main arrangements for the next year.",
        "第四部分：下一年度推进法治政府建设的主要安排。",
        {
            "plans": doc(
                "Plans", "工作安排", "Top-level plans.", "第一级工作安排。", **array(ref("Plan"))
            )
        },
    ),
    "other": (
        "OtherPart",
        ("Other matters part", "其他需要报告的情况"),
        "Part 5: other matters that need reporting.",
        "第五部分：其他需要报告的情况。",
        {"items": doc("Items", "条目", "Top-level items.", "第一级条目。", **array(ref("Item")))},
    ),
}


def part_defs() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    for kind, (name, (en_title, zh_title), en, zh, extra) in PARTS.items():
        properties: dict[str, Any] = {
            "kind": doc("Kind", "类别", "Which part this is.", "部分类别。", const=kind),
            "marker": MARKER,
            "heading": doc(
                "Heading",
                "标题",
                "The part's heading as printed, without its marker.",
                "该部分的原文标题，不含序号。",
                type="string",
                minLength=1,
                maxLength=1000,
            ),
            "text": doc(
                "Text",
                "正文",
                "The part's own text outside its items (lead paragraphs, or the whole part "
                "when it has no items).",
                "该部分条目之外的正文（导语段落；没有条目时即全部内容）。",
                ref="Text",
            ),
            "indicators": INDICATORS,
            "references": REFERENCES,
            "lines": LINES,
        }
        properties.update(extra)
        defs[name] = obj(properties, ["kind"], **doc(en_title, zh_title, en, zh))
    kinds = list(PARTS)
    defs["Part"] = doc(
        "Part",
        "组成部分",
        "One part of the report; `kind` says which of the five parts of the 2019 regulation "
        "it is: " + ", ".join(kinds) + ".",
        "报告的一个组成部分；kind 表示它属于2019年《法治政府建设与责任落实督察工作规定》"
        "所要求五部分中的哪一部分。",
        type="object",
        required=["kind"],
        properties={
            "kind": doc(
                "Kind",
                "类别",
                "Which of the five parts this is.",
                "属于五部分中的哪一部分。",
                enum=kinds,
            )
        },
        allOf=[
            {"if": {"properties": {"kind": {"const": kind}}}, "then": ref(PARTS[kind][0])}
            for kind in kinds
        ],
    )
    return defs


def value_defs() -> dict[str, Any]:
    date = doc(
        "Date",
        "日期",
        "A calendar date, YYYY-MM-DD (RFC 3339 full-date), years 1900-2099.",
        "日历日期，格式为 YYYY-MM-DD（RFC 3339 full-date），年份 1900—2099。",
        type="string",
        format="date",
        pattern=DATE_PATTERN,
    )
    return {
        "Identifier": doc(
            "Identifier",
            "标识",
            "A letter, then up to 63 letters, digits, '_', '.' or '-'.",
            "以字母开头，后接至多63个字母、数字或 _ . - 字符。",
            type="string",
            pattern=ID_PATTERN,
        ),
        "Text": doc(
            "Text",
            "文本",
            "Non-empty text, at most 100,000 characters.",
            "非空文本，最多100000个字符。",
            type="string",
            minLength=1,
            maxLength=100_000,
        ),
        "Date": date,
        "LineRange": obj(
            {
                "start": doc(
                    "First line",
                    "起始行",
                    "1-based number of the first line.",
                    "第一行的行号（从1开始）。",
                    type="integer",
                    minimum=1,
                    maximum=10_000_000,
                ),
                "end": doc(
                    "Last line",
                    "结束行",
                    "1-based number of the last line, inclusive.",
                    "最后一行的行号（含）。",
                    type="integer",
                    minimum=1,
                    maximum=10_000_000,
                ),
            },
            ["start", "end"],
            **doc("Line range", "行范围", "Lines in the source text.", "原文中的行范围。"),
        ),
        "Period": obj(
            {
                "start": doc(
                    "Start", "开始日期", "First day covered.", "起始日（含）。", ref="Date"
                ),
                "end": doc("End", "结束日期", "Last day covered.", "截止日（含）。", ref="Date"),
            },
            ["start", "end"],
            **doc("Period", "统计期间", "The time a figure covers.", "数据所覆盖的期间。"),
        ),
        "Indicator": obj(
            {
                "id": ID,
                "label": doc(
                    "Label",
                    "指标名称",
                    "What is counted, in the report's words (e.g. 专项检查).",
                    "所统计的事项，用报告原文表述（如“专项检查”）。",
                    type="string",
                    minLength=1,
                    maxLength=500,
                ),
                "value": doc(
                    "Value",
                    "数值",
                    "The figure as stated, exact decimal, with 万 and 亿 folded in (3万 is 30000, "
                    "1.2亿 is 120000000). Read it as a decimal, not a binary float.",
                    "原文所述数值，精确十进制，万、亿折算入数值（3万即30000，1.2亿即120000000）。"
                    "请按十进制数读取，勿用二进制浮点数。",
                    type="number",
                    minimum=-MAX_VALUE,
                    maximum=MAX_VALUE,
                ),
                "unit": doc(
                    "Unit",
                    "单位",
                    "The unit as written after the figure (次, 件, 人次, 个百分点 …); percentages "
                    "are '%'.",
                    "数字后所写的单位（次、件、人次、个百分点等）；百分比统一为“%”。",
                    type="string",
                    minLength=1,
                    maxLength=20,
                ),
                "qualifier": doc(
                    "Qualifier",
                    "限定",
                    "exact; at_least (余, 多, 以上, 超过, 至少, 不少于); approximately (约, 左右); "
                    "at_most (近, 不足, 不到, 以内).",
                    "exact 为确数；at_least 为至少（余、多、以上、超过、至少、不少于）；"
                    "approximately 为约数（约、左右）；at_most 为至多（近、不足、不到、以内）。",
                    enum=["exact", "at_least", "approximately", "at_most"],
                ),
                "period": doc(
                    "Period",
                    "统计期间",
                    "The time the figure covers, when the text says.",
                    "原文说明时数据所覆盖的期间。",
                    ref="Period",
                ),
                "source": doc(
                    "Source phrase",
                    "原文表述",
                    "The verbatim phrase that states the figure.",
                    "陈述该数据的原文短语，一字不改。",
                    type="string",
                    minLength=1,
                    maxLength=1000,
                ),
            },
            ["id", "label", "value", "unit", "qualifier", "source"],
            **doc(
                "Indicator",
                "数据指标",
                "A figure stated in the text, such as 专项检查40次 or 受教育学生达3万余人.",
                "正文中出现的数据，如“专项检查40次”“受教育学生达3万余人”。",
            ),
        ),
        "Cause": obj(
            {
                "id": ID,
                "marker": MARKER,
                "text": doc("Text", "正文", "The cause as stated.", "原文所述原因。", ref="Text"),
                "shortcoming_ids": SHORTCOMING_IDS,
                "indicators": INDICATORS,
                "references": REFERENCES,
                "lines": LINES,
            },
            ["id", "text"],
            **doc(
                "Cause",
                "原因",
                "A cause of shortcomings. shortcoming_ids names those it explains; absent or "
                "empty means it explains the shortcomings in general.",
                "不足产生的原因。shortcoming_ids 指明其解释的不足；缺省或为空表示总体原因。",
            ),
        ),
        "Preamble": obj(
            {
                "text": TEXT,
                "indicators": INDICATORS,
                "references": REFERENCES,
                "lines": LINES,
            },
            ["text"],
            **doc(
                "Preamble",
                "导语",
                "The opening paragraphs before the first part.",
                "第一部分之前的开头段落。",
            ),
        ),
        "Organization": obj(
            {
                "name": doc(
                    "Name",
                    "名称",
                    "Full name of the reporting body.",
                    "报告单位全称。",
                    type="string",
                    minLength=1,
                    maxLength=200,
                ),
                "region": doc(
                    "Region",
                    "所在地区",
                    "The administrative region, e.g. 新疆维吾尔自治区塔城地区乌苏市.",
                    "所在行政区域，如“新疆维吾尔自治区塔城地区乌苏市”。",
                    type="string",
                    minLength=1,
                    maxLength=200,
                ),
                "level": doc(
                    "Level",
                    "层级",
                    "national, provincial, prefectural (地市级), county (县级, county-level "
                    "cities included) or township.",
                    "national 国家级、provincial 省级、prefectural 地市级、"
                    "county 县级（含县级市）、township 乡镇级。",
                    enum=["national", "provincial", "prefectural", "county", "township"],
                ),
                "kind": doc(
                    "Kind",
                    "类型",
                    "government (a people's government), department (one of its departments) "
                    "or other.",
                    "government 人民政府，department 政府工作部门，other 其他单位。",
                    enum=["government", "department", "other"],
                ),
            },
            ["name"],
            **doc("Organization", "报告单位", "The reporting body.", "报告单位。"),
        ),
        "Source": obj(
            {
                "url": doc(
                    "URL",
                    "网址",
                    "Where the report was published.",
                    "报告的发布网址。",
                    type="string",
                    minLength=1,
                    maxLength=2000,
                ),
                "file": doc(
                    "File",
                    "文件",
                    "Name of the file the report was imported from.",
                    "报告导入时的文件名。",
                    type="string",
                    minLength=1,
                    maxLength=1000,
                ),
                "encoding": doc(
                    "Encoding",
                    "编码",
                    "Text encoding of that file (utf-8, utf-8-sig, utf-16, gb18030 …).",
                    "该文件的文字编码（utf-8、utf-8-sig、utf-16、gb18030 等）。",
                    type="string",
                    minLength=1,
                    maxLength=40,
                ),
                "retrieved_on": doc(
                    "Retrieved on",
                    "获取日期",
                    "When the source was retrieved.",
                    "获取原文的日期。",
                    ref="Date",
                ),
            },
            [],
            **doc("Source", "来源", "Where the report was taken from.", "报告原文的来源。"),
        ),
    }


def build() -> dict[str, Any]:
    report_properties = {
        "title": doc(
            "Title",
            "标题",
            "The report's title on one line.",
            "报告标题（一行）。",
            type="string",
            minLength=1,
            maxLength=500,
        ),
        "organization": doc(
            "Organization", "报告单位", "The reporting body.", "报告单位。", ref="Organization"
        ),
        "year": doc(
            "Reported year",
            "报告年度",
            "The year the report covers (not the year it was written).",
            "报告所总结的年度（而非成文年份）。",
            type="integer",
            minimum=2000,
            maximum=2100,
        ),
        "issued_on": doc(
            "Issued on", "成文日期", "Date the report was signed.", "报告落款日期。", ref="Date"
        ),
        "submitted_on": doc(
            "Submitted on",
            "报送日期",
            "Date the report was submitted to the party committee, the government or the "
            "department one level up.",
            "报告向本级党委、政府或上一级部门报送的日期。",
            ref="Date",
        ),
        "published_on": doc(
            "Published on",
            "公开日期",
            "Date the report was made public.",
            "报告向社会公开的日期。",
            ref="Date",
        ),
        "source": doc(
            "Source", "来源", "Where the report was taken from.", "报告来源。", ref="Source"
        ),
        "preamble": doc("Preamble", "导语", "Opening paragraphs.", "开头段落。", ref="Preamble"),
        "parts": doc(
            "Parts",
            "组成部分",
            "The report's parts in document order; a report may have two parts of one kind.",
            "按原文顺序排列的各组成部分；同一类别可出现多次。",
            **array(ref("Part")),
        ),
        "extensions": doc(
            "Extensions",
            "扩展数据",
            "Namespaced data this schema does not model, kept through every round trip. Keys "
            "are 'namespace:name', e.g. 'sifaju:review_status'; values are any JSON.",
            "本规范未建模的数据，带命名空间，在读写中原样保留。键为“命名空间:名称”，"
            "如 sifaju:review_status；值可为任意 JSON。",
            type="object",
            maxProperties=1000,
            propertyNames={"pattern": EXTENSION_KEY_PATTERN},
        ),
    }
    defs = {**value_defs(), **node_defs(), **part_defs()}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "$comment": "rol-model report schema 1.0, generated by tools/build_schema.py: edit that "
        "script, not this file.",
        **doc(
            "Rule-of-law government annual report",
            "法治政府建设年度报告",
            "A rule-of-law government annual report in the five parts of the 2019 regulation "
            "(法治政府建设与责任落实督察工作规定), with its figures as typed indicators.",
            "按照2019年《法治政府建设与责任落实督察工作规定》五部分内容组织的法治政府建设年度报告，"
            "其中的数据以带类型的指标表示。",
        ),
        "type": "object",
        "required": ["title", "organization", "year"],
        "properties": report_properties,
        "additionalProperties": False,
        "$defs": dict(sorted(defs.items())),
    }


def render() -> str:
    return json.dumps(build(), ensure_ascii=False, indent=2) + "\n"


def main() -> int:
    text = render()
    check = "--check" in sys.argv[1:]
    stale = [path for path in TARGETS if not path.exists() or path.read_text("utf-8") != text]
    if check:
        for path in stale:
            print(f"{path.relative_to(ROOT)} is stale: run python tools/build_schema.py")
        return 1 if stale else 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
