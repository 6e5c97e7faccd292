"""What a released result sets off (owned by branch ``assess-out``): accountability proposals
to the inspectors for the grades in ``scheme.accountability_grades`` and the 述责述廉 feed."""

from dangjian.access.models import User

from ..models import Scheme


def on_release(actor: User, scheme: Scheme) -> None:
    """Called by ``schemes.release`` inside its transaction; a no-op until assess-out lands."""
    return None
