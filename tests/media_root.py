"""The run's MEDIA_ROOT: a ``dangjian-test-media-*`` folder that settings/test.py makes with
mkdtemp when the settings are imported, removed again when the run ends (tests/conftest.py)."""

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

PREFIX = "dangjian-test-media-"


def is_throwaway(root: Path) -> bool:
    """A folder of the temp directory named by settings/test.py: nothing else is ever removed."""
    return (root.name.startswith(PREFIX)
            and root.parent.resolve() == Path(tempfile.gettempdir()).resolve())


@pytest.fixture(scope="session", autouse=True)
def throwaway_media_root() -> Iterator[Path]:
    root = Path(settings.MEDIA_ROOT)
    yield root
    if is_throwaway(root):
        shutil.rmtree(root, ignore_errors=True)
