"""The default entries of the configurable lists; a county edits them as data afterwards."""

from typing import Any

DEFAULT_TERMS: dict[str, list[str]] = {
    # 民主生活会查摆 and 督导检查: problems a leading group finds on itself and those a vice head
    # finds inspecting his 分管 departments (issue 13).
    "source": ["监督执纪", "巡察反馈", "派驻监督", "审计", "信访举报", "上级督查", "自查",
               "民主生活会查摆", "督导检查"],
    "category": ["政治建设", "思想建设", "组织建设", "作风建设", "纪律建设", "主体责任落实",
                 "资金监管", "权力运行", "党建与业务融合"],
    "severity": ["一般", "较重", "严重"],
    # The speech's integrity-risk areas first, then two common ones.
    "risk_area": ["审批监管", "资源开发", "生态环保", "金融信贷", "工程招投标", "公共财政支出",
                  "国有资产管理", "行政执法"],
}


def ensure_default_terms(term_model: Any = None) -> None:
    """Add any missing default entry (the data migration passes its historical model)."""
    if term_model is None:
        from .models import Term as term_model
    for kind, names in DEFAULT_TERMS.items():
        for order, name in enumerate(names):
            term_model.objects.get_or_create(kind=kind, name=name, defaults={"order": order})
