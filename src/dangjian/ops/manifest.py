"""``MANIFEST.sha256`` over every file of a backup, in ``sha256sum`` format.

``sha256sum -c MANIFEST.sha256`` checks a backup without this program; ``problems`` checks it
here too, and also refuses files that the manifest does not list or paths that leave the folder.
"""

import hashlib
from pathlib import Path, PurePosixPath

MANIFEST = "MANIFEST.sha256"
CHUNK = 1024 * 1024


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _files(root: Path) -> list[str]:
    return sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*")
        if path.is_file() and path.relative_to(root).as_posix() != MANIFEST
    )


def write_manifest(root: Path) -> Path:
    lines = [f"{sha256_file(root / name)}  {name}\n" for name in _files(root)]
    target = root / MANIFEST
    target.write_text("".join(lines), encoding="utf-8")
    return target


def read_manifest(root: Path) -> dict[str, str]:
    """Path → digest; raises ValueError (Chinese) on a malformed line or an unsafe path."""
    entries: dict[str, str] = {}
    text = (root / MANIFEST).read_text(encoding="utf-8")
    for number, line in enumerate(text.splitlines(), start=1):
        digest, sep, name = line.partition(" ")
        name = name[1:] if name[:1] in (" ", "*") else name  # text or binary mode marker
        parts = PurePosixPath(name).parts
        if not sep or len(digest) != 64 or not name or name.startswith("/") or ".." in parts:
            raise ValueError(f"清单第 {number} 行格式错误或路径不安全：{line[:120]}")
        entries[name] = digest.lower()
    return entries


def problems(root: Path, *, limit: int = 5) -> list[str]:
    """What is wrong with the backup at ``root``, at most ``limit`` items; empty when sound."""
    if not (root / MANIFEST).is_file():
        return [f"缺少清单文件 {MANIFEST}"]
    try:
        listed = read_manifest(root)
    except (ValueError, UnicodeDecodeError) as exc:
        return [str(exc)]
    present = set(_files(root))
    found = [f"清单之外的文件：{name}" for name in sorted(present - listed.keys())]
    found += [f"清单列出但缺失的文件：{name}" for name in sorted(listed.keys() - present)]
    for name in sorted(listed.keys() & present):
        if len(found) >= limit:
            break
        if sha256_file(root / name) != listed[name]:
            found.append(f"SHA-256 不符：{name}")
    return found[:limit]
