"""A text that lost its line breaks (each became a space) is split again before its markers.

Every report here is written for these tests: a body kept as lines, then the same body run
together on one line (or one line a part) with single spaces, as a page copied without its line
breaks gives it. The run-on import must equal the import of the lines, but for line numbers.
"""

from __future__ import annotations

import json
from typing import Any

import rol_model as rm
from rol_model.importer import ImportResult
from rol_model.model._classes import iter_indicators

TITLE = "青禾县人民政府关于2024年度法治政府建设情况的报告"
ADDRESSEE = "县人大常委会:"
SIGNATURE = ["青禾县人民政府", "2025年3月18日"]

# the body as it stands with its line breaks: parts 一、, items (一), run-in headings, 一是 runs
BODY = [
    "2024年,我县坚持以习近平法治思想为指导,认真落实党中央、国务院关于法治政府建设的决策部署,"
    "围绕全县中心工作,依法全面履行政府职能,各项工作取得新进展。现将有关情况报告如下。",
    "一、2024年度法治政府建设情况",
    "(一)发挥党政主要负责人引领作用,统筹推进法治政府建设。一是坚持高位推动。县政府常务会议"
    "专题研究法治政府建设工作6次,审议规范性文件8件。二是落实述法制度。组织27名部门主要负责人"
    "在年终述职中述法。",
    "(二)深化行政执法改革,规范执法行为。全面推行行政执法三项制度,全年开展行政执法案卷评查"
    "3次,评查案卷156卷,发现问题41个,均已整改到位。",
    "(三)加强行政复议工作,化解行政争议。全年受理行政复议案件52件,审结49件,纠错率为12.2%。",
    "二、存在的不足",
    "(一)法治意识有待加强。少数干部运用法治思维和法治方式解决问题的能力还不够强。",
    "(二)基层执法力量不足。乡镇综合行政执法队伍专业人员偏少,执法装备保障不够。",
    "三、2025年工作安排",
    "(一)加强学法用法。组织开展领导干部法治专题培训不少于4场次。",
    "(二)强化执法监督。持续开展行政执法案卷评查,提升执法规范化水平。",
]

# the same in full-width brackets with 1. items under the (一) items
BODY_FULL_WIDTH = [
    "2024年，我局在县委、县政府的坚强领导下，深入学习贯彻习近平法治思想，扎实推进依法行政，"
    "为全县经济社会发展营造了良好的法治环境。现将有关情况报告如下：",
    "一、2024年度法治政府建设情况",
    "（一）健全依法决策机制",
    "1.规范重大行政决策程序。严格落实公众参与、专家论证、风险评估、合法性审查和集体讨论"
    "决定程序，全年作出重大行政决策5项。",
    "2.发挥法律顾问作用。聘请法律顾问2名，审查合同和文件63件。",
    "（二）严格规范公正文明执法",
    "1.推行执法三项制度。公示执法信息1200余条，全年开展执法检查86次。",
    "2.开展柔性执法。对轻微违法行为免予处罚17件。",
    "二、存在的问题",
    "（一）依法决策能力不够强。部分工作人员对决策程序掌握不够。",
    "（二）执法信息化水平不高。执法数据共享仍有短板。",
    "三、下一步工作打算",
    "（一）提升依法决策水平。组织决策程序专题培训2次。",
    "（二）推进执法数字化。建成执法监督平台。",
]


def _text(body: list[str], *, run_on: str | None = None) -> str:
    """The report with its lines, or with its addressee and body joined by ``run_on``."""
    if run_on is None:
        return "\n".join([TITLE, ADDRESSEE, *body, *SIGNATURE]) + "\n"
    return "\n".join([TITLE, run_on.join([ADDRESSEE, *body]), *SIGNATURE]) + "\n"


def _without_lines(value: Any) -> Any:
    """The report's JSON without its line ranges (the only thing a run-on line changes)."""
    if isinstance(value, dict):
        return {key: _without_lines(item) for key, item in value.items() if key != "lines"}
    if isinstance(value, list):
        return [_without_lines(item) for item in value]
    return value


def _content(result: ImportResult) -> Any:
    return _without_lines(json.loads(rm.dumps(result.report)))


def _codes(result: ImportResult) -> list[str]:
    return [issue.code for issue in result.warnings]


def _items(result: ImportResult) -> list[tuple[str | None, str | None]]:
    found: list[tuple[str | None, str | None]] = []

    def walk(items: Any) -> None:
        for item in items:
            found.append((item.marker, item.heading))
            walk(item.children)

    for part in result.report.parts:
        walk(getattr(part, part.items_field))
    return found


def test_a_report_on_one_line_imports_as_with_its_line_breaks() -> None:
    with_breaks = rm.import_text(_text(BODY))
    run_on = rm.import_text(_text(BODY, run_on=" "))
    assert "import.line-breaks" not in _codes(with_breaks)
    assert [part.kind for part in run_on.report.parts] == ["measures", "shortcomings", "plans"]
    assert [part.heading for part in run_on.report.parts] == [
        "2024年度法治政府建设情况",
        "存在的不足",
        "2025年工作安排",
    ]
    assert _items(run_on) == _items(with_breaks)
    assert ("(一)", "发挥党政主要负责人引领作用,统筹推进法治政府建设") in _items(run_on)
    assert ("一是", "坚持高位推动") in _items(run_on)  # the 一是 run inside its item
    assert _content(run_on) == _content(with_breaks)  # parts, items, figures, preamble
    figures = [(at, i.value, i.unit) for at, i in iter_indicators(run_on.report)]
    assert len(figures) >= 10
    assert figures == [(at, i.value, i.unit) for at, i in iter_indicators(with_breaks.report)]


