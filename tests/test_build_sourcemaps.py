"""builder/sourcemaps.py: the map of PyScript's bundle follows the build's edits of it."""

import json

from builder.sourcemaps import decode, encode, shifted


def test_mappings_decode_to_absolute_positions_and_encode_back():
    mappings = "AAAA,IAAIA,OAAO;;GACA,kBAAkB,CAAC"
    assert encode(decode(mappings)) == mappings
    assert decode("AAAA,CAAC;EACE")[0] == [[0, 0, 0, 0], [1, 0, 0, 1]]
    assert decode("AAAA,CAAC;EACE")[1] == [[2, 0, 1, 3]]  # the column starts again; the rest carry on


def test_an_edit_shifts_what_follows_it_and_drops_what_it_replaced():
    before = "a=1;f=(x)=>{body};\nb=2;c=3"
    after = "a=1;f=()=>{};\nb=2;c=3"
    code = {"a": 0, "f": 4, "body": 12, "c": before.index("c=3") - before.index("b=2")}
    source_map = json.dumps({"version": 3, "sources": ["s.js"], "names": [], "mappings": encode([
        [[code["a"], 0, 0, 0], [code["f"], 0, 0, 4], [code["body"], 0, 1, 2]],
        [[0, 0, 2, 0], [code["c"], 0, 3, 0]],
    ])})
    lines = decode(json.loads(shifted(source_map, before, after))["mappings"])
    assert lines == [[[0, 0, 0, 0], [4, 0, 0, 4]], [[0, 0, 2, 0], [code["c"], 0, 3, 0]]]
    assert after.splitlines()[1][lines[1][1][0]:] == "c=3"
