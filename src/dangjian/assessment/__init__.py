"""党建工作考核 (assessment): indicator schemes scored from what the platform records.

It sits above the domain apps and reads them only through their selectors (the providers in
``providers/``); no domain app imports it.
"""
