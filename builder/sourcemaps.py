"""Source maps kept true for a file the build edits (PyScript's bundle): the positions after
each edit shifted, those inside it dropped (its new code has no source)."""

from __future__ import annotations

import bisect
import json
import os

BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def decode(mappings: str) -> list[list[list[int]]]:
    """The mappings of a source map (version 3) as absolute values: per generated line, its
    segments [column, source, line, column(, name)]."""
    lines, previous = [], [0, 0, 0, 0, 0]
    for text in mappings.split(";"):
        segments = []
        previous[0] = 0  # the generated column starts again on each line; the rest carry on
        for segment in filter(None, text.split(",")):
            fields, value, shift = [], 0, 0
            for char in segment:
                digit = BASE64.index(char)
                value += (digit & 31) << shift
                shift += 5
                if not digit & 32:
                    fields.append(-(value >> 1) if value & 1 else value >> 1)
                    value, shift = 0, 0
            for index, delta in enumerate(fields):
                previous[index] += delta
            segments.append(previous[:len(fields)])
        lines.append(segments)
    return lines


def encode(lines: list[list[list[int]]]) -> str:
    out, previous = [], [0, 0, 0, 0, 0]
    for segments in lines:
        previous[0] = 0
        texts = []
        for segment in segments:
            text = ""
            for index, value in enumerate(segment):
                delta, previous[index] = value - previous[index], value
                number = (-delta << 1) | 1 if delta < 0 else delta << 1
                while True:
                    digit, number = number & 31, number >> 5
                    text += BASE64[digit | (32 if number else 0)]
                    if not number:
                        break
            texts.append(text)
        out.append(",".join(texts))
    return ";".join(out)


def line_starts(text: str) -> list[int]:
    return [0, *(index + 1 for index, char in enumerate(text) if char == "\n")]


def shifted(source_map: str, before: str, after: str) -> str:
    """`source_map` of `before`, made the map of `after`: `before` with one span replaced
    (what a pattern-matched edit does), found as what their common start and end leave."""
    start = len(os.path.commonprefix([before, after]))
    common_end = len(os.path.commonprefix([before[start:][::-1], after[start:][::-1]]))
    end, delta = len(before) - common_end, len(after) - len(before)
    old_lines, new_lines = line_starts(before), line_starts(after)
    parsed = json.loads(source_map)
    moved: list[list[list[int]]] = [[] for _ in new_lines]
    for line, segments in enumerate(decode(parsed["mappings"])):
        for segment in segments:
            offset = old_lines[line] + segment[0]
            if start < offset < end:
                continue
            if offset >= end:
                offset += delta
            new_line = bisect.bisect_right(new_lines, offset) - 1
            moved[new_line].append([offset - new_lines[new_line], *segment[1:]])
    while moved and not moved[-1]:  # lines after the last mapped one need no `;`
        moved.pop()
    parsed["mappings"] = encode([sorted(segments) for segments in moved])
    return json.dumps(parsed, separators=(",", ":"))
