"""Problems of a run: collapsed on the terminal, every one in problems.csv."""

from __future__ import annotations

import csv

import pytest

from kclmap.problems import ProblemLog


@pytest.mark.parametrize(
    ("problems", "expected"),
    [
        # one occurrence: the line as it was
        ([("warning", "a.txt", "no date")], ["warning a.txt: no date"]),
        # the same warning in three files: one line with the count and an example
        (
            [("warning", f"{n}.txt", "no date") for n in "abc"],
            ["warning x3: no date (e.g. a.txt)"],
        ),
        # messages naming their own file group once the name is taken out
        (
            [("skipped", f"{n}.txt", f"'{n}.txt' is empty") for n in "ab"],
            ["skipped x2: the file is empty (e.g. a.txt)"],
        ),
        # unresolved names: one line, most frequent first
        (
            [
                ("unresolved", "a.txt", "Tal Qasab"),
                ("unresolved", "b.txt", "Mala Qara"),
                ("unresolved", "c.txt", "Mala Qara"),
            ],
            [
                "place names not found (their events placed by another place in the sentence, or left without coordinates): Mala Qara, Tal Qasab"
            ],
        ),
    ],
)
def test_summary_collapses_repeats(problems, expected):
    log = ProblemLog()
    for kind, source, message in problems:
        log.add(kind, source, message)
    assert log.summary_lines() == expected


def test_summary_points_to_the_csv_which_lists_every_problem(tmp_path):
    log = ProblemLog()
    log.extend("warning", [(f"{n}.txt", "no date") for n in "ab"])
    path = log.write_csv(tmp_path / "problems.csv")
    assert log.summary_lines(csv_path=path) == [
        f"warning x2: no date (e.g. a.txt) (all listed in {path})"
    ]
    with path.open(encoding="utf-8") as fh:
        assert list(csv.DictReader(fh)) == [
            {"kind": "warning", "source": "a.txt", "message": "no date"},
            {"kind": "warning", "source": "b.txt", "message": "no date"},
        ]


@pytest.mark.parametrize(
    "message",
    [
        "duplicate of {other}: skipped",
        "retells an event of {other} already written: left out",
    ],
)
def test_problems_naming_other_files_collapse_into_one_line(message):
    from kclmap.problems import ProblemLog

    log = ProblemLog()
    for i in range(50):
        log.add("warning", f"in/{i:03}.txt", message.format(other=f"in/sub/{i + 100}.txt"))
    (line,) = log.summary_lines()
    assert line.startswith("warning x50: ")
    assert "another file" in line
