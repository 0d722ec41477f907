"""A progress bar on stderr for long runs (rich), silent when stderr is not a terminal."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["progress_bar"]


@contextmanager
def progress_bar(label: str, *, min_items: int = 20) -> Iterator[Callable[[int, int, str], None]]:
    """Yield ``update(done, total, item)``; draws a bar only on a TTY and for long runs."""
    if not sys.stderr.isatty():
        yield lambda done, total, item: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    with Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        transient=True,
        console=None,
    ) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int, item: str) -> None:
            if total >= min_items:
                bar.update(task, completed=done, total=total)

        yield update
