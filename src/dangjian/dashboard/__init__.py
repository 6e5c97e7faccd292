"""领导驾驶舱 (cockpit): one page per role over every module, read through the domain apps'
selectors and the assessment's; nothing imports it but the site's pages."""
