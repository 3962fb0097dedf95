"""The matcher cache: a matcher is built once per language and then kept out of garbage collection."""

from __future__ import annotations

import gc

import pytest

from bingo.lexicon import load_lexicon
from bingo.pipelines import Matchers


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_built_matcher_is_frozen_out_of_later_collections(lang: str) -> None:
    gc.unfreeze()
    matchers = Matchers(load_lexicon())
    assert gc.get_freeze_count() == 0
    matcher = matchers.get(lang)
    frozen = gc.get_freeze_count()
    assert frozen > 100_000  # the compiled lexicon's objects: no full collection walks them again
    assert matchers.get(lang) is matcher and gc.get_freeze_count() == frozen  # built (and frozen) once
