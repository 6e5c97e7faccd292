from django.db import migrations

# The lists and the speech's risk areas; a county edits them as data afterwards.
DEFAULT_TERMS = {
    "source": ["监督执纪", "巡察反馈", "派驻监督", "审计", "信访举报", "上级督查", "自查"],
    "category": ["政治建设", "思想建设", "组织建设", "作风建设", "纪律建设", "主体责任落实",
                 "资金监管", "权力运行", "党建与业务融合"],
    "severity": ["一般", "较重", "严重"],
    "risk_area": ["审批监管", "资源开发", "生态环保", "金融信贷", "工程招投标", "公共财政支出",
                  "国有资产管理", "行政执法"],
}


def add_terms(apps, schema_editor):
    term = apps.get_model("oversight", "Term")
    for kind, names in DEFAULT_TERMS.items():
        for order, name in enumerate(names):
            term.objects.get_or_create(kind=kind, name=name, defaults={"order": order})


def remove_terms(apps, schema_editor):
    term = apps.get_model("oversight", "Term")
    for kind, names in DEFAULT_TERMS.items():
        term.objects.filter(kind=kind, name__in=names).delete()


class Migration(migrations.Migration):
    dependencies = [("oversight", "0001_oversight_initial")]
    operations = [migrations.RunPython(add_terms, remove_terms)]
