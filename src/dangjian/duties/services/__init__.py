"""Every write of responsibility lists and fulfilment records: validated, audited, atomic."""
