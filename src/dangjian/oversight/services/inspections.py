"""督导检查: a vice head inspects his 分管 departments (执行党章、党内政治生活准则、民主集中制)
and registers what he found as findings with the source 督导检查 (``rules.INSPECTION_RULE``)."""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from dangjian.access.models import User
from dangjian.audit.services import record
from dangjian.core.files.checks import checked_upload
from dangjian.core.files.storage import stored_uploads
from dangjian.core.permissions import can, require, rule_for
from dangjian.orgs.models import Organization
from dangjian.orgs.rules import check_not_before_founding

from ..models import (
    Finding,
    Inspection,
    InspectionFile,
    InspectionItem,
    InspectionTopic,
    ItemResult,
)
from ..rules import local_settings
from .terms import INSPECTION_SOURCE

MAX_TARGETS = 50
MAX_ITEMS = 100


def common_ancestor(organizations: list[Organization]) -> Organization:
    """The nearest organisation whose subtree holds all of ``organizations``."""
    paths = [set(o.ancestor_paths()) for o in organizations]
    shared = set.intersection(*paths)
    deepest = max(shared, key=len)
    return Organization.objects.get(path=deepest)


def _check_items(items: list[dict[str, Any]], topics: list[str]) -> list[InspectionItem]:
    if len(items) > MAX_ITEMS:
        raise ValidationError({"items": f"检查清单最多{MAX_ITEMS}项"})
    rows = []
    for n, item in enumerate(items, start=1):
        text = str(item.get("text", "")).strip()
        topic, result = item.get("topic", ""), item.get("result", "")
        if not text:
            raise ValidationError({"items": f"第{n}项：检查事项不能为空"})
        if len(text) > 200:
            raise ValidationError({"items": f"第{n}项：检查事项不能超过200字"})
        if topic not in topics:
            raise ValidationError({"items": f"第{n}项：检查内容须是本次检查的内容之一"})
        if result not in ItemResult.values:
            raise ValidationError({"items": f"第{n}项：检查结果只能是符合、基本符合或不符合"})
        note = str(item.get("note", "")).strip()
        if len(note) > 200:
            raise ValidationError({"items": f"第{n}项：说明不能超过200字"})
        rows.append(InspectionItem(topic=topic, text=text, result=result, note=note))
    return rows


def inspection_create(
    *, actor: User, targets: list[Organization], topics: list[str], inspected_on: date,
    items: list[dict[str, Any]] | None = None, report: str = "",
) -> Inspection:
    """Record an inspection the vice head led over departments of his 分管 area."""
    require(actor, "oversight.supervise")
    errors: dict[str, str] = {}
    targets = list(dict.fromkeys(targets))
    if not targets:
        errors["targets"] = "请选择被检查单位"
    elif len(targets) > MAX_TARGETS:
        errors["targets"] = f"一次检查最多{MAX_TARGETS}个单位"
    else:
        outside = [t.name for t in targets if not can(actor, "oversight.supervise", t)]
        if outside:
            errors["targets"] = f"以下单位不在您的分管范围内：{'、'.join(outside)}"
    topics = list(dict.fromkeys(topics))
    if not topics:
        errors["topics"] = "请选择检查内容"
    elif any(t not in InspectionTopic.values for t in topics):
        errors["topics"] = "检查内容只能是执行党章、党内政治生活准则、民主集中制"
    if inspected_on > timezone.localdate():
        errors["inspected_on"] = "检查日期不能晚于今天"
    if errors:
        raise ValidationError(errors)
    for target in targets:
        check_not_before_founding(target, inspected_on, field="inspected_on", label="检查日期")
    rows = _check_items(items or [], topics)
    assert actor.person is not None  # supervise needs a person with 分管
    with transaction.atomic():
        inspection = Inspection.objects.create(
            organizer=actor.person, organization=common_ancestor(targets), topics=topics,
            inspected_on=inspected_on, report=report.strip(), created_by=actor)
        inspection.targets.set(targets)
        for row in rows:
            row.inspection = inspection
        InspectionItem.objects.bulk_create(rows)
        record(actor=actor, action="inspection.create", target=inspection,
               after={"targets": [t.pk for t in targets], "topics": topics,
                      "inspected_on": inspected_on, "items": len(rows)})
    return inspection


def organiser_refusal(actor: Any, inspection: Inspection, doing: str) -> str:
    """Why ``actor`` may not act for the inspection (empty when he may): only its organiser,
    while his 分管 still covers one of its targets. ``doing`` names the act in the message."""
    if getattr(actor, "person_id", None) is None or actor.person_id != inspection.organizer_id:
        return f"只能为本人组织的督导检查{doing}"
    if not any(can(actor, "oversight.supervise", t) for t in inspection.targets.all()):
        return rule_for("oversight.supervise").refusal_for(actor, None)
    return ""


def require_organiser(actor: User, inspection: Inspection, doing: str) -> None:
    refusal = organiser_refusal(actor, inspection, doing)
    if refusal:
        raise PermissionDenied(refusal)


def check_inspection_finding(actor: User, inspection: Inspection, organization: Organization,
                             source: str, discovered_on: date) -> None:
    """A finding from a 督导检查 is registered by the inspection's organiser only, on one of
    its targets still in his 分管 scope, with the source 督导检查, not before the inspection."""
    require_organiser(actor, inspection, "登记问题")
    require(actor, "oversight.supervise", organization)
    target_paths = list(inspection.targets.values_list("path", flat=True))
    if not any(organization.path.startswith(p) for p in target_paths):
        raise ValidationError({"organization": "问题单位不是本次督导检查的被检查单位"})
    if source != INSPECTION_SOURCE:
        raise ValidationError({"source": f"督导检查发现的问题，来源应为“{INSPECTION_SOURCE}”"})
    if discovered_on < inspection.inspected_on:
        raise ValidationError({"discovered_on": "发现日期不能早于检查日期"})


def inspection_add_finding(
    *, actor: User, inspection: Inspection, organization: Organization, category: str,
    severity: str, description: str, discovered_on: date | None = None, regulation: str = "",
) -> Finding:
    """Register a finding of the inspection (来源“督导检查”), dated the inspection's day unless
    told otherwise."""
    from .findings import finding_create

    return finding_create(
        actor=actor, organization=organization, source=INSPECTION_SOURCE, category=category,
        severity=severity, description=description,
        discovered_on=discovered_on or inspection.inspected_on, regulation=regulation,
        inspection=inspection)


def inspection_attach(*, actor: User, inspection: Inspection, upload: UploadedFile
                      ) -> InspectionFile:
    """Keep a file of the inspection (the signed 检查报告), checked by the file kernel against
    the county's evidence types and size; who may is who registers its findings."""
    require_organiser(actor, inspection, "上传检查报告")
    limits = local_settings()
    fields = checked_upload(upload, allowed_types=limits.evidence_types,
                            max_bytes=limits.evidence_max_bytes, actor=actor)
    with stored_uploads() as uploads, transaction.atomic():
        row = InspectionFile(inspection=inspection, uploaded_by=actor, **fields)
        uploads.store(row, upload)
        record(actor=actor, action="inspection.attach", target=inspection, after=fields)
    return row
