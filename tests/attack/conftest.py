"""Fixtures of the adversarial review: the oversight helpers and a signed-in page client."""



from tests.oversight.conftest import add_measure, pdf, raise_finding, today

__all__ = ["add_measure", "pdf", "raise_finding", "today"]

