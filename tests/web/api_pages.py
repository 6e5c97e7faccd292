"""Every API write operation and the page a person takes the same action on.

One line an operation: ``"METHOD /api/v1/path/{id}/verb/": "app:url-name"``. The test
(``tests/web/test_api_pages.py``) reads the schema (drf-spectacular) and fails when an operation
is in none of the three tables below, when a line names an operation the API no longer has, or
a page name that does not reverse. A new endpoint is one more line here (its page first).
"""

# API operation → the page (URL name) where a role takes the same action.
PAGES: dict[str, str] = {
    # oversight (监督整改)
    "POST /api/v1/findings/": "oversight:finding-new",
    "POST /api/v1/findings/{id}/correct/": "oversight:finding-correct",
    "POST /api/v1/findings/{id}/withdraw/": "oversight:finding-withdraw",
    "POST /api/v1/findings/{id}/recheck/": "oversight:finding-recheck",
    "POST /api/v1/notices/": "oversight:notice-new",
    "POST /api/v1/notices/{id}/issue/": "oversight:notice-act",
    "POST /api/v1/notices/{id}/acknowledge/": "oversight:notice-act",
    "POST /api/v1/notices/{id}/reply/": "oversight:notice-act",
    "POST /api/v1/notices/{id}/close/": "oversight:notice-act",
    "POST /api/v1/measures/": "oversight:measure-new",
    "PATCH /api/v1/measures/{id}/": "oversight:measure-edit",
    "POST /api/v1/measures/{id}/progress/": "oversight:measure-progress",
    "POST /api/v1/measures/{id}/progress/{entry}/correct/": "oversight:progress-correct",
    "POST /api/v1/measures/{id}/evidence/": "oversight:measure-evidence",
    "POST /api/v1/measures/{id}/submit/": "oversight:measure-submit",
    "POST /api/v1/measures/{id}/verify/": "oversight:measure-verify",
    "POST /api/v1/self-checks/": "oversight:selfcheck-send",
    "POST /api/v1/self-checks/{id}/answer/": "oversight:selfcheck-answer",
    "POST /api/v1/accountability/": "oversight:accountability-new",
    "POST /api/v1/accountability/{id}/decide/": "oversight:accountability-decide",
    "POST /api/v1/accountability/{id}/complete/": "oversight:accountability-complete",
    "POST /api/v1/accountability/{id}/correct/": "oversight:accountability-correct",
    "POST /api/v1/risk-points/": "oversight:riskpoint-new",
    "PATCH /api/v1/risk-points/{id}/": "oversight:riskpoint-edit",
    "POST /api/v1/inspections/": "oversight:inspection-new",
    "POST /api/v1/inspections/{id}/findings/": "oversight:inspection-finding",
    "POST /api/v1/inspections/{id}/files/": "oversight:inspection-attach",
    "POST /api/v1/rectification-campaigns/": "oversight:campaign-new",
    "POST /api/v1/rectification-campaigns/{id}/findings/": "oversight:campaign-findings",
    "POST /api/v1/rectification-campaigns/{id}/plans/": "oversight:campaign-plan",
    "POST /api/v1/terms/": "oversight:term-new",
    "PATCH /api/v1/terms/{id}/": "oversight:term-edit",
    # orglife (谈心谈话, 民主生活会)
    "POST /api/v1/heart-talks/": "orglife:talk-new",
    "PATCH /api/v1/heart-talks/{id}/": "orglife:talk-edit",
    "POST /api/v1/life-meetings/": "orglife:lifemeeting-new",
    "POST /api/v1/life-meetings/{id}/opinions/": "orglife:lifemeeting-step",
    "POST /api/v1/life-meetings/{id}/talks/": "orglife:lifemeeting-step",
    "POST /api/v1/life-meetings/{id}/materials/": "orglife:lifemeeting-step",
    "POST /api/v1/life-meetings/{id}/hold/": "orglife:lifemeeting-step",
    "POST /api/v1/life-meetings/{id}/rectify/": "orglife:lifemeeting-step",
    "POST /api/v1/life-meetings/{id}/report/": "orglife:lifemeeting-step",
    # duties (主体责任)
    "POST /api/v1/responsibility-lists/": "duties:list-new",
    "POST /api/v1/responsibility-items/": "duties:item-new",
    "PATCH /api/v1/responsibility-items/{id}/": "duties:item_change",
    "POST /api/v1/fulfilments/": "duties:item_fulfil",
    "POST /api/v1/responsibility-templates/import/": "duties:templates",
    # tasks (督查任务)
    "POST /api/v1/plans/": "tasks:plan-new",
    "POST /api/v1/plans/parse/": "tasks:plan-new",
    "POST /api/v1/plans/import/": "tasks:import",
    "POST /api/v1/plans/{id}/confirm/": "tasks:confirm",
    "POST /api/v1/plans/{id}/revise/": "tasks:plan-revise",
    "PATCH /api/v1/tasks/{id}/": "tasks:task-edit",
    "POST /api/v1/tasks/{id}/milestones/": "tasks:milestone-new",
    "POST /api/v1/tasks/{id}/progress/": "tasks:report",
    "POST /api/v1/tasks/{id}/review/": "tasks:task-review",
    "POST /api/v1/bulletins/": "tasks:bulletin-new",
    # orglife (组织生活)
    "POST /api/v1/meetings/": "orglife:meeting-new",
    "DELETE /api/v1/meetings/{id}/": "orglife:meeting-withdraw",
    "POST /api/v1/meetings/{id}/attachments/": "orglife:meeting-attach",
    "POST /api/v1/meetings/import/": "orglife:import",
    "POST /api/v1/agenda-tags/": "orglife:tag-new",
    "PATCH /api/v1/agenda-tags/{id}/": "orglife:tag-edit",
    # members (党员队伍)
    "POST /api/v1/candidates/": "members:candidate-new",
    "POST /api/v1/candidates/{id}/steps/": "members:candidate-step",
    "POST /api/v1/candidates/{id}/extend/": "members:candidate-extend",
    "POST /api/v1/candidates/{id}/close/": "members:candidate-close",
    "POST /api/v1/members/roster/": "members:roster",
    "POST /api/v1/study-records/": "members:study-new",
    "POST /api/v1/visits/": "members:visit-new",
    # assessment (党建考核)
    "POST /api/v1/assessment/schemes/": "assessment:scheme-new",
    "PATCH /api/v1/assessment/schemes/{id}/": "assessment:scheme-edit",
    "POST /api/v1/assessment/schemes/{id}/approve/": "assessment:scheme-step",
    "POST /api/v1/assessment/schemes/{id}/publish/": "assessment:scheme-step",
    "POST /api/v1/assessment/schemes/{id}/release/": "assessment:scheme-step",
    "POST /api/v1/assessment/indicators/": "assessment:indicator-new",
    "PATCH /api/v1/assessment/indicators/{id}/": "assessment:indicator-edit",
    "DELETE /api/v1/assessment/indicators/{id}/": "assessment:indicator-remove",
    "POST /api/v1/assessment/scores/": "assessment:score-entry",
    "POST /api/v1/assessment/appeals/": "assessment:appeal-raise",
    "POST /api/v1/assessment/appeals/{id}/accept/": "assessment:appeal-accept",
    "POST /api/v1/assessment/appeals/{id}/decide/": "assessment:appeal-decide",
    # openness (党务政务公开)
    "POST /api/v1/disclosure-catalogue/": "openness:item-new",
    "PATCH /api/v1/disclosure-catalogue/{id}/": "openness:item-edit",
    "POST /api/v1/disclosure-catalogue/{id}/deactivate/": "openness:item-deactivate",
    "PATCH /api/v1/disclosures/{id}/": "openness:disclosure-edit",
    "POST /api/v1/disclosures/": "openness:disclosure-new",
    "POST /api/v1/disclosures/prepare/": "openness:disclosure-prepare",
    "POST /api/v1/disclosures/{id}/attachments/": "openness:disclosure-attach",
    "POST /api/v1/disclosures/{id}/submit/": "openness:disclosure-submit",
    "POST /api/v1/disclosures/{id}/review/": "openness:disclosure-review",
    "POST /api/v1/disclosures/{id}/approve/": "openness:disclosure-approve",
    "POST /api/v1/disclosures/{id}/publish/": "openness:disclosure-publish",
    "POST /api/v1/disclosures/{id}/withdraw/": "openness:disclosure-withdraw",
    "POST /api/v1/disclosure-feedback/{id}/answer/": "openness:feedback-answer",
    "POST /api/v1/disclosure-requests/": "openness:request-new",
    "POST /api/v1/disclosure-requests/{id}/extend/": "openness:request-extend",
    "POST /api/v1/disclosure-requests/{id}/decide/": "openness:request-decide",
    "POST /api/v1/public/disclosures/{id}/feedback/": "gongkai:detail",
    # villages (村集体经济, 包联)
    "POST /api/v1/villages/": "villages:village-profile",
    "POST /api/v1/village-incomes/": "villages:income-new",
    "PATCH /api/v1/village-incomes/{id}/": "villages:income-edit",
    "POST /api/v1/village-incomes/{id}/submit/": "villages:income-submit",
    "POST /api/v1/village-incomes/{id}/verify/": "villages:income-verify",
    "POST /api/v1/village-incomes/{id}/confirm/": "villages:income-confirm",
    "POST /api/v1/village-targets/": "villages:target",
    "POST /api/v1/links/": "villages:link-new",
    "POST /api/v1/links/{id}/end/": "villages:link-end",
    "POST /api/v1/campaigns/": "villages:campaign-new",
    "POST /api/v1/campaign-entries/": "villages:campaign-entry-new",
    "POST /api/v1/campaign-entries/{id}/advance/": "villages:campaign-entry-advance",
    # orgs, people (基础数据), notifications, sign-in
    "POST /api/v1/organizations/": "orgs:organization-new",
    "PATCH /api/v1/organizations/{id}/": "orgs:organization-edit",
    "DELETE /api/v1/organizations/{id}/": "orgs:organization-delete",
    "POST /api/v1/persons/": "people:person-new",
    "PATCH /api/v1/persons/{id}/facts/": "people:person_facts",
    "POST /api/v1/persons/{id}/unmask/": "people:person_unmask",
    "POST /api/v1/inbox/{id}/read/": "notifications:read",
    "POST /api/v1/lockouts/unlock/": "web:lockouts",
    # access (账户与授权)
    "POST /api/v1/users/": "access:user-new",
    "POST /api/v1/grants/": "access:grant-new",
    "DELETE /api/v1/grants/{id}/": "access:grant-revoke",
}

# Operations with no page on purpose, each with why.
EXEMPT: dict[str, str] = {
    "POST /api/v1/auth/token/": "机器登录：换取 API 令牌；人在登录页（web:login）经同一"
                                "access.signin 登录",
    "POST /api/v1/auth/token/revoke/": "机器注销 API 令牌；页面会话由退出（web:logout）结束",
}

# Known gaps: actions only the API offers today, still to get a page. This list may only
# shrink: the test fails when a line here has a page (move it to PAGES) or is gone.
MISSING: dict[str, str] = {
}
