"""Figures and citations found in report text (rol_model.importer._figures)."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from rol_model.importer._figures import _BARE_WORDS, _is_bare, find_figures, find_references
from rol_model.importer._source import decode_bytes
from rol_model.text import fold

CORPUS = Path(__file__).resolve().parents[1] / "fixtures" / "corpus"
ANNOTATIONS = sorted(CORPUS.glob("*.expected.json"))


def _triples(text: str) -> list[tuple[Decimal, str, str]]:
    return [(f.value, f.unit, f.qualifier) for f in find_figures(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("开展专项检查40次", [(Decimal(40), "次", "exact")]),
        ("受教育学生达3万余人", [(Decimal(30000), "人", "at_least")]),
        ("涉及金额2900余万元", [(Decimal(29000000), "元", "at_least")]),
        ("罚没款1.2亿元", [(Decimal(120000000), "元", "exact")]),
        ("罚没款金额1350.6万元", [(Decimal(13506000), "元", "exact")]),
        ("聘请率达到100％", [(Decimal(100), "%", "exact")]),
        ("办结率99.3%", [(Decimal("99.3"), "%", "exact")]),
        ("较上年提高0.6个百分点", [(Decimal("0.6"), "个百分点", "exact")]),
        ("线上学法两万余人次", [(Decimal(20000), "人次", "at_least")]),
        ("企业增至五百余家", [(Decimal(500), "家", "at_least")]),
        ("下设三个专项小组", [(Decimal(3), "个", "exact")]),
        ("开展宣讲十余次", [(Decimal(10), "次", "at_least")]),
        ("受众超150万人次", [(Decimal(1500000), "人次", "at_least")]),
        ("收集意见建议1300多条", [(Decimal(1300), "条", "at_least")]),
        ("修订政策措施近900件", [(Decimal(900), "件", "at_most")]),
        ("总投资约312亿元", [(Decimal(31200000000), "元", "approximately")]),
        ("抽查比例降至3%左右", [(Decimal(3), "%", "approximately")]),
        ("压缩至1天以内", [(Decimal(1), "天", "at_most")]),
        ("压缩至15个工作日以内", [(Decimal(15), "个工作日", "at_most")]),
        ("平均办理时长不足5天", [(Decimal(5), "天", "at_most")]),
        ("检查超过4.5万家次", [(Decimal(45000), "家次", "at_least")]),
        ("集中学法不少于1次", [(Decimal(1), "次", "at_least")]),
        ("权重不低于10%", [(Decimal(10), "%", "at_least")]),
        ("填报率达到98％以上", [(Decimal(98), "%", "at_least")]),
        ("超限率控制在1％以下", [(Decimal(1), "%", "at_most")]),
        ("在省直部门中排名第3位", [(Decimal(3), "位", "exact")]),
        ("審批時間平均縮短40%以上", [(Decimal(40), "%", "at_least")]),
        ("發放宣傳資料8000餘份", [(Decimal(8000), "份", "at_least")]),
        ("不動產登記業務2.86萬件", [(Decimal(28600), "件", "exact")]),
        ("壓縮至3個工作日", [(Decimal(3), "個工作日", "exact")]),
        ("全年办结1,200件", [(Decimal(1200), "件", "exact")]),
        ("检查７６次", [(Decimal(76), "次", "exact")]),
        (
            "检查76次、发现问题546项",
            [(Decimal(76), "次", "exact"), (Decimal(546), "项", "exact")],
        ),
        ("参考率、合格率均达到100％", [(Decimal(100), "%", "exact")]),
        (
            "将适用事项由35项扩充至58项",
            [(Decimal(35), "项", "exact"), (Decimal(58), "项", "exact")],
        ),
    ],
)
def test_a_stated_figure_comes_out_with_value_unit_and_qualifier(
    text: str, expected: list[tuple[Decimal, str, str]]
) -> None:
    assert _triples(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2023年，全县法治建设",
        "新条例自2024年10月1日起施行",
        "以桐法委〔2023〕3号文件印发",
        "（厅字〔2019〕28号）",
        "《中华人民共和国行政处罚法》第二十四条",
        "第三十三条第一款",
        "全市第三批法治政府建设示范创建县",
        "组织第二批次执法资格考试",
        "结合“八五”普法工作",
        "“三重一大”集体决策制度",
        "对12345热线转办的诉求",
        "畅通12348公共法律服务热线",
        "《法治政府建设实施纲要（2021—2025年）》",
        "实施方案（2021-2025年）",
        "咨询电话：0731-85261234",
        "发布时间：2024-03-15 10:20",
        "三條控制線",
        "整合到一个窗口办理",
        "二十届二中、三中全会精神",
        "“3·15”国际消费者权益日",
        "通过ISO9001认证",
        "落实“一岗双责”要求",
        "省、市、县三级联席会议机制",
        "提升行政执法质量三年行动",
        "截至2025年12月底",
        "深刻领悟两个确立的决定性意义",
        "送法进千家万户",
        "开展数十次专题培训",
        "增强四个意识、坚定四个自信、做到两个维护",
    ],
)
def test_years_dates_numbers_ordinals_and_slogans_are_not_figures(text: str) -> None:
    assert find_figures(text) == ()


@pytest.mark.parametrize("annotation", ANNOTATIONS, ids=lambda p: p.name.split(".")[0])
def test_every_annotated_not_indicator_phrase_yields_no_figure(annotation: Path) -> None:
    for phrase in json.loads(annotation.read_text(encoding="utf-8"))["not_indicators"]:
        if phrase.startswith(("四、", "三、", "五、", "（二）")):
            continue  # a heading line: its year is not a figure, checked above
        assert find_figures(phrase) == (), phrase


@pytest.mark.parametrize("annotation", ANNOTATIONS, ids=lambda p: p.name.split(".")[0])
def test_every_annotated_indicator_of_the_corpus_is_found_in_its_report(annotation: Path) -> None:
    data = json.loads(annotation.read_text(encoding="utf-8"))
    text, _ = decode_bytes((CORPUS / data["source"]).read_bytes())
    found = [f for line in text.splitlines() for f in find_figures(line)]
    for indicator in data["indicators"]:
        wanted = (Decimal(indicator["value"]), indicator["unit"], indicator["qualifier"])
        hits = [f for f in found if (f.value, f.unit, f.qualifier) == wanted]
        assert hits, indicator
        number = indicator["source"]
        assert any(set(number) & set(f.source) for f in hits)


def test_the_source_is_the_verbatim_phrase_and_spans_the_figure() -> None:
    text = "全年开展“法律进乡村”宣传活动36场次，覆盖群众8000余人次。"
    first, second = find_figures(text)
    assert text[first.start : first.end] == first.source
    assert first.source.endswith("36场次")
    assert second.source.endswith("8000余人次")
    assert second.label == "覆盖群众"


def test_a_label_drops_connecting_verbs_before_the_figure() -> None:
    (figure,) = find_figures("目前，我市学校均聘请了法治副校长，聘请率达到100％。")
    assert figure.label == "聘请率"
    assert figure.source == "聘请率达到100％"


def test_references_are_titles_cited_in_book_title_marks_without_the_marks() -> None:
    text = (
        "学习《中华人民共和国教育法》《中华人民共和国行政许可法》等，落实"
        "《关于印发〈法治政府建设与责任落实督察工作规定〉的通知》和《中华人民共和国教育法》。"
    )
    assert find_references(text) == (
        "中华人民共和国教育法",
        "中华人民共和国行政许可法",
        "关于印发〈法治政府建设与责任落实督察工作规定〉的通知",
    )


def test_numbers_too_large_for_the_schema_are_not_figures() -> None:
    assert find_figures("编号12345678901234567890件") == ()
    assert find_figures("共99999999亿元") == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("办理时限压缩至3至5个工作日", [(Decimal(5), "个工作日", "at_most")]),
        ("年内新增执法人员2至3名", [(Decimal(3), "名", "at_most")]),
        ("力争新增1到2个示范地区", [(Decimal(2), "个", "at_most")]),
        (
            "由10个工作日压缩至3个工作日",
            [(Decimal(10), "个工作日", "exact"), (Decimal(3), "个工作日", "exact")],
        ),
    ],
)
def test_the_upper_end_of_a_range_is_an_at_most_figure(
    text: str, expected: list[tuple[Decimal, str, str]]
) -> None:
    assert _triples(text) == expected


def test_a_figure_right_after_a_full_width_comma_is_found() -> None:
    figures = find_figures("基层司法所力量薄弱，12个司法所中有5个仅有1名工作人员")
    assert [(f.value, f.unit) for f in figures] == [
        (Decimal(12), "个"),
        (Decimal(5), "个"),
        (Decimal(1), "名"),
    ]
    assert _triples("办理行政处罚案件1,236件") == [(Decimal(1236), "件", "exact")]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("深化改革，政务服务事项网上可办率达到98.5%", "政务服务事项网上可办率"),
        ("新增经营主体4,215户；政务服务事项“一网通办”率达到98.6%", "政务服务事项“一网通办”率"),
    ],
)
def test_a_label_a_little_longer_than_the_window_keeps_its_first_characters(
    text: str, label: str
) -> None:
    assert find_figures(text)[-1].label == label


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("抽查执法案卷近千卷", [(Decimal(1000), "卷", "at_most")]),
        ("帮助超过百家企业", [(Decimal(100), "家", "at_least")]),
        ("走进千家万户", []),
        ("开展数十次", []),
    ],
)
def test_a_bare_hundred_or_thousand_is_a_figure_only_with_a_qualifier(
    text: str, expected: list[tuple[Decimal, str, str]]
) -> None:
    assert _triples(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("开展培训两次。", [(Decimal(2), "次", "exact")]),
        (
            "开展专项整治行动三次，查处案件5件",
            [(Decimal(3), "次", "exact"), (Decimal(5), "件", "exact")],
        ),
        ("召开会议五场", [(Decimal(5), "场", "exact")]),
        ("推动三次分配", []),
        ("二次供水", []),
        ("落实三项制度", []),
        ("年龄在18至60周岁之间", [(Decimal(60), "周岁", "at_most")]),
    ],
)
def test_a_single_chinese_numeral_counts_only_when_the_count_ends_its_clause(
    text: str, expected: list[tuple[Decimal, str, str]]
) -> None:
    assert _triples(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "抽检合格率同比分别提高0.8个和1.2个百分点",
            [(Decimal("0.8"), "个百分点", "exact"), (Decimal("1.2"), "个百分点", "exact")],
        ),
        ("建成3个和5个工作站", [(Decimal(3), "个", "exact"), (Decimal(5), "个", "exact")]),
        ("经营主体总量突破680万户", [(Decimal(6800000), "户", "at_least")]),
    ],
)
def test_a_pair_sharing_its_unit_and_a_total_broken_through(
    text: str, expected: list[tuple[Decimal, str, str]]
) -> None:
    assert _triples(text) == expected


@pytest.mark.parametrize(
    ("text", "labels", "sources"),
    [
        ("明确42项重点任务。", ["重点任务"], ["明确42项重点任务"]),
        ("对14个设区市开展法治政府建设督察。", ["设区市"], ["对14个设区市"]),
        ("下设三个专项小组，分别负责", ["专项小组"], ["下设三个专项小组"]),
        ("全年为1.47万户经营主体办理信用修复", ["经营主体"], ["全年为1.47万户经营主体"]),
        ("帮助1200多家企业完成信用修复。", ["企业"], ["帮助1200多家企业"]),
        ("其中1件行政复议案件被确认违法", ["行政复议案件"], ["其中1件行政复议案件"]),
        ("对32家企业的轻微违法行为依法不予处罚", ["企业"], ["对32家企业"]),
        (
            "对12件涉及经营主体经济活动的政策措施开展公平竞争审查",
            ["政策措施"],
            ["对12件涉及经营主体经济活动的政策措施"],
        ),
        (
            "向全县12个乡镇（街道）赋予部分县级行政执法事项，",
            ["乡镇（街道）"],
            ["向全县12个乡镇（街道）"],
        ),
        ("爲12個工業項目實現拿地即發證", ["工業項目"], ["爲12個工業項目"]),
        (
            "依法对2家律师事务所、5名律师作出行业处分",
            ["律师事务所", "律师"],
            ["依法对2家律师事务所", "5名律师"],
        ),
    ],
)
def test_a_label_naming_nothing_takes_the_noun_after_the_measure_word(
    text: str, labels: list[str], sources: list[str]
) -> None:
    figures = find_figures(text)
    assert [f.label for f in figures] == labels
    assert [f.source for f in figures] == sources
    assert all(text[f.start : f.end] == f.source for f in figures)


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("清理涉企规范性文件1,024件，废止87件", ["清理涉企规范性文件", "废止"]),
        (
            "新收行政复议案件3,456件，纠错率12.3%。",
            ["新收行政复议案件", "纠错率"],
        ),
        ("检查76次、发现问题546项", ["检查", "发现问题"]),
        ("参考率、合格率均达到100％", ["参考率、合格率"]),
        ("省政府常务会议先后8次专题研究", ["省政府常务会议"]),
        ("开展3场“法律进乡村”活动", ["“法律进乡村”活动"]),
    ],
)
def test_a_label_that_names_its_figure_is_kept(text: str, labels: list[str]) -> None:
    assert [f.label for f in find_figures(text)] == labels


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        # the words after run into another figure: no noun of this figure's
        ("帮助3家企业罚款5万元", ["3家", "企业罚款"]),
        # nothing after the figure names it: its own words, never a bare 共计 or 全年
        ("持证上岗，共计37名。", ["37名"]),
        ("全年不少于20场次", ["20场次"]),
        # a verb right after the measure word is no noun
        ("累计开展3次进行督导", ["3次"]),
    ],
)
def test_no_label_is_a_bare_function_word_even_without_a_noun_after(
    text: str, labels: list[str]
) -> None:
    assert [f.label for f in find_figures(text)] == labels


def test_the_second_figure_of_a_pair_shares_the_label_of_the_first() -> None:
    first, second = find_figures("抽检合格率同比分别提高0.8个和1.2个百分点")
    assert first.label == second.label == "抽检合格率同比分别提高"
    assert second.source == "和1.2个百分点"


def _fixture_labels() -> list[tuple[str, str, str]]:
    from rol_model import InvalidReportError, import_file
    from rol_model.model._classes import iter_indicators

    labels = []
    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    for path in sorted([*fixtures.glob("corpus/*.txt"), *fixtures.glob("realistic/*.txt")]):
        try:
            report = import_file(path).report
        except InvalidReportError:
            continue  # another genre, refused
        labels += [(path.name, i.id, i.label) for _, i in iter_indicators(report)]
    return labels


def test_no_imported_label_of_the_fixtures_is_a_bare_function_word() -> None:
    labels = _fixture_labels()
    assert len(labels) > 500
    bare = [entry for entry in labels if entry[2] in _BARE_WORDS or _is_bare(fold(entry[2]))]
    assert bare == []


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("（二）深化改革，新组建的区行政复议局全年收到行政复议申请213件。", "行政复议申请"),
        ("区行政复议局全年收到行政复议申请213件。", "区行政复议局全年收到行政复议申请"),
        ("深化改革。社会保障卡“一卡通”应用场景拓展至63项。", "社会保障卡“一卡通”应用场景拓展"),
        ("社会保障卡“一卡通”应用场景拓展至63项。", "社会保障卡“一卡通”应用场景拓展"),
        ("组织执法人员参加县司法局举办的执法能力培训3次。", "县司法局举办的执法能力培训"),
        ("在赶集日、农闲时节开展“法律进乡村”宣传活动12场。", "开展“法律进乡村”宣传活动"),
    ],
)
def test_a_label_past_the_window_starts_at_a_word_boundary(text: str, label: str) -> None:
    assert [f.label for f in find_figures(text)] == [label]


def test_no_imported_label_of_the_fixtures_starts_inside_a_quotation() -> None:
    inside = []
    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    for path in sorted([*fixtures.glob("corpus/*.txt"), *fixtures.glob("realistic/*.txt")]):
        text = decode_bytes(path.read_bytes())[0]
        for line in text.splitlines():
            for figure in find_figures(line):
                label = figure.label  # a pair's second figure shares the label before it
                start = line.find(label, figure.start)
                before = line[: start if start != -1 else line.rfind(label, 0, figure.start)]
                if before.count("“") > before.count("”") or label.count("“") != label.count("”"):
                    inside.append((path.name, label))
    assert inside == []
