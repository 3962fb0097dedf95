"""`bingo check --format html`: a game's result as one self-contained page (winner, when, who, the cards)."""

from __future__ import annotations

from html import escape

from bingo.cards.check import CardState, Round
from bingo.report.html import page
from bingo.report.html_parts import card_table, ui
from bingo.transcript import clock


def round_html(play: Round, card_number: int | None = None) -> str:
    """The page of a checked game: the winner (or the claimed card), each card shown, the terms heard."""
    game = play.game
    words = ui(game.lang)
    winners = play.winners()
    tied = play.tied() if len(play.tied()) > 1 else []
    if tied:
        outcome = words["tie"].format(cards=", ".join(str(c.index + 1) for c in tied))
    elif winners:
        outcome = words["winner"].format(card=winners[0].index + 1)
    else:
        outcome = words["no_bingo"] if card_number is None else words["no_bingo_card"].format(card=card_number)
    shown = play.cards if card_number is not None else winners
    places = {state.index: str(rank) for rank, state in enumerate(winners, 1)}
    places.update({state.index: f'1 ({words["tied"]})' for state in tied})
    sections = [card_section(play, state, places.get(state.index)) for state in shown]
    heard = sorted({hit.term for hit in play.heard})
    terms = "".join(f"<li>{escape(term)}</li>" for term in heard)
    sections.append(f'<section class="game" aria-labelledby="heard"><h2 id="heard">{escape(words["heard"])} '
                    f'({len(heard)})</h2>{f"<ul>{terms}</ul>" if terms else "<p>–</p>"}</section>')
    title = f'{words["check_title"]}: {game.title}'
    lead = f'{escape(words["game"].format(game=game.id))} · <strong>{escape(outcome)}</strong>'
    body = (f'<header class="report"><h1>{escape(title)}</h1><p class="lead">{lead}</p></header>\n'
            f'<main>\n{chr(10).join(sections)}\n</main>')
    return page(title, game.lang, body)


def card_section(play: Round, state: CardState, place: str | None) -> str:
    """One card: its place, the hit that completed its line (term, time, speaker, what was said), its grid."""
    game = play.game
    words = ui(game.lang)
    ident = f"card-{state.index + 1}"
    facts = []
    if place is not None:
        facts.append((words["rank"], place))
    hit, cue = state.won_at, play.cue(state)
    if hit is not None:
        where = words["at"].format(line=hit.line, column=hit.column)
        facts.append((words["completed"], f"{hit.term} („{hit.text}“, {where})" if game.lang == "de"
                      else f"{hit.term} (“{hit.text}”, {where})"))
    if cue is not None:
        facts.append((words["time"], clock(cue.begins)))
        if cue.speaker:
            facts.append((words["speaker"], cue.speaker))
    listing = "".join(f"<dt>{escape(name)}</dt><dd>{escape(value)}</dd>" for name, value in facts)
    said = f'<blockquote><p>{escape(cue.said)}</p></blockquote>' if cue is not None and cue.said else ""
    labels = [game.free_label if cell is None else game.terms.get(cell, cell) for cell in state.cells]
    caption = f"{game.title} · {game.label(state.index)}"
    grid = card_table(labels, state.cells, state.marked, caption, game.lang)
    bingo = f'<p class="bingo">{escape(words["bingo"])}</p>' if hit is not None else ""
    details = f'<dl class="facts">{listing}</dl>' if listing else ""
    return (f'<section class="game" aria-labelledby="{ident}"><h2 id="{ident}">'
            f'{escape(words["card_n"].format(card=state.index + 1))}</h2>{bingo}{details}{said}{grid}</section>')
