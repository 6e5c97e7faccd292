"""主体责任: yearly responsibility lists from the template, and fulfilment records."""

from .fulfilments import Fulfilment, FulfilmentEvidence
from .lists import ResponsibilityItem, ResponsibilityList, YearEndCheck
from .templates import ResponsibilityTemplate, ResponsibilityTemplateItem

__all__ = ["Fulfilment", "FulfilmentEvidence", "ResponsibilityItem", "ResponsibilityList",
           "ResponsibilityTemplate", "ResponsibilityTemplateItem", "YearEndCheck"]
