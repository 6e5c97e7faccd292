"""The 等保 2.0 level-3 rules this app enforces, with their source (rules.md §8).

GB/T 22239-2019 8.1.4 (安全计算环境); the wording was read in a secondary source that
reproduces the L3-CES1 indicators, hence CONFIRMED_2ND. The numbers the standard leaves open
(failures, minutes, days) are settings: see settings/base.py and docs/security.md.
"""

from dangjian.core.citations import Rule, Status

_SOURCE = "GB/T 22239-2019 8.1.4"

PASSWORD_COMPLEXITY = Rule(
    "身份标识唯一，口令具有复杂度要求并定期更换",
    f"{_SOURCE}.1 a（身份鉴别）", Status.CONFIRMED_2ND,
)
LOGIN_FAILURE = Rule(
    "具有登录失败处理功能：限制非法登录次数，登录连接超时自动退出",
    f"{_SOURCE}.1 b（身份鉴别）", Status.CONFIRMED_2ND,
)
TWO_FACTORS = Rule(
    "采用口令、密码技术等两种或两种以上组合的鉴别技术，且其中一种至少使用密码技术",
    f"{_SOURCE}.1 d（身份鉴别）", Status.CONFIRMED_2ND,
)
SURPLUS_ACCOUNTS = Rule(
    "及时删除或停用多余的、过期的账户，避免共享账户",
    f"{_SOURCE}.2 c（访问控制）", Status.CONFIRMED_2ND,
)
SEPARATION_OF_DUTIES = Rule(
    "授予管理用户所需的最小权限，实现管理用户的权限分离（系统管理员、安全管理员、审计管理员）",
    f"{_SOURCE}.2 d（访问控制）", Status.CONFIRMED_2ND,
)
