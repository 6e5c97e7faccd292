"""The framework package (issue 11): pieces every app builds on instead of its own copy."""
