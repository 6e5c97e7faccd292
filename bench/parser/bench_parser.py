"""Outline parser benchmark: item-level precision/recall/F1 and field accuracy per document.

Usage: .venv/bin/python bench/parser/bench_parser.py [--show]

Reads every ``*.txt`` with a ``.labels.json`` beside it, in three splits reported apart: dev
(``bench/parser/corpus/``, used to tune the rules), blind (``bench/parser/blind/`` when it
exists: written and labelled by people who never saw the parser, scored, never tuned on) and
the seeds (``../shared/seeds`` from the repository root; each split is skipped with a note when
absent). An item matches when path and title are equal; owners, deadline, targets and text are
then compared on the matched pairs. Each split also counts refusals of documents whose labels
hold at least two items (directives) and items whose path repeats within one answer. Not a
test: the figures go into the issue's closing note. ``--show`` prints every mismatch.
"""

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "src"))

from dangjian.tasks.outline import OutlineError, parse_outline  # noqa: E402

CORPUS = Path(__file__).resolve().parent / "corpus"
BLIND = Path(__file__).resolve().parent / "blind"
SEEDS = ROOT.parent / "shared" / "seeds"
FIELDS = ("owners", "deadline", "targets", "text")


@dataclass
class Score:
    expected: int = 0
    found: int = 0
    matched: int = 0
    field_hits: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    mismatches: list[str] = field(default_factory=list)
    refused: int = 0  # documents labelled with two items or more that the parser refused
    duplicate_paths: int = 0  # items whose path an earlier item of the same answer has

    def add(self, other: "Score") -> None:
        self.expected += other.expected
        self.found += other.found
        self.matched += other.matched
        self.refused += other.refused
        self.duplicate_paths += other.duplicate_paths
        for name in FIELDS:
            self.field_hits[name] += other.field_hits[name]

    @property
    def precision(self) -> float:
        return self.matched / self.found if self.found else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.expected if self.expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, name: str) -> float:
        return self.field_hits[name] / self.matched if self.matched else 0.0


def key(item: dict[str, Any]) -> tuple[tuple[str, ...], str]:
    return (tuple(item["path"]), item["title"])


def score(expected: list[dict[str, Any]], found: list[dict[str, Any]]) -> Score:
    result = Score(expected=len(expected), found=len(found))
    by_key = {key(item): item for item in found}
    for wanted in expected:
        got = by_key.pop(key(wanted), None)
        if got is None:
            result.mismatches.append(f"  missed  {'/'.join(wanted['path'])} {wanted['title']}")
            continue
        result.matched += 1
        for name in FIELDS:
            if got[name] == wanted[name]:
                result.field_hits[name] += 1
            elif name != "text":
                where = "/".join(wanted["path"])
                result.mismatches.append(
                    f"  {name:<8}{where}: got {got[name]!r}, want {wanted[name]!r}"
                )
            else:
                result.mismatches.append(f"  text    {'/'.join(wanted['path'])} differs")
    for extra in by_key.values():
        result.mismatches.append(f"  extra   {'/'.join(extra['path'])} {extra['title']}")
    return result


def score_file(path: Path) -> Score:
    expected = json.loads(path.with_suffix(".labels.json").read_text(encoding="utf-8"))
    refused = 0
    try:
        found = [item.as_dict() for item in parse_outline(path.read_text(encoding="utf-8"))]
    except OutlineError as error:
        found = []
        refused = int(len(expected) >= 2)
        print(f"  {path.name}: {error}")
    result = score(expected, found)
    paths = [tuple(item["path"]) for item in found]
    result.refused = refused
    result.duplicate_paths = len(paths) - len(set(paths))
    return result


def documents(folder: Path) -> list[Path]:
    return sorted(p for p in folder.glob("*.txt") if p.with_suffix(".labels.json").exists())


def row(name: str, s: Score) -> str:
    fields = "  ".join(f"{s.accuracy(n):6.2f}" for n in FIELDS)
    return (f"{name:<36}{s.expected:>4}{s.found:>6}{s.matched:>6}"
            f"{s.precision:7.2f}{s.recall:7.2f}{s.f1:7.2f}   {fields}")


def report(title: str, paths: list[Path], show: bool) -> Score:
    total = Score()
    print(f"\n{title}")
    print(f"{'document':<36}{'want':>4}{'found':>6}{'match':>6}{'P':>7}{'R':>7}{'F1':>7}   "
          + "  ".join(f"{n:>6}" for n in FIELDS))
    for path in paths:
        result = score_file(path)
        total.add(result)
        print(row(path.stem, result))
        if show:
            print("\n".join(result.mismatches) or "  (no mismatch)")
    print(row("overall", total))
    print(f"{len(paths)} documents; refusals of documents with >= 2 directives: {total.refused}; "
          f"duplicate paths: {total.duplicate_paths}")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print every mismatch")
    args = parser.parse_args()
    print("Field columns: share of matched items whose field equals the label exactly.")
    for title, folder in (("Dev split: bench/parser/corpus (tuned on; see README)", CORPUS),
                          ("Blind split: bench/parser/blind (never tuned on)", BLIND),
                          ("Seeds: ../shared/seeds", SEEDS)):
        if folder.is_dir() and documents(folder):
            report(title, documents(folder), args.show)
        else:
            print(f"\n{title}: skipped, {folder.name}/ not found or empty.")


if __name__ == "__main__":
    main()
