"""The layer check (issue 11): import-linter's contracts in pyproject.toml hold, and they bite."""

import os
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = str(Path(sys.executable).parent / "lint-imports")


def _lint(cwd: Path, *args: str, pythonpath: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    return subprocess.run(  # noqa: S603 (our own venv's binary, fixed arguments)
        [LINT_IMPORTS, "--no-cache", *args], cwd=cwd, env=env,
        capture_output=True, text=True, timeout=300, check=False)


def _contracts() -> dict[str, dict[str, Any]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {c["id"]: c for c in config["tool"]["importlinter"]["contracts"]}


def test_the_imports_keep_every_layer_contract() -> None:
    result = _lint(ROOT, pythonpath=ROOT / "src")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


def test_the_contracts_name_the_layers_and_forbid_web_below_the_pages() -> None:
    contracts = _contracts()
    assert contracts["no-web"]["type"] == "forbidden"
    assert contracts["no-web"]["forbidden_modules"] == ["dangjian.web"]
    assert {"dangjian.duties", "dangjian.core", "dangjian.access"} <= set(
        contracts["no-web"]["source_modules"])
    tops = [layer.split(" : ")[0] for layer in contracts["layers"]["layers"]]
    assert tops == ["dangjian.web", "dangjian.dashboard", "dangjian.assessment",
                    "dangjian.duties", "dangjian.access", "dangjian.people", "dangjian.core"]


def test_a_domain_module_importing_web_breaks_the_check(tmp_path: Path) -> None:
    package = tmp_path / "county"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "web.py").write_text("")
    (package / "duties.py").write_text("from county import web  # the violation\n")
    (tmp_path / "contracts.toml").write_text(
        '[tool.importlinter]\nroot_package = "county"\n\n'
        "[[tool.importlinter.contracts]]\n"
        'name = "no web"\ntype = "forbidden"\n'
        'source_modules = ["county.duties"]\nforbidden_modules = ["county.web"]\n')
    result = _lint(tmp_path, "--config", "contracts.toml", pythonpath=tmp_path)
    assert result.returncode == 1
    assert "county.duties -> county.web" in result.stdout
