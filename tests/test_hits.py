"""`Hits`, the compact sequence a file's hits are kept in: behaves like a tuple of `Hit`s."""

from __future__ import annotations

import pickle
import sys

import pytest

from bingo.hits import Hit, Hits
from bingo.models import FileResult

TEXT = ("Unsere Customer Journey ist ein Marathonlauf und kein Sprint.\n"
        "Jede Customer Journey braucht Touchpoints, jeder Touchpoint eine Customer Journey.\n")


@pytest.fixture(scope="module")
def found(scanner) -> FileResult:
    return scanner.scan_text(TEXT * 3, lang="de")


def test_behaves_like_the_tuple_of_its_hits(found: FileResult) -> None:
    hits = found.hits
    plain = tuple(hits)
    assert isinstance(hits, Hits) and len(hits) == len(plain) == 18
    assert hits == plain and plain == tuple(hits[:])
    assert hits[0] == plain[0] and hits[-1] == plain[-1] and hits[2:5] == plain[2:5]
    assert all((TEXT * 3)[h.start:h.end] == h.text for h in hits)
    with pytest.raises(IndexError):
        hits[len(plain)]
    assert hash(hits) == hash(Hits(plain))


def test_records_are_the_hits_to_dict(found: FileResult) -> None:
    assert found.hits.records() == [h.to_dict() for h in found.hits]
    assert found.hits.records(3, 7) == [h.to_dict() for h in found.hits[3:7]]


def test_entries_give_the_entry_side_without_hits(found: FileResult) -> None:
    expected = [(h.id, h.category, h.weight) for h in found.hits]
    assert [(k.id, k.category, k.weight) for k in found.hits.entries()] == expected


def test_pickles_and_compares_equal(found: FileResult) -> None:
    again = pickle.loads(pickle.dumps(found))
    assert again == found and again.hits == found.hits


def test_a_result_built_from_a_tuple_stores_hits() -> None:
    hit = Hit("kpi", "KPI", "KPI", "acronym", 1.0, "warning", 1, 1, 1, 4, 0, 3)
    result = FileResult(path="a", lang="en", words=1, score=0, verdict=None, hits=(hit,))
    assert isinstance(result.hits, Hits) and result.hits == (hit,) and result.to_dict()["hits"] == [hit.to_dict()]


def test_storage_is_compact(found: FileResult) -> None:
    """About 24 bytes a hit (a Hit object with its strings and ints took ~330)."""
    hits = Hits(Hit("kpi", "KPI", "KPI", "acronym", 1.0, "warning",
                    10_000 + i, 5, 10_000 + i, 8, 10**6 + i, 10**6 + i + 3)
                for i in range(10_000))
    size = sum(sys.getsizeof(part) for part in (hits._cols, hits._starts, hits._entries, hits._texts, hits._odd))
    assert size / len(hits) < 32
    assert not found.hits._odd  # a scanner's hits end where their text does: nothing kept aside


@pytest.mark.parametrize("hit", [
    Hit("kpi", "KPI", "KPI", "acronym", 1.0, "warning", 3, 7, 3, 10, 40, 43),
    Hit("cj", "Customer Journey", "Customer\r\nJourney", "buzzword", 2.0, "warning", 3, 7, 4, 8, 40, 57),
    Hit("cj", "Customer Journey", "Customer\nJourney", "buzzword", 2.0, "warning", 3, 7, 4, 8, 40, 56),
    Hit("cj", "Customer Journey", "Customer Journey", "buzzword", 2.0, "warning", 3, 7, 3, 99, 40, 41),  # odd
])
def test_ends_are_derived_or_kept(hit: Hit) -> None:
    hits = Hits([hit, hit])
    assert tuple(hits) == (hit, hit) and hits.records() == [hit.to_dict()] * 2
    assert pickle.loads(pickle.dumps(hits)) == (hit, hit)
    assert bool(hits._odd) == (hit.end_column == 99)
