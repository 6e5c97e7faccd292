import getpass


def cli_user() -> str:
    """Who ran a command, for the audit log (commands have no logged-in user)."""
    return f"命令行:{getpass.getuser()}"[:150]
