"""The stack the load and fault drills run against, all on loopback and all their own.

A PostgreSQL cluster of its own (initdb in a temporary folder, a free port) and a Redis of its
own, so that the fault drill can stop and start them without touching the machine's services;
gunicorn serving ``dangjian.wsgi`` on the production settings with throwaway secrets; for the
escalation drill, a Celery worker on that Redis. The drill process itself talks to the same
database through the test settings (the demo loader is refused in production) with the same
field key, so both sides read each other's encrypted columns.

Seeded: the demo county (persons at 0.2), plus ``CLERKS`` unit clerks of their own, each with a
password, a TOTP device (production asks every account for a second factor) and open
rectification measures of their own unit, written to ``seeds.json`` for the locust clients.
"""

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PG_BIN = Path(os.environ.get("DRILL_PG_BIN") or max(Path("/usr/lib/postgresql").glob("*/bin")))
DATABASE = "dangjian_drill"
CLERKS = 50
MEASURES_PER_CLERK = 20
WORKERS = 5  # gunicorn's 2 × cores + 1 on the 2-core machine


@dataclass
class Stack:
    folder: Path
    env: dict[str, str]
    port: int
    pg_folder: Path
    pg_port: int
    redis_port: int
    processes: dict[str, subprocess.Popen[bytes]] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def media(self) -> Path:
        return self.folder / "media"

    @property
    def seeds(self) -> Path:
        return self.folder / "seeds.json"

    def log(self, name: str) -> Path:
        return self.folder / f"{name}.log"


def one_time_code(key: str) -> str:
    """The current TOTP code of a device key (hex), six digits with its leading zeros."""
    from django_otp.oath import totp

    return f"{totp(bytes.fromhex(key)):06d}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def make_stack() -> Stack:
    """A fresh cluster, Redis and folder; the environment gunicorn and this process share."""
    folder = Path(tempfile.mkdtemp(prefix="dangjian-drill-"))
    pg_folder = Path(tempfile.mkdtemp(prefix="dangjian-drill-pg-"))
    pg_port, redis_port = free_port(), free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "dangjian.settings.production",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{pg_port}/{DATABASE}",
        "DANGJIAN_VAR_DIR": str(folder),
        "DANGJIAN_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DANGJIAN_SECRET_KEY": secrets.token_urlsafe(50),
        "DANGJIAN_FIELD_KEY": secrets.token_hex(16),
        "DANGJIAN_AUDIT_ARCHIVE_KEY": secrets.token_hex(32),
        "DANGJIAN_BROKER_URL": f"redis://127.0.0.1:{redis_port}/0",
        # the code of this checkout, whichever checkout the virtualenv was installed from
        "PYTHONPATH": str(REPO / "src"),
    }
    stack = Stack(folder=folder, env=env, port=free_port(), pg_folder=pg_folder,
                  pg_port=pg_port, redis_port=redis_port)
    _as_postgres(stack, [str(PG_BIN / "initdb"), "-D", str(pg_folder / "data"), "-U",
                         "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"])
    start_postgres(stack)
    _as_postgres(stack, [str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(pg_port),
                         "-U", "postgres", DATABASE])
    start_redis(stack)
    return stack


def _as_postgres(stack: Stack, command: list[str]) -> None:
    """PostgreSQL refuses to run as root: as root, run it as the ``postgres`` user."""
    if os.geteuid() == 0:
        shutil.chown(stack.pg_folder, "postgres", "postgres")
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)


def start_postgres(stack: Stack) -> None:
    options = f"-p {stack.pg_port} -k {stack.pg_folder} -c listen_addresses=127.0.0.1"
    _as_postgres(stack, [str(PG_BIN / "pg_ctl"), "-D", str(stack.pg_folder / "data"), "-w",
                         "-o", options, "-l", str(stack.pg_folder / "postgres.log"), "start"])


def stop_postgres(stack: Stack) -> None:
    _as_postgres(stack, [str(PG_BIN / "pg_ctl"), "-D", str(stack.pg_folder / "data"),
                         "-m", "fast", "-w", "stop"])


def postgres_ready(stack: Stack) -> bool:
    probe = [str(PG_BIN / "pg_isready"), "-q", "-h", "127.0.0.1", "-p", str(stack.pg_port)]
    return subprocess.run(probe).returncode == 0


