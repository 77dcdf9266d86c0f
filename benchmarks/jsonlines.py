"""Reading the harness's JSON-lines files (servers.jsonl, targets.jsonl, c.jsonl). Standard library only."""

import json
import os


def objects(path):
    """{yields} every line of {path} that is a JSON object, skipping anything else (progress text, a line
    cut short by an interrupted run); nothing when the path is empty or missing."""
    if not path or not os.path.exists(path):
        return
    with open(path, errors="replace") as f:
        for line in f:
            line = line.strip()
            if not line.startswith("{"):
                continue
            try:
                o = json.loads(line)
            except ValueError:
                continue
            if isinstance(o, dict):
                yield o


def by_case(path, meta):
    """{returns} (the last line whose "meta" is {meta}, or {}; {case: [objects]} of the lines with a
    "case", in file order) — how the reports split a harness's file."""
    head, cases = {}, {}
    for o in objects(path):
        if o.get("meta") == meta:
            head = o
        elif "case" in o:
            cases.setdefault(o["case"], []).append(o)
    return head, cases
