"""Pages of task supervision: the desk, the plan and its review, the import, the files."""