def spawn(stack: Stack, name: str, command: list[str],
          env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """A process of the stack, in its folder, with its output in ``name``.log."""
    with stack.log(name).open("ab") as log:  # the child keeps its own copy of the handle
        return subprocess.Popen(command, env=env or stack.env, cwd=stack.folder,
                                stdout=log, stderr=log)


def start_redis(stack: Stack) -> None:
    command = ["redis-server", "--port", str(stack.redis_port), "--bind", "127.0.0.1",
               "--save", "", "--appendonly", "no", "--dir", str(stack.folder)]
    stack.processes["redis"] = spawn(stack, "redis", command)
    wait_until(lambda: redis_ready(stack), "Redis", 30)


def redis_ready(stack: Stack) -> bool:
    ping = subprocess.run(["redis-cli", "-h", "127.0.0.1", "-p", str(stack.redis_port), "ping"],
                          capture_output=True, text=True)
    return ping.stdout.strip() == "PONG"


def setup_django(stack: Stack) -> None:
    """This process on the drill database: test settings, the stack's keys and media folder."""
    for name in ("DATABASE_URL", "DANGJIAN_VAR_DIR", "DANGJIAN_FIELD_KEY",
                 "DANGJIAN_SECRET_KEY", "DANGJIAN_BROKER_URL"):
        os.environ[name] = stack.env[name]
    os.environ["DJANGO_SETTINGS_MODULE"] = "dangjian.settings.test"
    sys.path.insert(0, stack.env["PYTHONPATH"])
    import django
    from django.conf import settings

    django.setup()
    settings.MEDIA_ROOT = stack.media  # where gunicorn stores uploads; read by the checks


def seed(stack: Stack, clerks: int = CLERKS) -> dict[str, Any]:
    """Migrate, load the demo county, add the drill's clerks and their measures."""
    from django.contrib.auth.hashers import Argon2PasswordHasher
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from dangjian.access.models import RoleGrant, User
    from dangjian.access.roles import Role
    from dangjian.demo.generator import build_demo
    from dangjian.orgs.models import Organization
    from dangjian.oversight.models import Measure
    from dangjian.people.models import Person

    call_command("migrate", verbosity=0)
    build_demo(scale=1, persons_factor=0.2, password=secrets.token_urlsafe(12))
    today = timezone.localdate()
    password = f"Drill@{secrets.token_hex(6)}"
    argon2 = Argon2PasswordHasher()  # what production verifies (the test settings use MD5)
    hashed = argon2.encode(password, argon2.salt())
    units = list(Organization.objects.filter(kind="政府部门/单位").order_by("path"))
    accounts = []
    with transaction.atomic():
        for n in range(clerks):
            unit = units[n % len(units)]
            owner = Person.objects.filter(organization__path__startswith=unit.path).first()
            user = User.objects.create(username=f"drill_clerk_{n + 1:02d}", password=hashed,
                                       display_name=f"演练干事{n + 1}")
            RoleGrant.objects.create(user=user, role=Role.UNIT_CLERK, organization=unit)
            key = secrets.token_hex(20)
            TOTPDevice.objects.create(user=user, name="演练", key=key, confirmed=True)
            finding = new_finding(unit, f"演练问题 {n + 1}", today)
            measures = Measure.objects.bulk_create(
                Measure(finding=finding, description=f"演练整改措施 {n + 1}-{m + 1}",
                        owner=owner, criterion="完成", due_on=today.replace(year=today.year + 1))
                for m in range(MEASURES_PER_CLERK))
            accounts.append({"username": user.username, "password": password, "key": key,
                             "measures": [m.pk for m in measures]})
    data = {"accounts": accounts}
    stack.seeds.write_text(json.dumps(data), encoding="utf-8")
    return data


def new_finding(unit: Any, description: str, discovered_on: Any) -> Any:
    """A finding the inspector registered at ``unit``, with the first term of each list."""
    from dangjian.access.models import User
    from dangjian.oversight.models import Finding, Term

    terms = {k: Term.objects.filter(kind=k).order_by("pk")[0]
             for k in ("source", "category", "severity")}
    return Finding.objects.create(
        organization=unit, source=terms["source"], category=terms["category"],
        severity=terms["severity"], description=description, discovered_on=discovered_on,
        raised_by=User.objects.get(username="inspector"))


def start_gunicorn(stack: Stack, workers: int = WORKERS) -> None:
    command = [str(BIN / "gunicorn"), "dangjian.wsgi:application",
               "--bind", f"127.0.0.1:{stack.port}", "--workers", str(workers),
               "--timeout", "60", "--graceful-timeout", "5"]
    stack.processes["gunicorn"] = spawn(stack, "gunicorn", command)
    wait_until(lambda: http_status(f"{stack.url}/healthz") == 200, "gunicorn", 60)


def gunicorn_workers(stack: Stack) -> list[int]:
    """The worker processes of the stack's gunicorn (children of its master)."""
    master = stack.processes["gunicorn"].pid
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()] if children.exists() else []


def start_celery_worker(stack: Stack, queue: str) -> None:
    command = [str(BIN / "celery"), "-A", "dangjian.celery", "worker", "--queues", queue,
               "--concurrency", "1", "--loglevel", "INFO", "--without-gossip",
               "--without-mingle", "--without-heartbeat"]
    stack.processes["celery"] = spawn(stack, "celery", command)


def stop(stack: Stack, name: str) -> None:
    process = stack.processes.pop(name, None)
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def teardown(stack: Stack, keep: bool = False) -> None:
    for name in list(stack.processes):
        stop(stack, name)
    if postgres_ready(stack):
        stop_postgres(stack)
    if not keep:
        shutil.rmtree(stack.folder, ignore_errors=True)
        shutil.rmtree(stack.pg_folder, ignore_errors=True)


def http_status(url: str, timeout: float = 5) -> int:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return int(error.code)
    except OSError:
        return 0


def wait_until(ready: Any, what: str, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if ready():
            return
        time.sleep(0.5)
    raise SystemExit(f"{what} did not come up within {seconds:.0f} s")


def run_locust(stack: Stack, *, users: int, seconds: int, name: str,
               during: Any = None) -> dict[str, Any]:
    """Run the clerks for ``seconds``; ``during(stack)`` runs alongside (the fault), if given.

    Returns the locustfile's own record: every answer by status, latencies, accepted writes.
    """
    out = stack.folder / f"{name}.json"
    command = [str(BIN / "locust"), "-f", str(Path(__file__).with_name("locustfile.py")),
               "--headless", "--users", str(users), "--spawn-rate", str(min(users, 10)),
               "--run-time", f"{seconds}s", "--host", stack.url, "--only-summary",
               "--stop-timeout", "30", "--loglevel", "WARNING"]
    env = {**stack.env, "DRILL_SEEDS": str(stack.seeds), "DRILL_RESULT": str(out)}
    process = spawn(stack, name, command, env=env)
    if during is not None:
        during(stack)
    process.wait()
    if not out.exists():
        raise SystemExit(f"locust wrote no result; see {stack.log(name)}")
    return json.loads(out.read_text(encoding="utf-8"))  # type: ignore[no-any-return]
