"""What every refused page form must show (issue 11 item 8): each wrong field named with its
Chinese label in the red summary and marked beside the field, no banner repeating it."""

import re
from collections.abc import Mapping

from django.http import HttpResponse


def summary_of(html: str) -> str:
    found = re.search(r'<div class="form-errors" role="alert".*?</div>', html, re.S)
    assert found, "no red summary"
    return found.group(0)


def assert_every_field_named(response: HttpResponse, key: str,
                             fields: Mapping[str, str]) -> str:
    """``fields``: field → Chinese label; returns the page for further checks."""
    html = response.content.decode()
    summary = summary_of(html)
    for name, label in fields.items():
        assert f'<a href="#{key}-{name}">{label}</a>' in summary, name
        assert f'id="{key}-{name}-error"' in html, name  # the message beside the field
        assert re.search(rf'id="{key}-{name}"[^>]*aria-invalid="true"', html), name
    assert summary.count("<li>") >= len(fields)
    assert "message-success" not in html
    assert [str(m) for m in response.context["messages"]] == []  # no banner repeats it
    return html
