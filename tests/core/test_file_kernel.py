"""Every model that keeps an uploaded file is a dangjian.core.files StoredFile (issue 11)."""

from django.apps import apps

from dangjian.core.files.models import StoredFile

EVIDENCE = {"oversight.evidence", "tasks.progressevidence", "duties.fulfilmentevidence",
            "orglife.attachment"}


def _stores_a_hashed_file(model: type) -> bool:
    names = {field.name for field in model._meta.get_fields()}
    return {"file", "sha256"} <= names


def test_every_model_with_a_hashed_file_extends_the_kernel() -> None:
    keeping = {model._meta.label_lower for model in apps.get_models()
               if _stores_a_hashed_file(model)}
    assert keeping >= EVIDENCE
    for label in keeping:
        assert issubclass(apps.get_model(label), StoredFile), label


def test_every_stored_file_records_who_uploaded_it() -> None:
    for label in EVIDENCE:
        field = apps.get_model(label)._meta.get_field("uploaded_by")
        assert field.related_model is not None and field.related_model._meta.label == "access.User"
