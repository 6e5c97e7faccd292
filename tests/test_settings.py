import os
import subprocess
import sys
from pathlib import Path


def _import_production(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("DANGJIAN_", "DATABASE_URL"))}
    return subprocess.run(
        [sys.executable, "-c", "import dangjian.settings.production"],
        env={**clean, **env}, capture_output=True, text=True, check=False,
    )


def test_production_refuses_the_development_secrets() -> None:
    result = _import_production()
    assert result.returncode != 0 and "DANGJIAN_SECRET_KEY" in result.stderr


def test_production_refuses_sqlite() -> None:
    result = _import_production(DANGJIAN_SECRET_KEY="k" * 50, DANGJIAN_FIELD_KEY="f" * 32)
    assert result.returncode != 0 and "PostgreSQL" in result.stderr


def test_production_reads_secrets_from_files(tmp_path: Path) -> None:
    secret = tmp_path / "secret"
    secret.write_text("s" * 50)
    result = _import_production(
        DANGJIAN_SECRET_KEY_FILE=str(secret), DANGJIAN_FIELD_KEY="f" * 32,
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/none",
    )
    assert result.returncode == 0, result.stderr
