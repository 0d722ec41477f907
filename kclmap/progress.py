"""Progress bars on stderr for long runs (rich): done/total, rate and ETA.

Silent with ``quiet=True`` and whenever stderr is not a terminal (a pipe, a log file, CI).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["progress_bar", "wants_progress"]


def wants_progress(*, quiet: bool = False) -> bool:
    """True when a bar should be drawn: not ``quiet`` and stderr is a terminal."""
    return not quiet and sys.stderr.isatty()


@contextmanager
def progress_bar(
    label: str, *, min_items: int = 20, quiet: bool = False, unit: str = "items"
) -> Iterator[Callable[[int, int, str], None]]:
    """Yield ``update(done, total, item)``; draws a bar only on a TTY and for long runs.

    The bar shows the count, the rate (``unit``/s), the elapsed time and the time remaining.
    """
    if not wants_progress(quiet=quiet):
        yield lambda done, total, item: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]}"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
        transient=True,
        console=Console(stderr=True),
        redirect_stdout=False,
        redirect_stderr=False,
    ) as bar:
        task = bar.add_task(label, total=None, rate="")

        def update(done: int, total: int, item: str) -> None:
            if total >= min_items:
                speed = bar.tasks[0].speed
                rate = f"{speed:,.0f} {unit}/s" if speed else ""
                bar.update(task, completed=done, total=total, rate=rate)

        yield update
