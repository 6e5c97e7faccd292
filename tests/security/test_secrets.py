"""Secrets come only from the environment or from a file named by ``NAME_FILE``."""

import os
import subprocess
import sys
from pathlib import Path


def _production(**env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("DANGJIAN_", "DATABASE_URL", "DJANGO_"))}
    return subprocess.run(
        [sys.executable, "-c",
         "import dangjian.settings.production as s; print(s.DATABASES['default']['HOST'])"],
        env={**clean, **env}, capture_output=True, text=True, check=False,
    )


def test_the_database_url_may_come_from_a_file(tmp_path: Path) -> None:
    url = tmp_path / "database-url"
    url.write_text("postgres://dangjian:s3cret@db.internal:5432/dangjian\n")
    result = _production(DANGJIAN_SECRET_KEY="s" * 50, DANGJIAN_FIELD_KEY="f" * 32,
                         DATABASE_URL_FILE=str(url))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "db.internal"


def test_a_field_keyring_stands_in_for_the_single_field_key() -> None:
    result = _production(DANGJIAN_SECRET_KEY="s" * 50, DANGJIAN_FIELD_KEYS="v2:new,v1:old",
                         DATABASE_URL="postgres://dangjian@db.internal:5432/dangjian")
    assert result.returncode == 0, result.stderr


def test_without_a_field_key_production_does_not_start() -> None:
    result = _production(DANGJIAN_SECRET_KEY="s" * 50,
                         DATABASE_URL="postgres://dangjian@db.internal:5432/dangjian")
    assert result.returncode != 0 and "DANGJIAN_FIELD_KEY" in result.stderr
