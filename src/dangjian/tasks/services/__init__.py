"""Every write of task supervision: validated, audited, in one transaction."""
