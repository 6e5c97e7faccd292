"""Uploaded test files go to a throwaway folder that the run removes (tests/media_root.py)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from tests.media_root import PREFIX, is_throwaway

REPO = Path(__file__).resolve().parents[1]
HERE = "tests/test_media_root.py::test_media_root_is_a_folder_of_the_temp_directory"


def test_media_root_is_a_folder_of_the_temp_directory() -> None:
    root = Path(settings.MEDIA_ROOT)
    assert root.is_dir() and is_throwaway(root), root


def test_its_removal_is_registered_for_the_end_of_the_run(request: pytest.FixtureRequest
                                                          ) -> None:
    assert "throwaway_media_root" in request.fixturenames
    assert request.getfixturevalue("throwaway_media_root") == Path(settings.MEDIA_ROOT)


def test_a_run_leaves_no_media_folder_behind(tmp_path: Path) -> None:
    # A run of its own whose temp directory is ``tmp_path``: its MEDIA_ROOT is made there (the
    # test above passes only then) and must be gone once it has ended.
    env = {**os.environ, "TMPDIR": str(tmp_path)}
    run = subprocess.run(  # noqa: S603 (this interpreter, fixed arguments)
        [sys.executable, "-m", "pytest", HERE, "-q", "-p", "no:cacheprovider",
         "--rootdir", str(REPO)],
        cwd=REPO, env=env, capture_output=True, text=True, check=False, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 passed" in run.stdout
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(PREFIX)] == []
