"""Transport and headers: the CSP allows no inline script or style, and the templates need none;
the production settings pass Django's deployment check without a warning."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

import dangjian

pytestmark = pytest.mark.django_db

TEMPLATES = sorted(Path(dangjian.__file__).parent.glob("*/templates/**/*.html"))
INLINE = {
    "inline script": re.compile(r"<script(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE),
    "style element": re.compile(r"<style\b", re.IGNORECASE),
    "style attribute": re.compile(r"\sstyle\s*=", re.IGNORECASE),
    "event handler": re.compile(r"\son[a-z]+\s*=", re.IGNORECASE),
    "javascript: URL": re.compile(r"javascript:", re.IGNORECASE),
}


def test_pages_send_the_security_headers(client: Client) -> None:
    response = client.get("/login/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp and "object-src 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_template_carries_inline_script_or_style(template: Path) -> None:
    text = template.read_text(encoding="utf-8")
    found = [name for name, pattern in INLINE.items() if pattern.search(text)]
    assert not found, f"{template}: {found} (the CSP would block it; use a static file)"


def test_the_templates_were_found() -> None:
    assert len(TEMPLATES) > 5 and any(p.name == "login.html" for p in TEMPLATES)


def test_production_settings_pass_the_deployment_check_without_a_warning() -> None:
    clean = {k: v for k, v in os.environ.items()
             if not k.startswith(("DANGJIAN_", "DATABASE_URL", "DJANGO_"))}
    env = {
        **clean,
        "DJANGO_SETTINGS_MODULE": "dangjian.settings.production",
        "DANGJIAN_SECRET_KEY": secrets.token_urlsafe(50),
        "DANGJIAN_FIELD_KEY": secrets.token_hex(16),
        "DANGJIAN_AUDIT_ARCHIVE_KEY": secrets.token_hex(32),
        "DATABASE_URL": "postgres://dangjian@127.0.0.1:5432/dangjian",  # not connected to
        "DANGJIAN_ALLOWED_HOSTS": "dangjian.example.gov.cn",
    }
    result = subprocess.run(
        [sys.executable, "-m", "dangjian", "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True, check=False, timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
