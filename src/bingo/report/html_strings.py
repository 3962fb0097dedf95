"""The HTML report's own words in German and English, one line per phrase, and the verdicts' shapes."""

from __future__ import annotations

# key: (German, English); a German file's section speaks German, an English file's English
TEXTS: dict[str, tuple[str, str]] = {
    "title": ("Bullshit-Index-Bericht", "Bullshit-Index report"),
    "overview": ("Übersicht", "Overview"),
    "file": ("Datei", "File"),
    "lang": ("Sprache", "Language"),
    "words": ("Wörter", "Words"),
    "score": ("Index", "Score"),
    "verdict": ("Urteil", "Verdict"),
    "hits": ("Treffer", "Hits"),
    "n_files": ("{n} Dateien", "{n} files"),
    "n_files_one": ("1 Datei", "1 file"),
    "n_words": ("{n} Wörter", "{n} words"),
    "n_words_one": ("1 Wort", "1 word"),
    "n_hits": ("{n} Treffer", "{n} hits"),
    "n_hits_one": ("1 Treffer", "1 hit"),
    "total": ("Gesamt", "Total"),
    "max": ("max.", "max"),
    "index": ("Bullshit-Index", "Bullshit-Index"),
    "of": ("von 100", "out of 100"),
    "categories": ("Treffer nach Kategorie", "Hits by category"),
    "category": ("Kategorie", "Category"),
    "share": ("Anteil", "Share"),
    "weight": ("Gewicht", "Weight"),
    "text": ("Der Text, Treffer markiert", "The text, hits marked"),
    "hint": ("Gelb markiert sind Phrasen; die kleine Zahl führt zur Anmerkung mit einer klareren Alternative.",
             "Stock phrases are marked yellow; the small number leads to a note with a plainer alternative."),
    "notes": ("Anmerkungen", "Notes"),
    "note": ("Anmerkung", "Note"),
    "instead": ("Besser:", "Instead:"),
    "line": ("Zeile", "Line"),
    "card": ("Bullshit-Bingo", "Buzzword bingo"),
    "free": ("FREI", "FREE"),
    "marked": ("getroffen", "hit"),
    "legend": ("✔ = kommt im Text vor", "✔ = found in the text"),
    "bingo": ("BINGO! Eine Reihe ist voll.", "BINGO! A line is complete."),
    "none": ("Keine Phrasen gefunden.", "No jargon found."),
    "error": ("Fehler", "Error"),
    "back": ("zurück zum Text", "back to the text"),
    "more": ("{n} weitere Treffer stehen in Absätzen, die dieser Bericht nicht zeigt.",
             "{n} more hits are in paragraphs this report does not show."),
    "made": ("Erstellt mit bingo {version}.", "Made with bingo {version}."),
    "sort": ("Zum Sortieren auf eine Spaltenüberschrift klicken.", "Click a column heading to sort."),
    "game": ("Spiel {game}", "Game {game}"),
    "winner": ("Gewinner: Karte {card}", "Winner: card {card}"),
    "tied": ("Gleichstand", "tie"),
    "tie": ("Gleichstand: Karten {cards}", "Tie: cards {cards}"),
    "no_bingo": ("Noch kein BINGO.", "No BINGO yet."),
    "no_bingo_card": ("Karte {card} hat kein BINGO.", "Card {card} has no BINGO."),
    "completed": ("Reihe vervollständigt durch", "Line completed by"),
    "at": ("Zeile {line}, Spalte {column}", "line {line}, column {column}"),
    "time": ("Zeit", "Time"),
    "speaker": ("Sprecher", "Speaker"),
    "heard": ("Gehörte Begriffe", "Terms heard"),
    "said": ("Gesagt", "Said"),
    "rank": ("Platz", "Place"),
    "card_n": ("Karte {card}", "Card {card}"),
    "check_title": ("Bingo-Auswertung", "Bingo result"),
}

UI: dict[str, dict[str, str]] = {
    lang: {key: pair[index] for key, pair in TEXTS.items()} for index, lang in enumerate(("de", "en"))
}
"""The UI strings per language: `UI[lang][key]`."""

VERDICT_ICONS = {"klartext": "✓", "werbeprosa": "!", "bullshit-bingo": "✗"}
"""A shape per verdict, so that the verdict never depends on its colour alone."""
