from dangjian.core.menu import MenuItem, MenuSection, register

register(MenuSection("desk", "工作台", order=10, items=(
    MenuItem("站内信", "notifications:inbox", order=10),
)))
