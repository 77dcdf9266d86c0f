#!/usr/bin/env python3
"""The hot-path targets, measured in paired rounds: ffsock's cost against its reference, each pair
measured moments apart, many times over.

Standard library only. Usage (benchmarks/run does this in careful mode, and alone with --targets):
  targets.py --java JAVA --cp CLASSPATH --ffbench FFBENCH --out targets.jsonl [--rounds N]
             [--jmh "-wi 3 -w 1s -i 4 -r 1s"] [--ffbench-args "--quick"]

Why rounds: on a shared VM this machine's speed is not one number. Within one JMH fork the cost of
the same benchmark jumps by 20-50% for seconds to minutes at a time (a busy-poll fork at 15 µs/op,
the next at 7.7 µs/op), so a ratio of two figures measured minutes apart — all forks of one
contender, then all forks of the other — compares moments as much as code. Here every round runs
one fork per benchmark, the two sides of a ratio next to each other (in name order; in odd rounds
in reverse order, so neither side always goes first), and the C floors (ffbench) right after it
(before it in odd rounds); each target's figure is the median of its per-round ratios, with every
round's ratio kept.

Output: JSON lines — a meta line, one line per round and target (ratio, both costs, ffsock's B/op),
and a summary line per target (median, goal, met). Exit status 0 (a missed target is a finding, not
a failure); 1 when a JMH or ffbench run fails.
"""

import argparse
import json
import jsonlines
import os
import subprocess
import sys
import tempfile
import time

# (target, ffsock benchmark, reference: ("jmh", benchmark) or ("c", ffbench case, size), goal: ratio <= goal)
TARGETS = [
    ("busypoll.unix / NIO", "BusyPollUnix.ffsock", ("jmh", "BusyPollUnix.nio"), 1.00),
    ("busypoll.tcp / NIO", "BusyPollTcp.ffsock", ("jmh", "BusyPollTcp.nio"), 1.00),
    ("busypoll.udp / NIO", "BusyPollUdp.ffsock", ("jmh", "BusyPollUdp.nio"), 1.00),
    ("roundtrip.unix / C", "RoundTripUnix.ffsock", ("c", "kernel.unix_stream", 64), 1.10),
    ("roundtrip.tcp / C", "RoundTripTcp.ffsock", ("c", "kernel.tcp", 64), 1.10),
    ("roundtrip.udp / C", "RoundTripUdp.ffsock", ("c", "kernel.udp", 64), 1.10),
    ("getsockopt / bare FFM", "GetsockoptCost.ffsock", ("jmh", "GetsockoptCost.bare_ffm"), 1.05),
]
ZERO_ALLOC = 0.5  # B/op read as "nothing per operation" (JMH's own background allocation included)
DEFAULT_JMH = "-wi 3 -w 1s -i 4 -r 1s"
DEFAULT_ROUNDS = 7
PKG = "dev.ffsock.bench."


def log(msg):
    print("targets: " + msg, file=sys.stderr, flush=True)


def benchmarks():
    names = set()
    for _, mine, ref, _ in TARGETS:
        names.add(mine)
        if ref[0] == "jmh":
            names.add(ref[1])
    return sorted(names)


def c_cases():
    return sorted({(ref[1], ref[2]) for _, _, ref, _ in TARGETS if ref[0] == "c"})


def run_jmh(a, tmp, rnd):
    """One fork of every benchmark the targets need, in name order (a ratio's two sides adjacent); in
    odd rounds in reverse order, one JMH invocation per benchmark, since JMH runs the benchmarks of one
    invocation in name order. {returns} {benchmark: (ns/op, B/op)}."""
    names = benchmarks()
    if rnd % 2 == 0:
        return jmh_once(a, names, os.path.join(tmp, f"jmh-{rnd}.json"))
    got = {}
    for i, name in enumerate(reversed(names)):
        got.update(jmh_once(a, [name], os.path.join(tmp, f"jmh-{rnd}-{i}.json")))
    return got


def jmh_once(a, names, out_json):
    """One JMH invocation, one fork of each of {names}; {returns} {benchmark: (ns/op, B/op)}."""
    regex = "^" + PKG.replace(".", r"\.") + "(" + "|".join(b.replace(".", r"\.") for b in names) + ")$"
    cmd = [a.java, "--enable-native-access=ALL-UNNAMED", "-cp", a.cp, "org.openjdk.jmh.Main",
           "-jvm", a.java, "-jvmArgsAppend", "--enable-native-access=ALL-UNNAMED",
           "-f", "1", "-tu", "ns", "-bm", "avgt", "-prof", "gc", "-to", "120s"] + a.jmh.split() + [
           "-rf", "json", "-rff", out_json, regex]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError("JMH failed: " + (r.stdout + r.stderr).strip()[-400:])
    got = {}
    with open(out_json) as f:
        for e in json.load(f):
            name = e["benchmark"][len(PKG):] if e["benchmark"].startswith(PKG) else e["benchmark"]
            alloc = (e.get("secondaryMetrics") or {}).get("gc.alloc.rate.norm")
            got[name] = (e["primaryMetric"]["score"], alloc["score"] if alloc else None)
    missing = [n for n in names if n not in got]
    if missing:
        raise RuntimeError(f"JMH gave no result for {missing}")
    return got


def run_c(a):
    """The C floors; {returns} {(case, size): median ns/op}."""
    cases = c_cases()
    sizes = sorted({s for _, s in cases})
    cmd = [a.ffbench] + a.ffbench_args.split() + ["--sizes", ",".join(str(s) for s in sizes)] + sorted(
        {c for c, _ in cases})
    r = subprocess.run(cmd, capture_output=True, text=True)
    got = {}
    for line in r.stdout.splitlines():
        try:
            o = json.loads(line)
        except ValueError:
            continue
        if isinstance(o, dict) and o.get("unit") == "ns/op" and o.get("median") is not None:
            got[(o.get("case"), o.get("size"))] = o["median"]
    missing = [c for c in cases if c not in got]
    if missing:
        raise RuntimeError(f"ffbench gave no figure for {missing}: {r.stderr.strip()[-400:]}")
    return got


