"""The many-connection echo benchmark's section of report.md, from servers.py's JSON lines.

Standard library only; used by report.py (--servers servers.jsonl).
"""

import jsonlines

# model key -> what it is (report order)
MODELS = [
    ("c-epoll", "C epoll (native/bench/echoserver.c)"),
    ("ffsock-epoll", "ffsock epoll (`ffsock echo --epoll`)"),
    ("ffsock-uring", "ffsock io_uring (`ffsock echo --uring`)"),
    ("netty-epoll", "Netty epoll"),
    ("netty-iouring", "Netty io_uring"),
    ("netty-nio", "Netty NIO"),
    ("nio", "NIO Selector (JDK)"),
    ("nio-ffsock", "NIO Selector on ffsock's provider"),
    ("vt-ffsock", "virtual threads, ffsock Socket"),
    ("vt-net", "virtual threads, java.net Socket"),
]
TITLE = dict(MODELS)

# (label, numerator model, denominator model, only at this connection count or None, goal): ratios of
# requests/s computed in the run; a ratio below its goal is a miss.
GOALS = [
    ("ffsock io_uring / Netty io_uring", "ffsock-uring", "netty-iouring", None, 1.0),
    ("ffsock epoll / Netty epoll", "ffsock-epoll", "netty-epoll", None, 1.0),
    ("ffsock epoll / NIO, 1,000 connections", "ffsock-epoll", "nio", 1000, 1.3),
    ("ffsock io_uring / NIO, 1,000 connections", "ffsock-uring", "nio", 1000, 1.3),
    ("ffsock epoll / C epoll", "ffsock-epoll", "c-epoll", None, 0.9),
    ("ffsock io_uring / C epoll", "ffsock-uring", "c-epoll", None, 0.9),
    ("VT ffsock / VT java.net", "vt-ffsock", "vt-net", None, 1.0),
]
ZERO_ALLOC_MODELS = ["ffsock-epoll", "ffsock-uring"]
ZERO_ALLOC_SLACK = 0.5  # B/request still read as "nothing per request" (the JVM's own background work)


def load(path):
    """servers.py's lines as (meta, echo rows, leak rows, {model: unavailable reason})."""
    meta, cases = jsonlines.by_case(path, "servers")
    gone = {o["model"]: o.get("unavailable") or ("died: " + str(o.get("died")))
            for o in cases.get("servers.model", [])}
    return meta, cases.get("servers.echo", []), cases.get("servers.leak", []), gone


def _n(v, digits=1):
    if v is None:
        return "n/a"
    if abs(v) >= 1000:
        return f"{v:,.0f}"
    return f"{v:.{digits}f}"


def _order(model):
    keys = [m for m, _ in MODELS]
    return (keys.index(model) if model in keys else 99, model)


def _size(s):
    return f"{s // 1024} KiB" if s >= 1024 and s % 1024 == 0 else f"{s} B"


