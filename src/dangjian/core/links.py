"""The link a notice carries: the page of the record it is about.

A record's own page is the URL named ``<app_label>:<model_name>_detail`` (``pk``). Until an app
has one, the link is the app's desk page, with the record's anchor where the desk shows it.
"""

from typing import Any

from django.urls import NoReverseMatch, reverse

# Desk pages not named "<app_label>:home".
DESKS = {"members": "members:candidates"}
# Where a desk page marks a record with an ``id`` (``#measure-12``).
ANCHORS = {
    "oversight.measure": "measure-{pk}",
    "oversight.notice": "notice-{pk}",
}
# Pages that show one record but do not follow the ``_detail`` name.
OWN_PAGES = {"tasks.plan": "tasks:plan"}


def record_link(obj: Any, anchor: str = "") -> str:
    """A site path that opens ``obj``; ``anchor`` overrides the desk page's default anchor."""
    meta = obj._meta
    for name in (f"{meta.app_label}:{meta.model_name}_detail", OWN_PAGES.get(meta.label_lower)):
        if name:
            try:
                return reverse(name, kwargs={"pk": obj.pk})
            except NoReverseMatch:
                pass
    return desk_link(meta.app_label, anchor or ANCHORS.get(meta.label_lower, "").format(pk=obj.pk))


def desk_link(app_label: str, anchor: str = "") -> str:
    try:
        path = reverse(DESKS.get(app_label, f"{app_label}:home"))
    except NoReverseMatch:
        path = reverse("notifications:inbox")  # an app without a desk: the inbox still works
    return f"{path}#{anchor}" if anchor else path
