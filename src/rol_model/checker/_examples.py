"""The sample reports the rules' worked examples patch, and a runner for those examples.

``SAMPLE_REPORT`` is a small, complete 2023 report of a fictional county justice bureau that
passes every rule of the ``national`` profile; ``SAMPLE_PREVIOUS`` is the same bureau's 2022
report. Each rule's :class:`Example` patches them so that the rule fires (and
stays silent). ``tools/build_rules_doc.py`` prints the examples into ``docs/rules.md`` and the
tests run every one of them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rol_model.checker._registry import Finding, Rule, apply_patch
from rol_model.checker._run import check
from rol_model.model import Report

__all__ = ["SAMPLE_PREVIOUS", "SAMPLE_REPORT", "run_example"]


def _figure(  # noqa: PLR0917 - a table of figures reads best positionally
    id_: str, label: str, value: int, unit: str, source: str, qualifier: str = "exact"
) -> dict[str, Any]:
    return {
        "id": id_,
        "label": label,
        "value": value,
        "unit": unit,
        "source": source,
        "qualifier": qualifier,
    }


SAMPLE_REPORT: Mapping[str, Any] = {
    "title": "示例县司法局2023年法治政府建设年度报告",
    "organization": {
        "name": "示例县司法局",
        "region": "示例县",
        "level": "county",
        "kind": "department",
    },
    "year": 2023,
    "issued_on": "2024-02-20",
    "published_on": "2024-03-15",
    "parts": [
        {
            "kind": "measures",
            "heading": "一、2023年推进法治政府建设的主要举措和成效",
            "measures": [
                {
                    "id": "m1",
                    "marker": "（一）",
                    "heading": "规范行政执法",
                    "text": "开展行政执法案卷评查，评查案卷120卷，发现问题35个，已全部整改。",
                    "indicators": [
                        _figure("m1-i1", "评查案卷", 120, "卷", "评查案卷120卷"),
                        _figure("m1-i2", "发现问题", 35, "个", "发现问题35个"),
                    ],
                },
                {
                    "id": "m2",
                    "marker": "（二）",
                    "heading": "加强法治宣传",
                    "text": "组织“法律进社区”宣讲活动46场，群众法律咨询满意率达到98%。",
                    "indicators": [
                        _figure("m2-i1", "宣讲活动", 46, "场", "宣讲活动46场"),
                        _figure("m2-i2", "法律咨询满意率", 98, "%", "满意率达到98%"),
                    ],
                },
            ],
        },
        {
            "kind": "shortcomings",
            "heading": "二、存在的不足和原因",
            "shortcomings": [
                {
                    "id": "s1",
                    "marker": "一是",
                    "text": "基层执法人员法律素养参差不齐，个别案件文书说理不充分。",
                },
                {
                    "id": "s2",
                    "marker": "二是",
                    "text": "公共法律服务网点覆盖不均衡，偏远村组服务频次偏低。",
                },
            ],
            "causes": [
                {
                    "id": "c1",
                    "text": "执法培训以集中授课为主，案例教学不足；网点建设经费投入有限。",
                }
            ],
        },
        {
            "kind": "leadership",
            "heading": "三、党政主要负责人履行推进法治建设第一责任人职责情况",
            "items": [
                {
                    "id": "l1",
                    "text": "局主要负责人主持召开党组会专题研究法治建设4次，带头讲授法治课1次。",
                    "indicators": [
                        _figure("l1-i1", "专题研究法治建设", 4, "次", "专题研究法治建设4次"),
                        _figure("l1-i2", "讲授法治课", 1, "次", "带头讲授法治课1次"),
                    ],
                }
            ],
        },
        {
            "kind": "plans",
            "heading": "四、2024年推进法治政府建设的主要安排",
            "plans": [
                {
                    "id": "p1",
                    "marker": "（一）",
                    "heading": "提升执法人员法律素养",
                    "text": "开展案例教学培训，2024年底前实现执法人员轮训全覆盖，"
                    "改进案件文书说理。",
                    "shortcoming_ids": ["s1"],
                },
                {
                    "id": "p2",
                    "marker": "（二）",
                    "heading": "均衡布设公共法律服务网点",
                    "text": "新增村级公共法律服务点15个，偏远村组每月至少服务1次。",
                    "shortcoming_ids": ["s2"],
                    "indicators": [
                        _figure("p2-i1", "新增服务点", 15, "个", "新增村级公共法律服务点15个"),
                        _figure("p2-i2", "偏远村组服务", 1, "次", "每月至少服务1次", "at_least"),
                    ],
                },
            ],
        },
        {
            "kind": "other",
            "heading": "五、其他需要报告的情况",
            "text": "本年度无其他需要报告的情况。",
        },
    ],
}

SAMPLE_PREVIOUS: Mapping[str, Any] = {
    "title": "示例县司法局2022年法治政府建设年度报告",
    "organization": SAMPLE_REPORT["organization"],
    "year": 2022,
    "issued_on": "2023-02-18",
    "published_on": "2023-03-20",
    "parts": [
        {
            "kind": "measures",
            "heading": "一、2022年推进法治政府建设的主要举措和成效",
            "measures": [
                {
                    "id": "m1",
                    "marker": "（一）",
                    "heading": "规范行政执法",
                    "text": "完成行政执法案卷评查，评查案卷100卷。",
                    "indicators": [_figure("m1-i1", "评查案卷", 100, "卷", "评查案卷100卷")],
                }
            ],
        },
        {
            "kind": "shortcomings",
            "heading": "二、存在的不足和原因",
            "shortcomings": [
                {"id": "s1", "marker": "一是", "text": "行政复议应诉能力较弱，败诉案件有所增加。"}
            ],
            "causes": [{"id": "c1", "text": "专职复议人员少，案件量增长快。"}],
        },
        {
            "kind": "leadership",
            "heading": "三、党政主要负责人履行推进法治建设第一责任人职责情况",
            "items": [
                {
                    "id": "l1",
                    "text": "局主要负责人主持召开党组会专题研究法治建设3次。",
                    "indicators": [
                        _figure("l1-i1", "专题研究法治建设", 3, "次", "专题研究法治建设3次")
                    ],
                }
            ],
        },
        {
            "kind": "plans",
            "heading": "四、2023年推进法治政府建设的主要安排",
            "plans": [
                {
                    "id": "p1",
                    "marker": "（一）",
                    "heading": "深化行政执法案卷评查",
                    "text": "全年开展行政执法案卷评查不少于100卷，发现问题及时整改。",
                    "indicators": [
                        _figure("p1-i1", "评查案卷", 100, "卷", "不少于100卷", "at_least")
                    ],
                }
            ],
        },
    ],
}


def run_example(rule: Rule, *, failing: bool) -> list[Finding]:
    """The findings of ``rule`` on its failing (or passing) example."""
    from rol_model.checker._profiles import load_profile, profile_from_dict
    from rol_model.serialize import from_dict

    example = rule.example
    patch = example.fails if failing else example.passes
    report: Report = from_dict(apply_patch(SAMPLE_REPORT, patch))
    previous = None
    if example.previous is not None:
        previous = from_dict(apply_patch(SAMPLE_PREVIOUS, example.previous if failing else ()))
    profile = (
        profile_from_dict(example.profile, source=f"example of {rule.code}")
        if example.profile is not None
        else load_profile("national")
    )
    return [f for f in check(report, profile=profile, previous=previous) if f.code == rule.code]
