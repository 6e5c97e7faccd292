"""The backup-and-restore drill, run through the ``dangjian`` command as an operator would.

Each step is a subprocess with its own ``DATABASE_URL`` and ``DANGJIAN_VAR_DIR``, so the drill
depends on nothing in the test suite's own database.
"""

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DANGJIAN = Path(sys.executable).with_name("dangjian")
PERSONS_FACTOR = "0.05"
AUDIT_TABLE = "audit_auditevent"
EVIDENCE = Path("evidence/2026/01/0123456789abcdef.pdf")


@dataclass
class Site:
    """One installation: a database and a var/ folder (MEDIA_ROOT is var/media)."""

    database_url: str
    var_dir: Path

    def env(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
        paths = [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
        return {**env, "DATABASE_URL": self.database_url, "DANGJIAN_VAR_DIR": str(self.var_dir),
                "DJANGO_SETTINGS_MODULE": "tests.security_data.drill_settings",
                "PYTHONPATH": os.pathsep.join(paths)}

    def run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        result = subprocess.run(  # noqa: S603  (our own console script and arguments)
            [str(DANGJIAN), *args], env=self.env(), cwd=ROOT, capture_output=True, text=True,
            timeout=300, check=False,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"dangjian {' '.join(args)} 失败：\n{result.stderr[-3000:]}")
        return result

    def checksums(self, **first: int) -> dict[str, list[Any]]:
        limits = [f"--first={table}={n}" for table, n in first.items()]
        return dict(json.loads(self.run("checksums", "--json", *limits).stdout))

    @property
    def media(self) -> Path:
        return self.var_dir / "media"


@dataclass
class Figures:
    seconds: dict[str, float] = field(default_factory=dict)
    tables: int = 0
    rows: int = 0

    def timed(self, name: str, site: Site, *args: str) -> subprocess.CompletedProcess[str]:
        started = time.perf_counter()
        result = site.run(*args)
        self.seconds[name] = round(time.perf_counter() - started, 2)
        return result


def run_drill(work: Path, source: Site, target: Site, spare: Site) -> Figures:
    """Build a demo county in ``source``, back it up, restore it into the empty ``target`` and
    compare; then check the two refusals against ``target`` (not empty) and ``spare``."""
    figures = Figures()
    figures.timed("migrate", source, "migrate", "--noinput")
    figures.timed("demo", source, "demo", "--persons-factor", PERSONS_FACTOR)
    evidence = source.media / EVIDENCE
    evidence.parent.mkdir(parents=True)
    evidence.write_bytes(b"%PDF-1.4\n% drill evidence\n")
    before = source.checksums()
    backup = work / "backup"
    figures.timed("backup", source, "backup", str(backup))
    figures.timed("restore", target, "restore", str(backup))

    audit_rows = before[AUDIT_TABLE][0]
    after = target.checksums(**{AUDIT_TABLE: audit_rows})
    assert after.keys() == before.keys()
    differing = {t for t in before if before[t] != after[t]}
    assert differing == {"audit_chainhead"}, differing  # the restore appended its own event
    assert target.checksums()[AUDIT_TABLE][0] == audit_rows + 1
    assert "审计链完整" in target.run("audit", "verify").stdout
    assert (target.media / EVIDENCE).read_bytes() == evidence.read_bytes()
    figures.tables = len(before)
    figures.rows = sum(count for count, _ in before.values())

    _refusals(work, backup, target, spare)
    return figures


def _refusals(work: Path, backup: Path, target: Site, spare: Site) -> None:
    business = {t: s for t, s in target.checksums().items() if not t.startswith("audit_")}
    again = target.run("restore", str(backup), check=False)
    assert again.returncode != 0 and "不是空库" in again.stderr
    assert {t: s for t, s in target.checksums().items() if not t.startswith("audit_")} == business

    tampered = work / "tampered"
    shutil.copytree(backup, tampered)
    database = next(p for p in tampered.iterdir() if p.name.startswith("database."))
    data = bytearray(database.read_bytes())
    data[len(data) // 2] ^= 0xFF
    database.write_bytes(bytes(data))
    refused = spare.run("restore", str(tampered), check=False)
    assert refused.returncode != 0 and "SHA-256 不符" in refused.stderr
    assert spare.checksums() == {}  # still empty