def median(xs):
    """The median; of an even count, the upper middle one (the costlier: never flatters ffsock)."""
    s = sorted(xs)
    return s[len(s) // 2]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--java", required=True)
    ap.add_argument("--cp", required=True, help="class path of the benchmarks (JMH and ffsock)")
    ap.add_argument("--ffbench", required=True, help="native/bench's ffbench binary")
    ap.add_argument("--out", required=True)
    ap.add_argument("--rounds", type=int, default=DEFAULT_ROUNDS)
    ap.add_argument("--jmh", default=DEFAULT_JMH, help="JMH warm-up and measurement options of each round's fork")
    ap.add_argument("--ffbench-args", default="", help="ffbench timing options (--quick, --time S, ...)")
    a = ap.parse_args()
    t0 = time.monotonic()
    ratios = {t[0]: [] for t in TARGETS}
    allocs = {t[0]: [] for t in TARGETS}
    with open(a.out, "a") as out, tempfile.TemporaryDirectory(prefix="ffsock-targets-") as tmp:
        def emit(o):
            out.write(json.dumps(o) + "\n")
            out.flush()

        emit({"meta": "targets", "rounds": a.rounds, "jmh": f"-f 1 -prof gc {a.jmh}", "ffbench": a.ffbench_args, "loadavg": list(os.getloadavg()),
              "targets": [{"target": t, "ffsock": m, "reference": list(r), "goal": g} for t, m, r, g in TARGETS]})
        for rnd in range(a.rounds):
            try:
                if rnd % 2 == 0:
                    jmh = run_jmh(a, tmp, rnd)
                    c = run_c(a)
                else:
                    c = run_c(a)
                    jmh = run_jmh(a, tmp, rnd)
            except RuntimeError as e:
                log(f"round {rnd + 1}: {e}")
                emit({"case": "targets.error", "round": rnd, "error": str(e)})
                return 1
            for target, mine, ref, goal in TARGETS:
                cost, alloc = jmh[mine]
                ref_cost = jmh[ref[1]][0] if ref[0] == "jmh" else c[(ref[1], ref[2])]
                r = cost / ref_cost
                ratios[target].append(r)
                if alloc is not None:
                    allocs[target].append(alloc)
                emit({"case": "targets.round", "round": rnd, "target": target, "ratio": round(r, 4),
                      "ffsock_ns": round(cost, 1), "reference_ns": round(ref_cost, 1),
                      "ffsock_b_per_op": None if alloc is None else round(alloc, 3)})
                log(f"round {rnd + 1}: {target} = {r:.3f} ({cost:,.0f} / {ref_cost:,.0f} ns)"
                    + ("" if alloc is None else f", ffsock {alloc:.2f} B/op"))
        for target, _, _, goal in TARGETS:
            m = median(ratios[target])
            emit({"case": "targets.summary", "target": target, "goal": goal, "median": round(m, 4), "met": m <= goal,
                  "ratios": [round(x, 4) for x in ratios[target]],
                  "max_b_per_op": round(max(allocs[target]), 3) if allocs[target] else None})
            log(f"{target}: median {m:.3f} (goal <= {goal:.2f}): {'met' if m <= goal else 'MISSED'}")
        emit({"meta": "targets-end", "elapsed_s": round(time.monotonic() - t0, 1), "loadavg": list(os.getloadavg())})
    return 0


def section(path):
    """The report's lines for targets.jsonl (empty without data)."""
    meta, cases = jsonlines.by_case(path, "targets")
    summary = cases.get("targets.summary", [])
    rounds = {}
    for o in cases.get("targets.round", []):
        rounds.setdefault(o["target"], []).append(o)
    if not summary:
        return []
    L = ["", "## Hot-path targets, in paired rounds (targets.py)", "",
         f"{meta.get('rounds', '?')} round(s); each round runs every benchmark once (`{meta.get('jmh', '?')}`), a "
         "ratio's two sides next to each other (in reverse order in odd rounds), and the C floors (ffbench, "
         "before JMH in odd rounds). A target's figure is the median of its per-round cost ratios (of an even count, the costlier "
         "middle one): the machine's speed jumps by 20-50% for seconds to minutes at a time, so only figures "
         "measured moments apart are compared. *B/op*: ffsock's largest `gc.alloc.rate.norm` in any round.", "",
         "| target | goal | median ratio | rounds | ffsock ns/op (median) | B/op | result |",
         "|---|---|---|---|---|---|---|"]
    missed = []
    for o in summary:
        rs = rounds.get(o["target"], [])
        ns = median([x["ffsock_ns"] for x in rs]) if rs else None
        ok = o.get("met")
        alloc = o.get("max_b_per_op")
        if not ok:
            missed.append(o["target"])
        L.append(f"| {o['target']} | ≤ {o['goal']:.2f}× | {o['median']:.3f}× | "
                 + " / ".join(f"{x:.2f}" for x in o.get("ratios", [])) + " | "
                 + (f"{ns:,.0f}" if ns is not None else "n/a") + " | "
                 + ("n/a" if alloc is None else f"{alloc:.2f}" + ("" if alloc <= ZERO_ALLOC else " ✗")) + " | "
                 + ("met" if ok else "**missed**") + " |")
    L.append("")
    L.append("Every target met in this run." if not missed else "**Missed in this run**: " + ", ".join(missed) + ".")
    return L


if __name__ == "__main__":
    sys.exit(main())
