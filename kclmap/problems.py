"""Problems of a run, collapsed for the terminal and listed in full in ``problems.csv``.

A warning that 400 articles share ("no publication date found") is one stderr line with its
count and an example; every occurrence goes to the CSV (``kind,source,message``), which any
command can write beside its outputs.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["NOT_FOUND_LINE", "PROBLEMS_FILE", "Problem", "ProblemLog"]

PROBLEMS_FILE = "problems.csv"
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
# an article file named in a message: a path ending in an article's extension
_OTHER_FILE = re.compile(r"'?[^\s':]*\.(?:txt|md|html?)\b'?", re.I)

NOT_FOUND_LINE = (
    "place names not found (their events placed by another place in the sentence, "
    "or left without coordinates): "
)


def _safe_cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA) else text


@dataclass(frozen=True, slots=True)
class Problem:
    """One problem: ``kind`` (skipped, warning, unresolved), the file it concerns, the message."""

    kind: str
    source: str
    message: str

    @property
    def pattern(self) -> str:
        """The message with file names taken out, so equal problems group together.

        Its own file becomes "the file", any other article file named in it "another file"
        ("duplicate of another file: skipped", "retells an event of another file ...").
        """
        own = self.message.replace(repr(self.source), "the file").replace(self.source, "the file")
        return _OTHER_FILE.sub("another file", own)


@dataclass
class ProblemLog:
    """Problems gathered over a run (skipped files, warnings, unresolved place names)."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, kind: str, source: str, message: str) -> None:
        """Record one problem."""
        self.problems.append(Problem(kind, source, message))

    def extend(self, kind: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Record ``(source, message)`` pairs of one kind."""
        self.problems.extend(Problem(kind, s, m) for s, m in pairs)

    def __len__(self) -> int:
        return len(self.problems)

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.problems)

    def summary_lines(self, *, csv_path: Path | None = None) -> list[str]:
        """One line per distinct problem, in first-seen order; repeats collapsed with a count.

        Unresolved place names are one line listing the names (most frequent first).
        """
        where = f" (all listed in {csv_path})" if csv_path is not None else ""
        groups: dict[tuple[str, str], list[Problem]] = {}
        names: Counter[str] = Counter()
        for problem in self.problems:
            if problem.kind == "unresolved":
                names[problem.message] += 1
                continue
            groups.setdefault((problem.kind, problem.pattern), []).append(problem)
        lines = []
        for (kind, pattern), items in groups.items():
            if len(items) == 1:
                lines.append(f"{kind} {items[0].source}: {items[0].message}")
            else:
                lines.append(f"{kind} x{len(items)}: {pattern} (e.g. {items[0].source}){where}")
        if names:
            shown = ", ".join(n for n, _ in names.most_common(30))
            more = f" and {len(names) - 30} more{where}" if len(names) > 30 else ""
            lines.append(NOT_FOUND_LINE + f"{shown}{more}")
        return lines

    def csv_text(self) -> str:
        """Every problem as CSV text (``kind,source,message``, header first).

        Messages quote article text and file names: a cell that starts like a spreadsheet
        formula gets a leading ``'`` (CSV injection).
        """
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(["kind", "source", "message"])
        for p in self.problems:
            writer.writerow([_safe_cell(p.kind), _safe_cell(p.source), _safe_cell(p.message)])
        return buf.getvalue()

    def write_csv(self, path: Path) -> Path:
        """Write :meth:`csv_text` to ``path``, atomically."""
        from geo.gisio import atomic_path

        with atomic_path(path) as tmp:
            tmp.write_text(self.csv_text(), encoding="utf-8")
        return path
