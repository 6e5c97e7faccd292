"""Pages of member development, study and visits: one module each, sharing ``forms``."""
