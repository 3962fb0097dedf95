"""Probe sentences on the shipped lexicon: word order, typography and literal uses (tests/cases/probes.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

PROBES = yaml.safe_load((Path(__file__).parent / "cases" / "probes.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("probe", PROBES, ids=[p["name"] for p in PROBES])
def test_probe(probe: dict, scanner) -> None:
    text = probe["text"]
    result = scanner.scan_text(text, lang=probe["lang"])
    found = [h.id for h in result.hits]
    for hit in result.hits:
        assert text[hit.start:hit.end] == hit.text
    for ident in probe.get("match", []):
        assert ident in found, f"{ident} not in {found}"
    for ident in probe.get("no_match", []):
        assert ident not in found, [(h.id, h.text) for h in result.hits]
    if probe.get("plain"):
        assert found == [], [(h.id, h.text) for h in result.hits]
