"""``bot.memory``: what a long-running bot does to stay small after loading and after a chart."""

from __future__ import annotations

import gc
import weakref

from bot import memory


class _Node:
    other: _Node | None = None


def _cycle() -> tuple[_Node, weakref.ref[_Node]]:
    node = _Node()
    node.other = node
    return node, weakref.ref(node)


def test_settle_freezes_what_is_alive_and_release_frees_later_cycles() -> None:
    loaded, loaded_ref = _cycle()
    try:
        memory.settle()
        assert gc.get_freeze_count() > 0
        drawn, drawn_ref = _cycle()  # left behind by later work (a chart's figure, say)
        del loaded, drawn
        memory.release()
        assert drawn_ref() is None  # collected at once
        assert loaded_ref() is not None  # frozen: never scanned again
    finally:
        gc.unfreeze()
        gc.collect()
    assert loaded_ref() is None
