"""dangjian (党建): the county party group's 全面从严治党主体责任 platform."""
