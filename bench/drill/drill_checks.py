"""What every drill proves afterwards, read straight from the database and the media folder.

- every write the server accepted (201) is in the database, with the text or the bytes sent;
- nothing is half-written: each progress report and each evidence row has the audit event its
  transaction wrote, and each evidence row's file is there and matches its SHA-256;
- files without a row (uploads cut off between storage and commit) are found and swept;
- the audit chain verifies end to end.
"""

import subprocess
from typing import Any

from drill_stack import BIN, Stack


def accepted_writes(result: dict[str, Any]) -> dict[str, int]:
    """Accepted writes against the rows: ``missing`` must be 0."""
    from dangjian.oversight.models import Evidence, Progress

    progress = {p["id"]: p for p in result["accepted"]["progress"]}
    evidence = {e["id"]: e for e in result["accepted"]["evidence"]}
    rows = {p.pk: p for p in Progress.objects.filter(pk__in=progress)}
    files = {e.pk: e for e in Evidence.objects.filter(pk__in=evidence)}
    missing = sum(1 for pk, sent in progress.items()
                  if pk not in rows or rows[pk].measure_id != sent["measure"]
                  or rows[pk].text != sent["text"])
    missing += sum(1 for pk, sent in evidence.items()
                   if pk not in files or files[pk].measure_id != sent["measure"]
                   or files[pk].sha256 != sent["sha256"])
    return {"accepted_progress": len(progress), "accepted_evidence": len(evidence),
            "missing": missing}


def integrity(stack: Stack, *, sweep: bool = True) -> dict[str, Any]:
    """Half-written records, unreadable files, orphans (swept when ``sweep``), audit chain."""
    from dangjian.audit.models import AuditEvent
    from dangjian.core.files.checks import FileIntegrityError, evidence_open
    from dangjian.ops.orphans import find_orphans, sweep_orphans
    from dangjian.oversight.models import Evidence, Progress

    events = {action: AuditEvent.objects.filter(action=action).count()
              for action in ("measure.progress", "measure.evidence")}
    unreadable = 0
    for item in Evidence.objects.iterator(chunk_size=500):
        try:
            evidence_open(evidence=item).close()
        except FileIntegrityError:
            unreadable += 1
    orphans = len(find_orphans(grace_seconds=0))
    if sweep and orphans:
        sweep_orphans(username="故障演练", grace_seconds=0)
    verify = subprocess.run([str(BIN / "dangjian"), "audit", "verify"], env=stack.env,
                            capture_output=True, text=True)
    return {
        "progress_rows": Progress.objects.count(),
        "progress_events": events["measure.progress"],
        "evidence_rows": Evidence.objects.count(),
        "evidence_events": events["measure.evidence"],
        "unreadable_files": unreadable,
        "orphan_files": orphans,
        "orphans_after_sweep": len(find_orphans(grace_seconds=0)),
        "audit_chain": "ok" if verify.returncode == 0 else verify.stdout + verify.stderr,
    }


def problems(writes: dict[str, int], state: dict[str, Any]) -> list[str]:
    """The findings that fail a drill, in words."""
    found = []
    if writes["missing"]:
        found.append(f"{writes['missing']} accepted writes are not in the database")
    if state["progress_rows"] != state["progress_events"]:
        found.append("progress rows and their audit events differ")
    if state["evidence_rows"] != state["evidence_events"]:
        found.append("evidence rows and their audit events differ")
    if state["unreadable_files"]:
        found.append(f"{state['unreadable_files']} evidence files are missing or changed")
    if state["orphans_after_sweep"]:
        found.append("orphaned files remain after the sweep")
    if state["audit_chain"] != "ok":
        found.append(f"audit chain: {state['audit_chain'].strip()}")
    return found
