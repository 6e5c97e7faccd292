"""Every write of the oversight loop: validated, audited, in one transaction."""