def _lower_middle(xs, key=None):
    """The median of {xs}; of an even count, the lower middle one (for requests/s and ffsock/rival
    ratios the less flattering one)."""
    s = sorted(xs, key=key)
    return s[(len(s) - 1) // 2]


def _medians(echo):
    """{returns} each case's median round (by requests/s; the lower middle one of an even count) and
    its rounds' requests/s, keyed (model, size, conns)."""
    rounds = {}
    for o in echo:
        rounds.setdefault((o["model"], o["size"], o["conns"]), []).append(o)
    by, spread = {}, {}
    for key, rows in rounds.items():
        by[key] = _lower_middle(rows, key=lambda o: o.get("rps") or 0)
        spread[key] = sorted(o.get("rps") or 0 for o in rows)
    return by, spread


def _paired(echo, value=lambda o: o.get("rps") or 0):
    """{returns} value(row) — requests/s unless told — keyed (model, size, conns) -> {round: value},
    for per-round ratios; rows whose value is None are left out."""
    per = {}
    for o in echo:
        v = value(o)
        if v is not None:
            per.setdefault((o["model"], o["size"], o["conns"]), {})[o.get("round", 0)] = v
    return per


def _per_cpu_second(o):
    """{returns} the server's requests per CPU-second in row o, or None without a CPU figure."""
    u = (o.get("server") or {}).get("cpu_us_per_req")
    return 1e6 / u if u else None


def _ratio(per, num, den, s, c):
    """{returns} (median of the per-round ratios num/den, the ratios in round order), or None when no round
    has both; an even count takes the lower middle one, as _medians does."""
    a, b = per.get((num, s, c), {}), per.get((den, s, c), {})
    rounds = sorted(r for r in a if r in b and b[r])
    if not rounds:
        return None
    ratios = [a[r] / b[r] for r in rounds]
    return _lower_middle(ratios), ratios


def section(path):
    """The section's lines (empty without data)."""
    meta, echo, leak, gone = load(path)
    if not echo and not gone:
        return []
    by, spread = _medians(echo)
    sizes = sorted({o["size"] for o in echo})
    conns = sorted({o["conns"] for o in echo})
    L = ["", "## Many-connection echo servers (servers.py)", ""]
    L.append("Each server model runs in its own process pinned to CPU {} (its JIT compiler and GC threads share "
             "that core), native/bench's `loadgen` on CPU {}: one thread, epoll, N loopback TCP connections, closed "
             "loop (each connection sends one message and waits for the whole echo before the next), every echoed "
             "byte checked. {} s warm-up, then a {} s window per case; requests/s and latency percentiles are of "
             "the window. *Cores busy*: the server's core / the generator's core, the share of the window each was not "
             "idle (loadgen's /proc/stat figures; on loopback each core also runs the TCP input of the other side's "
             "sends). *B/req*: bytes allocated by all the server JVM's threads inside the window (ThreadMXBean, "
             "sampled at its start and end) per request; n/a for C. In each round every model's server is started afresh "
             "and the servers run side by side (idle but for the one measured); case by case (small messages first, "
             "then 1, 100, 1,000 connections) every model is measured in turn, the order reversed from case to case "
             "and round to round, so two models a ratio compares are measured within a minute of each other.{}".format(
                 meta.get("server_cpu", "?"), meta.get("loadgen_cpu", "?"), meta.get("warmup_s", "?"),
                 meta.get("time_s", "?"),
                 "" if (meta.get("rounds") or 1) <= 1 else
                 f" There were {meta['rounds']} rounds; every figure below is of each case's median round (by "
                 "requests/s), *rounds* lists the requests/s of all of them, and each goal's ratio is the median of "
                 "its per-round ratios (the two models' requests/s in the same round)."))
    if meta.get("loadavg"):
        L.append("")
        L.append(f"Load average at the start: {' / '.join(f'{x:.2f}' for x in meta['loadavg'])} (1/5/15 min); other "
                 "processes on the machine compete for both cores and distort every figure.")
    for size in sizes:
        multi = (meta.get("rounds") or 1) > 1
        L += ["", f"### Echo, {_size(size)} messages", "",
              "| model | connections | requests/s | p50 µs | p99 µs | p99.9 µs | B/req | cores busy | errors |"
              + (" rounds |" if multi else ""),
              "|---|---|---|---|---|---|---|---|---|" + ("---|" if multi else "")]
        for model in sorted({o["model"] for o in echo}, key=_order):
            for c in conns:
                o = by.get((model, size, c))
                if not o:
                    continue
                err = o.get("errors") or 0
                cores = _cores(o, meta)
                L.append("| {} | {:,} | {} | {} | {} | {} | {} | {} | {} |".format(
                    TITLE.get(model, model), c, _n(o.get("rps"), 0), _n(o.get("p50_us")), _n(o.get("p99_us")),
                    _n(o.get("p999_us")), _n(o.get("b_per_req"), 2),
                    "n/a" if cores is None else f"{cores[0]:.0%} / {cores[1]:.0%}",
                    f"**{err}**: {o.get('error')}" if err else 0)
                    + (" " + " / ".join(_n(x, 0) for x in spread[(model, size, c)]) + " |" if multi else ""))
    bad = [o for o in echo if o.get("errors")]
    if bad:
        L += ["", "**Failed requests**: " + "; ".join(
            "{} at {} × {:,}: {} ({}{})".format(
                TITLE.get(o["model"], o["model"]), _size(o["size"]), o["conns"], o.get("error"),
                f"{o['errors']} errors", ", failing the run" if o.get("fails_run") else
                ", a rival's: reported, not failing the run") for o in sorted(bad, key=lambda o: _order(o["model"])))
              + ". Its requests/s then counts only the connections that were served."]
    if gone:
        L += ["", "Models that did not run: " + "; ".join(
            f"{TITLE.get(m, m)} — model unavailable: {r}" for m, r in sorted(gone.items(), key=lambda x: _order(x[0])))
              + "."]
    L += _pace(echo, meta)
    L += _goals(by, _paired(echo), sizes, conns, gone, meta)
    L += _efficiency(echo, sizes, conns)
    L += _allocation(by, sizes, conns)
    L += _leaks(leak, meta)
    return L


def _goals(by, per, sizes, conns, gone, meta):
    cols = [(s, c) for s in sizes for c in conns]
    L = ["", "### Goals (ratios of requests/s in this run: the median of the per-round ratios)", "",
         "| ratio | goal | " + " | ".join(f"{_size(s)} × {c:,}" for s, c in cols) + " |",
         "|---|---|" + "---|" * len(cols)]
    missed, uncomputed = [], []
    for name, num, den, only, goal in GOALS:
        cells = []
        for s, c in cols:
            a, b = by.get((num, s, c)), by.get((den, s, c))
            paired = _ratio(per, num, den, s, c)
            if only is not None and c != only:
                cells.append("–")
            elif not a or not b or paired is None:
                cells.append("n/a")
            else:
                r, ratios = paired
                dag = " †" if a.get("errors") or b.get("errors") else ""
                cells.append(f"{r:.2f}" + ("" if r >= goal else " ✗") + dag)
                if r < goal:
                    rounds = f"rounds {' / '.join(f'{x:.2f}' for x in ratios)}; " if len(ratios) > 1 else ""
                    missed.append(f"{name} = {r:.2f} at {_size(s)} × {c:,} connections (goal ≥ {goal:g}; {rounds}"
                                  + _why(by, per, num, den, s, c, goal, ratios, meta) + ")")
        L.append(f"| {name} | ≥ {goal:g} | " + " | ".join(cells) + " |")
        why = [TITLE.get(m, m) + ": " + gone[m] for m in (num, den) if m in gone]
        if why:
            uncomputed.append(f"{name} (model unavailable — {'; '.join(why)})")
    L.append("")
    L.append("† one side of the ratio had failed requests in that case (see above).")
    L.append("")
    if missed:
        L.append("**Goals missed in this run** (✗): " + "; ".join(missed) + ".")
    else:
        L.append("Every goal that could be computed in this run was met.")
    if uncomputed:
        L.append("")
        L.append("Not computed: " + "; ".join(uncomputed) + ".")
    return L


def _usage(o):
    """One model's measured CPU in one case, as words."""
    u = o.get("server") or {}
    if u.get("cpu_us_per_req") is None:
        return f"{TITLE.get(o['model'], o['model']).split(' (')[0]}: no CPU figures"
    return (f"{TITLE.get(o['model'], o['model']).split(' (')[0]} {u['cpu_us_per_req']:.1f} µs of CPU per request, "
            f"core {u['cpu_busy']:.0%} busy, {u['kernel_share']:.0%} of it in the kernel, "
            f"{u['switches_per_req']:.3f} context switches per request")


def _cores(o, meta):
    """(server core busy, generator core busy) over the window, from loadgen's /proc/stat figures, or None."""
    busy = o.get("cpus_busy") or []
    sc, lc = meta.get("server_cpu"), meta.get("loadgen_cpu")
    if not isinstance(sc, int) or not isinstance(lc, int) or max(sc, lc) >= len(busy):
        return None
    return busy[sc], busy[lc]


def _pace(echo, meta):
    """Which core set the pace, over every measured round with 100 connections or more."""
    rows = [(o, _cores(o, meta)) for o in echo if o["conns"] >= 100]
    rows = [(o, c) for o, c in rows if c is not None]
    if not rows:
        return []
    gen = sorted(c[1] for _, c in rows)
    srv = sorted(c[0] for _, c in rows)
    saturated = sum(1 for _, c in rows if c[1] >= 0.97)
    return ["", f"Who set the pace: in {saturated} of {len(rows)} measured windows at 100 and 1,000 connections "
            f"(every model, every round) the generator's core was ≥ 97% busy (median {gen[len(gen) // 2]:.0%}; "
            f"the servers' cores median {srv[len(srv) // 2]:.0%}). On loopback each side's sends run the other "
            "side's TCP input on the sender's core, so the two cores' work is coupled and requests/s is the pace of "
            "the whole pair (generator, kernel, server); between servers that keep up it moves less than the host "
            "drifts from round to round. The server efficiency table below compares the servers' own cost.", ]


def _why(by, per, num, den, s, c, goal, ratios, meta):
    """Why a ratio missed, from what the run measured: for ffsock's epoll and io_uring servers, C epoll
    against the same rival; whether the rounds straddle the goal; each side's CPU (servers.py's /proc figures over the
    case) and server CPU per request; which core set the pace in the window (loadgen's /proc/stat)."""
    a, b, floor = by.get((num, s, c)), by.get((den, s, c)), by.get(("c-epoll", s, c))
    words = []
    paired = _ratio(per, "c-epoll", den, s, c)
    if num in ("ffsock-epoll", "ffsock-uring") and den != "c-epoll" and floor and paired:
        f = paired[0]
        words.append(f"C epoll / {TITLE.get(den, den).split(' (')[0]} = {f:.2f} here"
                     + (", so the goal is beyond what C epoll reaches on this machine" if f < goal else ""))
    if len(ratios) > 1 and max(ratios) >= goal:
        words.append(f"the rounds straddle the goal ({min(ratios):.2f} to {max(ratios):.2f}): the difference is "
                     "within this run's round-to-round spread")
    words.append(_usage(a))
    words.append(_usage(b))
    ua, ub = (a.get("server") or {}).get("cpu_us_per_req"), (b.get("server") or {}).get("cpu_us_per_req")
    if ua and ub:
        words.append(f"requests per CPU-second of the server {ub / ua:.2f}× the other's")
    for o in (a, b):
        cores = _cores(o, meta)
        if cores is None:
            continue
        srv, gen = cores
        name = TITLE.get(o["model"], o["model"]).split(' (')[0]
        pace = (": the generator's core was saturated, not the server's, so requests/s here is the generator's pace"
                if gen >= 0.97 and srv < 0.95 else "")
        words.append(f"with {name}, the server's core was {srv:.0%} busy in the window and the generator's {gen:.0%}"
                     + pace)
    return "; ".join(words)


def _efficiency(echo, sizes, conns):
    """The goals' pairs as server efficiency: requests per CPU-second of the server process (its CPU over
    the case from /proc), the pair's ratio per round, median over rounds. Where the generator's core sets
    the pace, requests/s hardly tells two servers apart and this does."""
    per = _paired(echo, _per_cpu_second)
    if not per:
        return []
    cols = [(s, c) for s in sizes for c in conns]
    L = ["", "### Server efficiency (requests per CPU-second of the server process: the goals' pairs)", "",
         "Each server's CPU time over the case (user + system of all its threads, /proc/PID/stat) per request "
         "served, as requests per CPU-second; the ratio of the pair in each round, median over rounds. > 1: the "
         "first spends less CPU per request. Both cores are shared by the server and the generator's kernel work "
         "on loopback (a send runs the receiver's TCP input on the sender's core), so this is what a request costs "
         "the server's core, the other side's receive included.", "",
         "| ratio | " + " | ".join(f"{_size(s)} × {c:,}" for s, c in cols) + " |",
         "|---|" + "---|" * len(cols)]
    for name, num, den, only, _ in GOALS:
        cells = []
        for s, c in cols:
            r = _ratio(per, num, den, s, c)
            cells.append("–" if only is not None and c != only else "n/a" if r is None else f"{r[0]:.2f}")
        L.append(f"| {name} | " + " | ".join(cells) + " |")
    return L


def _allocation(by, sizes, conns):
    L = ["", f"Goal: ffsock's own servers allocate nothing per request (read as ≤ {ZERO_ALLOC_SLACK} B/req, the "
         "JVM's background threads included). "]
    missed = []
    for m in ZERO_ALLOC_MODELS:
        for s in sizes:
            for c in conns:
                o = by.get((m, s, c))
                if o and o.get("b_per_req") is not None and o["b_per_req"] > ZERO_ALLOC_SLACK:
                    missed.append(f"{TITLE[m].split(' (')[0]} {o['b_per_req']:.2f} B/req at {_size(s)} × {c:,}")
    L[-1] += ("**Missed**: " + "; ".join(missed) + " (the first case of a process includes JIT warm-up when its "
              "window starts before the loop is compiled)." if missed else "Met in every case measured.")
    return L


def _leaks(leak, meta):
    if not leak:
        return []
    L = ["", "### No leak: connect / echo / close cycles", "",
         f"loadgen --churn: {meta.get('churn', '?'):,} cycles, {leak[0].get('concurrency', '?')} at a time, after the "
         "echo cases; the server's open descriptors (/proc/PID/fd) once settled before, and after (waiting up to "
         "10 s for them to come back).", "",
         "| model | cycles done | cycles/s | fds before | fds after | result |", "|---|---|---|---|---|---|"]
    for o in sorted(leak, key=lambda o: _order(o["model"])):
        res = "ok" if o.get("ok") else "**FAILED**" + (f": {o.get('error')}" if o.get("error") else "")
        L.append(f"| {TITLE.get(o['model'], o['model'])} | {o.get('done')} | {_n(o.get('cycles_per_s'), 0)} | "
                 f"{o.get('fd_before')} | {o.get('fd_after')} | {res} |")
    return L
