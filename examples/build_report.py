"""Build a report in code, derive a corrected copy, and save both as canonical JSON.

Usage: python examples/build_report.py [OUTPUT_FOLDER]   (default: the current folder)
"""

from __future__ import annotations

import datetime
import sys
from decimal import Decimal
from pathlib import Path

import attrs

import rol_model as rm


def build() -> rm.Report:
    """A small report of a (fictional) county justice bureau."""
    inspection = rm.Indicator(
        id="m1-i1",
        label="行政执法案卷评查",
        value=Decimal(150),
        unit="卷",
        qualifier="exact",
        source="评查行政执法案卷150卷",
    )
    trained = rm.Indicator(
        id="m2-i1",
        label="培训执法人员",
        value=Decimal(1200),
        unit="人次",
        qualifier="at_least",
        source="培训执法人员1200余人次",
    )
    return rm.Report(
        title="示例县司法局2024年法治政府建设年度报告",
        organization=rm.Organization(
            name="示例县司法局", region="示例省示例市示例县", level="county", kind="department"
        ),
        year=2024,
        preamble=rm.Preamble(text="2024年，我局坚持以习近平法治思想为指导，现将有关情况报告如下："),
        parts=(
            rm.MeasuresPart(
                marker="一、",
                heading="2024年推进法治政府建设的主要举措和成效",
                measures=(
                    rm.Measure(
                        id="m1",
                        marker="（一）",
                        heading="规范行政执法",
                        text="全面落实行政执法“三项制度”，评查行政执法案卷150卷。",
                        indicators=(inspection,),
                    ),
                    rm.Measure(
                        id="m2",
                        marker="（二）",
                        heading="加强执法培训",
                        text="举办执法能力提升班，培训执法人员1200余人次。",
                        indicators=(trained,),
                    ),
                ),
            ),
            rm.ShortcomingsPart(
                marker="二、",
                heading="存在的不足和原因",
                shortcomings=(rm.Shortcoming(id="s1", text="基层执法力量不足。"),),
                causes=(rm.Cause(id="c1", text="执法编制有限。", shortcoming_ids=("s1",)),),
            ),
            rm.LeadershipPart(
                marker="三、",
                heading="党政主要负责人履行推进法治建设第一责任人职责情况",
                text="局主要负责人主持召开专题会议研究法治建设工作。",
            ),
            rm.PlansPart(
                marker="四、",
                heading="2025年推进法治政府建设的主要安排",
                plans=(
                    rm.Plan(
                        id="p1",
                        heading="充实基层执法力量",
                        text="争取增加执法编制。",
                        shortcoming_ids=("s1",),
                    ),
                ),
            ),
        ),
    )


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path()
    report = build()
    rm.dump(report, folder / "draft.json")
    # Reports are frozen: a correction is a new report made with attrs.evolve.
    final = attrs.evolve(report, published_on=datetime.date(2025, 3, 20))
    rm.dump(final, folder / "final.json")
    assert rm.load(folder / "final.json") == final
    print(f"wrote {folder / 'draft.json'} and {folder / 'final.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
