#!/usr/bin/env python3
"""Case startup.first_socket: a fresh JVM per sample, time to its first socket open + bind + close.

Standard library only. benchmarks/run calls it after the JMH run on the host:
  startup.py --java JDK/bin/java --cp CLASSPATH --samples N --out startup.json

Contenders (classes in src/main/java/dev/ffsock/bench): ffsock (StartupFfsock), nio (StartupNio),
bare_ffm (StartupFfm: socket/bind/close linked by hand with captureCallState("errno")). Each JVM
runs `java --enable-native-access=ALL-UNNAMED -cp CLASSPATH CLASS` and prints one line
`startup <main ns> <epoch ns> <open ns> <bind ns> <close ns>`. Per sample three figures, in ms:

  main    main's first line to the socket closed (System.nanoTime in the JVM): what the library costs
  launch  this script's launch of the process to the socket closed (epoch clock, both sides): JVM
          boot + main
  wall    the whole process as this script sees it, exit included

The contenders take turns (ffsock, nio, bare_ffm, ffsock, ...) so that a burst of load hits all
three alike, after one discarded round that warms the page cache. Writes a JSON list, one object
per contender: {"case": "startup.first_socket", "contender", "unit": "ms", "samples",
"main"|"launch"|"wall"|"open"|"bind"|"close": {"median", "p10", "p90"}, "raw": [...]}.
"""

import argparse
import json
import statistics
import subprocess
import sys
import time

CONTENDERS = [("ffsock", "dev.ffsock.bench.StartupFfsock"),
              ("nio", "dev.ffsock.bench.StartupNio"),
              ("bare_ffm", "dev.ffsock.bench.StartupFfm")]
FIGURES = ("main", "launch", "wall", "open", "bind", "close")


def one(java, cp, cls, timeout):
    """One fresh JVM: {figure: ms}."""
    launch = time.time_ns()
    t0 = time.perf_counter_ns()
    p = subprocess.run([java, "--enable-native-access=ALL-UNNAMED", "-cp", cp, cls],
                       capture_output=True, text=True, timeout=timeout)
    wall = time.perf_counter_ns() - t0
    line = next((l for l in p.stdout.splitlines() if l.startswith("startup ")), None)
    if p.returncode != 0 or line is None:
        raise RuntimeError(f"{cls} exited {p.returncode}: {p.stdout.strip()} {p.stderr.strip()}"[:2000])
    main, epoch, op, bd, cl = (int(x) for x in line.split()[1:6])
    return {"main": main / 1e6, "launch": (epoch - launch) / 1e6, "wall": wall / 1e6,
            "open": op / 1e6, "bind": bd / 1e6, "close": cl / 1e6}


def stats(values):
    """median, p10, p90 (linear interpolation between order statistics)."""
    v = sorted(values)
    if len(v) == 1:
        return {"median": v[0], "p10": v[0], "p90": v[0]}
    q = statistics.quantiles(v, n=10, method="inclusive")
    return {"median": statistics.median(v), "p10": q[0], "p90": q[-1]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--java", required=True)
    ap.add_argument("--cp", required=True)
    ap.add_argument("--samples", type=int, default=30)
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per JVM")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    for _, cls in CONTENDERS:  # warm-up round, discarded
        one(a.java, a.cp, cls, a.timeout)
    raw = {name: [] for name, _ in CONTENDERS}
    for _ in range(a.samples):
        for name, cls in CONTENDERS:
            raw[name].append(one(a.java, a.cp, cls, a.timeout))
    out = []
    for name, _ in CONTENDERS:
        o = {"case": "startup.first_socket", "contender": name, "unit": "ms", "samples": len(raw[name])}
        for f in FIGURES:
            o[f] = stats([s[f] for s in raw[name]])
        o["raw"] = raw[name]
        out.append(o)
    with open(a.out, "w") as fh:
        json.dump(out, fh, indent=2)
    ref = next(o for o in out if o["contender"] == "bare_ffm")
    for o in out:
        m, l, w = o["main"], o["launch"], o["wall"]
        print(f"startup: {o['contender']:9} main {m['median']:7.1f} ms [p10 {m['p10']:.1f}, p90 {m['p90']:.1f}]"
              f"  launch {l['median']:7.1f} ms  wall {w['median']:7.1f} ms"
              f"  main/bare_ffm {m['median'] / ref['main']['median']:.2f}x")


if __name__ == "__main__":
    try:
        main()
    except (RuntimeError, subprocess.TimeoutExpired) as e:
        print(f"startup.py: {e}", file=sys.stderr)
        sys.exit(1)
