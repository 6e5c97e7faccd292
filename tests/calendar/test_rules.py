from dangjian.calendar import rules


def test_the_public_holidays_add_up_to_thirteen_days():
    assert sum(rules.PUBLIC_HOLIDAY_DAYS.values()) == 13


def test_every_uncertain_rule_notes_it_for_reviewers_not_in_its_citation():
    uncertain = [
        rule for rule in vars(rules).values()
        if isinstance(rule, rules.Rule) and rule.status is rules.Status.UNCERTAIN
    ]
    assert rules.CIVIL_CODE_BY_ANALOGY in uncertain
    assert all("待核实" in rule.note and "待核实" not in rule.citation for rule in uncertain)


def test_citing_several_rules_names_each_article():
    cited = rules.cite_all(rules.MONTH_RULES)
    for article in ("第二百零一条", "第二百零二条", "第二百零三条"):
        assert article in cited