def test_full_width_brackets_and_arabic_items_on_one_line() -> None:
    with_breaks = rm.import_text(_text(BODY_FULL_WIDTH))
    run_on = rm.import_text(_text(BODY_FULL_WIDTH, run_on=" "))
    assert _content(run_on) == _content(with_breaks)
    assert ("（一）", "健全依法决策机制") in _items(run_on)
    assert ("1.", "规范重大行政决策程序") in _items(run_on)
    assert len(run_on.report.parts) == 3


def test_a_few_long_lines_one_a_part() -> None:
    parts: list[list[str]] = [[]]
    for line in [ADDRESSEE, *BODY]:
        if line[:2] in ("二、", "三、"):
            parts.append([])
        parts[-1].append(line)
    text = "\n".join([TITLE, *(" ".join(part) for part in parts), *SIGNATURE])
    run_on = rm.import_text(text)
    assert _content(run_on) == _content(rm.import_text(_text(BODY)))
    assert _codes(run_on).count("import.line-breaks") == 3


def test_the_split_is_reported_and_keeps_the_source_line() -> None:
    result = rm.import_text(_text(BODY, run_on=" "))
    notes = [issue for issue in result.warnings if issue.code == "import.line-breaks"]
    assert len(notes) == 1
    assert notes[0].severity == "info"
    assert notes[0].line == 2  # the run-on line, under the title
    assert "lost its line breaks" in notes[0].message
    # the addressee split off the line is front matter, on the line it came from
    addressee = [issue for issue in result.warnings if issue.code == "import.addressee"]
    assert [issue.line for issue in addressee] == [2]
    for part in result.report.parts:
        assert part.lines is not None
        assert (part.lines.start, part.lines.end) == (2, 2)
    assert result.report.preamble is not None
    assert result.report.preamble.text.startswith("2024年,我县坚持")


def test_a_heading_run_on_into_its_text_is_cut_after_it() -> None:
    body = [
        *BODY[:5],
        "二、存在的不足",
        "对照法治政府建设要求,我县工作还存在一些差距。一是法治意识有待加强。二是基层执法力量不足。",
        *BODY[8:],
    ]
    assert _content(rm.import_text(_text(body, run_on=" "))) == _content(
        rm.import_text(_text(body))
    )


def test_a_title_run_on_with_a_space_is_split_off() -> None:
    text = " ".join([TITLE, ADDRESSEE, *BODY]) + "\n" + "\n".join(SIGNATURE)
    result = rm.import_text(text)
    assert result.report.title == TITLE
    assert _content(result) == _content(rm.import_text(_text(BODY)))


# a report with its line breaks whose long paragraphs hold a marker after a space
_LONG_PARAGRAPH = (
    "(一)加强组织领导,统筹推进法治政府建设。我县成立法治政府建设领导小组,主要工作包括 一、明确"
    "职责分工 二、压实工作责任,并将法治政府建设纳入年度绩效考核。一是坚持高位推动。县政府常务会议"
    "专题研究法治政府建设工作6次。 二是落实述法制度。组织27名部门主要负责人述法。 "
    "三是强化督促检查。对12个乡镇开展法治政府建设督察,督促整改问题35个。"
    + "各部门结合工作实际,细化落实举措,确保各项任务落地见效。"
    * 6
)


def test_a_report_with_its_line_breaks_is_never_split() -> None:
    body = [BODY[0], BODY[1], _LONG_PARAGRAPH, *BODY[3:]]
    result = rm.import_text(_text(body))
    assert "import.line-breaks" not in _codes(result)
    first = result.report.parts[0]
    item = getattr(first, first.items_field)[0]
    # the mid-sentence 一、 stays in its paragraph; the 一是 points are the item's children
    assert "主要工作包括 一、明确职责分工 二、压实工作责任" in (item.text or "")
    assert [child.marker for child in item.children] == ["一是", "二是", "三是"]
    assert len(result.report.parts) == 3


def test_running_text_in_a_run_on_line_is_not_cut() -> None:
    # in a text that lost its breaks too, 一、 mid-sentence and 。 二是 are no outline markers
    body = [BODY[0], BODY[1], _LONG_PARAGRAPH, *BODY[3:]]
    with_breaks = rm.import_text(_text(body))
    run_on = rm.import_text(_text(body, run_on=" "))
    assert "import.line-breaks" in _codes(run_on)
    assert _content(run_on) == _content(with_breaks)


def test_a_few_markers_after_spaces_are_no_lost_breaks() -> None:
    # one long line with two markers after a sentence end: too little to call it a lost break
    line = (
        "2024年,我局坚持依法行政,扎实推进各项工作,现将有关情况报告如下: 一、工作情况 "
        "(一)强化组织领导,确保各项工作顺利推进 "
        + "我局高度重视法治建设工作,将其纳入年度整体工作,建立健全考核制度,推动各项任务落实。"
        * 5
    )
    result = rm.import_text("某某县教育局2024年度法治政府建设工作报告\n" + line + "\n")
    assert "import.line-breaks" not in _codes(result)


def test_a_signature_run_on_after_the_last_sentence_is_cut_off() -> None:
    text = TITLE + "\n" + " ".join([ADDRESSEE, *BODY, *SIGNATURE]) + "\n"
    result = rm.import_text(text)
    assert result.report.issued_on is not None
    assert result.report.issued_on.isoformat() == "2025-03-18"
    assert _content(result) == _content(rm.import_text(_text(BODY)))
    # a date alone closes the line the same way
    dated = TITLE + "\n" + " ".join([ADDRESSEE, *BODY, SIGNATURE[1]]) + "\n"
    assert rm.import_text(dated).report.issued_on == result.report.issued_on
