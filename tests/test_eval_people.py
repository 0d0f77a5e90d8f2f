"""The people evaluation on the built-in sample: every question about directors, casts and
filmographies of the sample's credited films is answered right (``benchmarks/eval_people.py``)."""

from __future__ import annotations

import json

import pytest

from benchmarks import eval_people


def test_every_question_about_people_of_the_sample_is_answered_right(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = eval_people.main(["--json", "--limit", "40"])
    result = json.loads(capsys.readouterr().out)
    failures = [(f["text"], f["verdict"], f["note"], f["got"]) for f in result["failures"]]
    for kind, row in result["kinds"].items():
        assert row["asked"] > 0, kind
        assert row["right"] == row["asked"], (kind, failures)
    assert result["total"]["wrong subject"] == 0
    assert status == 0
