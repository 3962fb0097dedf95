"""Cut a plain-text file at blank lines into byte ranges that the workers read and match on their own.

A range starts and ends at a blank line, so each one decodes and splits into paragraphs alone,
and the paragraphs of all ranges are those of the whole file.
"""

from __future__ import annotations

from pathlib import Path

RANGE_BYTES = 1024 * 1024    # bytes per task when the workers read a plain-text file themselves
READ_BYTES = 1024 * 1024     # how much of a file `split_points` reads at a time


def split_points(path: Path, size: int, step: int | None = None) -> list[int] | None:
    """Byte offsets that cut a plain-text file at blank lines into ranges of about `step` bytes.

    None when the file is not safe to cut (it has `bingo:` directives, whose state would have to
    cross ranges, or it shrank while it was read). The file is read in pieces, not mapped: a
    mapped file that someone truncates kills the process with SIGBUS.
    """
    step = step or RANGE_BYTES
    points = [0]
    target = step  # the next cut is the first blank line from here on
    window = b""
    read = 0
    with open(path, "rb") as handle:
        while read < size:
            block = handle.read(min(READ_BYTES, size - read))
            if not block:
                return None
            # the last bytes of the previous piece: a directive or a blank line across two pieces is found
            window = window[-5:] + block
            base = read + len(block) - len(window)  # the file offset of window[0]
            read += len(block)
            if window.find(b"bingo:") != -1:
                return None
            while target < size:
                cut = _first_cut(window, max(target - base, 0))
                if cut is None:
                    break
                if cut + base >= size:
                    target = size
                    break
                points.append(cut + base)
                target = cut + base + step
    points.append(size)
    return points


def _first_cut(data: bytes, start: int) -> int | None:
    """The end of the first blank line (LF or CRLF) in `data` from `start` on, or None."""
    cut = data.find(b"\n\n", start)
    # only up to that cut: an unbounded search scans the whole rest of an LF-only file
    cut_crlf = data.find(b"\r\n\r\n", start, len(data) if cut == -1 else cut + 4)
    if cut_crlf != -1 and (cut == -1 or cut_crlf < cut):
        return cut_crlf + 4
    return None if cut == -1 else cut + 2
