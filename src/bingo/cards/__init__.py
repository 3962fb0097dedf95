"""Buzzword-bingo cards: deal them, print them, and let a transcript decide who won."""
