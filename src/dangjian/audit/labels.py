"""Chinese names of the audit event codes, for pages and exports. The codes themselves stay
the stored data (``AuditEvent.action``): filters and tools keep using them."""

ACTION_LABELS: dict[str, str] = {
    # sign-in and accounts
    "login": "登录", "logout": "退出登录", "login_failed": "登录失败",
    "login.refused": "登录被拒绝", "login.lockout": "账号锁定", "login.unlock": "解除锁定",
    "password.change": "修改密码", "otp.enrol": "绑定动态口令", "token.issue": "签发接口令牌",
    "token.revoke": "吊销接口令牌", "user.create": "创建用户", "user.disable_idle": "停用闲置账号",
    "grant.create": "授予角色", "grant.revoke": "撤销角色",
    # organisations and people
    "organization.create": "新建组织", "organization.rename": "组织更名",
    "organization.move": "调整组织隶属", "organization.delete": "删除组织",
    "person.create": "新增人员", "person.import": "导入人员", "person.unmask": "查看完整个人信息",
    "person.facts": "修改学历等人员信息",
    "person.party_status": "变更政治面貌", "charge.assign": "调整分管",
    # oversight
    "finding.create": "登记问题", "finding.correct": "更正问题", "finding.withdraw": "撤销问题",
    "notice.create": "起草提示单", "notice.issue": "签发提示单",
    "notice.acknowledge": "签收提示单", "notice.reply": "回复提示单", "notice.close": "办结提示单",
    "measure.create": "添加整改措施", "measure.update": "修改整改措施",
    "measure.progress": "报送整改进展", "measure.progress_correct": "更正整改进展",
    "measure.evidence": "上传整改佐证",
    "measure.submit": "提交核查", "measure.verify": "核查整改措施",
    "selfcheck.send": "发起举一反三自查", "selfcheck.answer": "反馈自查结果",
    "risk_point.create": "登记廉政风险点", "risk_point.update": "修改廉政风险点",
    "finding.recheck": "回头看", "finding.recheck_due": "回头看提醒",
    "accountability.open": "提出问责建议",
    "accountability.decide": "问责决定", "accountability.complete": "问责办结",
    "escalation.due_soon": "整改临期提醒", "escalation.overdue": "整改逾期报告分管领导",
    "escalation.accountability": "整改逾期提出问责建议",
    "inspection.attach": "上传督导检查报告",
    # tasks
    "plan.create": "录入工作部署", "plan.revise": "修订工作部署", "plan.confirm": "确认督办任务",
    "plan.import_start": "开始导入任务分解表", "plan.import": "导入任务分解表",
    "plan.import_refused": "任务分解表导入被拒绝", "proposal.update": "修改任务建议",
    "proposal.drop": "删除任务建议", "proposal.merge": "合并任务建议",
    "proposal.split": "拆分任务建议", "task.create": "新建督办任务", "task.update": "修改督办任务",
    "task.revise": "修订督办任务", "task.withdraw": "撤销督办任务", "task.progress": "报送任务进展",
    "task.review": "确认办结", "task.milestone": "添加任务节点", "task.due_soon": "任务临期提醒",
    "task.overdue": "任务逾期督办", "task.report_due": "进展报送提醒",
    "task.report_late": "进展未按期报送",
    "task.accountability": "任务逾期提出问责建议", "bulletin.issue": "签发督查通报",
    # duties, orglife, members
    "duties.list_create": "建立责任清单", "duties.item_add": "增加责任事项",
    "duties.item_update": "修改责任事项", "duties.fulfilment": "登记履责记实",
    "duties.accountability": "责任事项年终未完成提出问责建议",
    "duties.year_end": "责任清单年终检查",
    "meeting.record": "登记会议", "meeting.import": "导入会议台账",
    "meeting.delete": "撤销会议记录",
    "meeting.attach": "上传会议附件", "candidate.open": "建立发展党员档案",
    "candidate.step": "记录发展步骤", "candidate.extend": "延长预备期",
    "candidate.close": "结束发展程序", "study.create": "登记学习培训", "visit.create": "登记走访",
    # villages (村集体经济, 包联)
    "village.save": "保存村情", "village_income.create": "填报村集体经济收入",
    "village_income.update": "修改村集体经济收入", "village_income.submit": "村集体经济收入上报",
    "village_income.accept": "乡镇审核通过", "village_income.return": "乡镇审核退回",
    "village_income.confirm": "县核定村集体经济收入", "village_target.save": "设置村集体经济目标",
    "link.create": "新增包联", "link.end": "结束包联",
    # files, notices and operations
    "register.export": "导出台账",
    "file.download": "下载文件", "file.integrity": "文件校验失败", "upload.refused": "上传被拒绝",
    "notification.send": "发送通知", "notification.read": "阅读通知",
    "audit.archive": "审计日志归档", "audit.prune": "清理过期审计日志", "keys.rotate": "轮换密钥",
    "ops.backup": "备份", "ops.restore": "恢复", "ops.sweep_files": "清理孤立文件",
    "demo.load": "载入演示数据",
    # assessment outputs (issue 12, branch assess-out)
    "assessment.accountability_proposed": "考核结果提出问责建议",
    "assessment.result_download": "下载考核结果",
}


def action_label(action: str) -> str:
    """The Chinese name of an event code; an unknown code is shown as it is stored."""
    return ACTION_LABELS.get(action, action)
