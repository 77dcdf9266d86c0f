#!/usr/bin/env python3
"""Turn a JMH JSON result (and optional C baseline lines) into report.md and chart.svg.

Standard library only. Usage:
  report.py --jmh jmh.json [--c c.jsonl] [--env env.txt] [--startup startup.json] [--servers servers.jsonl]
            [--targets targets.jsonl]
            [--mode quick] --out DIR

C baseline lines are JSON objects, one per line, e.g.
  {"case":"pingpong.tcp","size":64,"unit":"us/op","median":12.3,"p10":11.9,"p90":13.0}
Lines that are not JSON objects with a "case" key are ignored.

startup.json is what startup.py writes (case startup.first_socket: fresh JVMs, one per sample).
servers.jsonl is what servers.py writes (the many-connection echo servers; section by servers_report.py).
targets.jsonl is what targets.py writes (the hot-path targets in paired rounds; section by targets.section).
"""

import argparse
import html
import json
import math
import os
import sys

import jsonlines
import servers_report
import targets

# JMH benchmark class -> (case key shared with native/bench, title, better-is)
CASES = [
    ("PingPongTcp", "pingpong.tcp", "Ping-pong latency, TCP loopback"),
    ("PingPongUnixStream", "pingpong.unix_stream", "Ping-pong latency, AF_UNIX stream"),
    ("PingPongUnixSeqpacket", "pingpong.unix_seqpacket", "Ping-pong latency, AF_UNIX seqpacket"),
    ("PingPongUnixDgram", "pingpong.unix_dgram", "Ping-pong latency, AF_UNIX datagram"),
    ("PingPongUdp", "pingpong.udp", "Ping-pong latency, UDP loopback (65536 = 65507 B)"),
    ("RoundTripUnix", "roundtrip.unix", "Single-thread kernel round trip, AF_UNIX stream pair"),
    ("RoundTripTcp", "roundtrip.tcp", "Single-thread kernel round trip, loopback TCP pair"),
    ("RoundTripUdp", "roundtrip.udp", "Single-thread kernel round trip, connected UDP pair"),
    ("BusyPollUnix", "busypoll.unix", "Busy-poll ping-pong, AF_UNIX stream"),
    ("BusyPollTcp", "busypoll.tcp", "Busy-poll ping-pong, TCP loopback"),
    ("BusyPollUdp", "busypoll.udp", "Busy-poll ping-pong, connected UDP"),
    ("ThroughputUdp", "throughput.udp", "Throughput, UDP datagrams sender -> receiver"),
    ("ThroughputTcp", "throughput.tcp", "Throughput, TCP bulk 64 KiB writes"),
    ("GetsockoptCost", "getsockopt.so_type", "Binding cost, getsockopt(SO_TYPE)"),
    ("EpollWaitCost", "epoll.wait", "Event loop hot path: one readiness check finding one ready socket"),
    ("NetlinkLinks", "netlink.link_addr", "Netlink: every link and address as typed objects"),
    ("NetlinkRoutes", "netlink.route", "Netlink: route dump, all tables, typed objects or streamed"),
    ("NetlinkRoutesByProtocol", "netlink.route_proto",
     "Netlink: routes of protocol 42 (half), kernel filter vs Java filter"),
]

# ffbench (native/bench) case key -> (JMH case key, variant). A variant names one of several C
# programs for the same JMH case; CONTENDER_VARIANT says which contender it is the floor of (the
# other contenders of the case compare with the variant None).
C_ALIASES = {
    "kernel.unix_stream": ("roundtrip.unix", None),
    "kernel.tcp": ("roundtrip.tcp", None),
    "kernel.udp": ("roundtrip.udp", None),
    "busypoll.unix_stream": ("busypoll.unix", None),
    "udp_tput.sendto": ("throughput.udp", None),
    "udp_tput.mmsg": ("throughput.udp", "mmsg"),
    "udp_tput.gso_gro": ("throughput.udp", "gso_gro"),
    "tcp_bulk.tcp": ("throughput.tcp", None),
    "syscall.getsockopt": ("getsockopt.so_type", None),
}
CONTENDER_VARIANT = {
    ("throughput.udp", "ffsock_mmsg"): "mmsg",
    ("throughput.udp", "ffsock_gso"): "gso_gro",
}
# Cases whose "size" is the place the benchmark ran (JMH param net, ffbench tag "net")
PLACE_CASES = ("netlink.link_addr", "netlink.route", "netlink.route_proto")

# Cases that wait for APIs being written elsewhere; shown in the report, never faked.
PENDING = [
    ("pingpong.* / busypoll.*", "ffsock epoll-driven echo and epoll_wait(timeout 0) busy-poll contenders "
     "(the wait itself is measured in epoll.wait)"),
    ("netlink.sock_diag", "sock_diag socket dump vs ss (no C program yet)"),
]

# Main cases for the summary table: (case, size, ffsock contender)
SUMMARY = [
    ("pingpong.tcp", 64, "ffsock"), ("pingpong.unix_stream", 64, "ffsock"),
    ("pingpong.unix_seqpacket", 64, "ffsock"), ("pingpong.unix_dgram", 64, "ffsock"),
    ("pingpong.udp", 64, "ffsock"), ("pingpong.tcp", 65536, "ffsock"),
    ("roundtrip.unix", 64, "ffsock"), ("roundtrip.tcp", 64, "ffsock"), ("roundtrip.udp", 64, "ffsock"),
    ("busypoll.unix", 64, "ffsock"), ("busypoll.tcp", 64, "ffsock"), ("busypoll.udp", 64, "ffsock"),
    ("throughput.udp", 64, "ffsock"), ("throughput.udp", 64, "ffsock_mmsg"), ("throughput.udp", 64, "ffsock_gso"),
    ("throughput.tcp", 65536, "ffsock"), ("getsockopt.so_type", None, "ffsock"),
    ("epoll.wait", None, "ffsock"),
    ("netlink.link_addr", "host", "ffsock"), ("netlink.link_addr", "ns-200-links", "ffsock"),
    ("netlink.route", "ns-10k-routes", "ffsock"), ("netlink.route", "ns-10k-routes", "ffsock_stream"),
    ("netlink.route", "ns-1M-routes", "ffsock"), ("netlink.route", "ns-1M-routes", "ffsock_stream"),
    ("netlink.route_proto", "ns-10k-routes", "ffsock"), ("netlink.route_proto", "ns-1M-routes", "ffsock"),
]

TIME_NS = {"ns/op": 1.0, "us/op": 1e3, "µs/op": 1e3, "ms/op": 1e6, "s/op": 1e9}
RATE_PER_S = {"ops/s": 1.0, "ops/ms": 1e3, "ops/us": 1e6, "ops/µs": 1e6, "msgs/s": 1.0, "msg/s": 1.0,
              "datagrams/s": 1.0, "dgrams/s": 1.0, "pkts/s": 1.0}
BYTES_PER_S = {"B/s": 1.0, "KB/s": 1e3, "MB/s": 1e6, "GB/s": 1e9, "KiB/s": 1024.0, "MiB/s": 1024.0 ** 2,
               "GiB/s": 1024.0 ** 3}

COLORS = {"ffsock": "#1f77b4", "ffsock_int": "#6baed6", "ffsock_mmsg": "#17becf", "ffsock_gso": "#08519c",
          "ffsock_stream": "#7fb8e0", "ffsock_java_filter": "#9ecae1", "nio": "#ff7f0e", "net": "#2ca02c",
          "jdk": "#bcbd22", "ip": "#d62728", "junixsocket": "#9467bd", "bare_ffm": "#8c564b",
          "bare_ffm_critical": "#c49c94"}


def num(x):
    """JMH writes NaN as a string; return a float or None."""
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(v) or math.isinf(v) else v


def cost_ns(score, unit, size):
    """Nanoseconds per operation for any time or rate unit (None if not convertible)."""
    if score is None or score <= 0:
        return None
    if unit in TIME_NS:
        return score * TIME_NS[unit]
    if unit in RATE_PER_S:
        return 1e9 / (score * RATE_PER_S[unit])
    if unit in BYTES_PER_S and size:
        return 1e9 * size / (score * BYTES_PER_S[unit])
    return None


def from_cost(cost, unit, size):
    """The inverse of cost_ns: a cost in ns per operation expressed in `unit` (None if not convertible)."""
    if cost is None or cost <= 0:
        return None
    if unit in TIME_NS:
        return cost / TIME_NS[unit]
    if unit in RATE_PER_S:
        return 1e9 / cost / RATE_PER_S[unit]
    if unit in BYTES_PER_S and size:
        return 1e9 * size / cost / BYTES_PER_S[unit]
    return None


def norm_size(case, size):
    if size is None:
        return None
    if case in PLACE_CASES:
        return str(size)
    size = int(size)
    if case == "pingpong.udp" and size == 65507:
        return 65536
    return size


def load_jmh(path):
    with open(path) as f:
        data = json.load(f)
    by_class = {c: (k, t) for c, k, t in CASES}
    rows = []
    for e in data:
        parts = e["benchmark"].split(".")
        cls, contender = parts[-2], parts[-1]
        if cls not in by_class:
            continue
        case = by_class[cls][0]
        params = e.get("params") or {}
        size = norm_size(case, params.get("net") if case in PLACE_CASES else params.get("size"))
        pm = e["primaryMetric"]
        alloc = (e.get("secondaryMetrics") or {}).get("gc.alloc.rate.norm")
        rows.append({
            "case": case, "size": size, "contender": contender, "mode": e.get("mode"),
            "score": num(pm.get("score")), "error": num(pm.get("scoreError")), "unit": pm.get("scoreUnit"),
            "alloc": num(alloc.get("score")) if alloc else None,
            "samples": sum(len(r) for r in pm.get("rawData", [])) if pm.get("rawData") else None,
        })
    return rows


def load_c(path):
    out = {}
    for o in jsonlines.objects(path):
        if "case" not in o:
            continue
        case, variant = C_ALIASES.get(str(o["case"]), (str(o["case"]), None))
        if case in PLACE_CASES:
            size = str(o.get("net", "host"))
        else:
            size = norm_size(case, o.get("size")) if o.get("size") not in (None, 0) else None
        score = num(o.get("median", o.get("score")))
        if score is None:  # skipped or error lines
            continue
        unit = o.get("unit", "us/op")
        out[(case, size, variant)] = {"case": str(o["case"]), "size": size, "variant": variant,"score": score, "unit": unit, "p10": num(o.get("p10")), "p90": num(o.get("p90")),
                                     "cost": cost_ns(score, unit, size)}
    return out


def fmt(v, digits=3):
    if v is None:
        return "n/a"
    if v == 0:
        return "0"
    mag = abs(v)
    if mag >= 1000:
        return f"{v:,.0f}"
    return f"{v:.{digits}g}" if mag < 1 else f"{v:.{max(digits - 1 - int(math.log10(mag)), 0)}f}"


def c_for(cdata, case, size, contender=None):
    """The C line a contender compares with: its own variant's, else the case's default."""
    v = CONTENDER_VARIANT.get((case, contender))
    return cdata.get((case, size, v)) or cdata.get((case, size, None))


def c_lines(cdata, case, size):
    """Every C line of (case, size), the default first."""
    return sorted((c for (k, s, v), c in cdata.items() if k == case and s == size),
                  key=lambda c: (c["variant"] is not None, c["variant"] or ""))


def ratio(a, b):
    return a / b if a is not None and b else None


def fmt_ratio(r):
    return "n/a" if r is None else f"{r:.2f}×"


def size_label(s):
    if s is None:
        return "–"
    if isinstance(s, str):
        return s
    if s >= 1024 and s % 1024 == 0:
        return f"{s // 1024} KiB"
    return f"{s} B"


def build(rows, cdata):
    """{(case, size): {contender: row}} with cost added, ordered as in CASES."""
    groups = {}
    for r in rows:
        r["cost"] = cost_ns(r["score"], r["unit"], r["size"])
        groups.setdefault((r["case"], r["size"]), {})[r["contender"]] = r
    order = {k: i for i, (_, k, _) in enumerate(CASES)}
    keys = sorted(groups, key=lambda k: (order.get(k[0], 99), isinstance(k[1], str),
                                         k[1] if k[1] is not None else -1))
    return keys, groups


def contender_order(names):
    pref = ["ffsock", "ffsock_int", "ffsock_mmsg", "ffsock_gso", "ffsock_stream", "ffsock_java_filter",
            "bare_ffm", "bare_ffm_critical", "nio", "net", "jdk", "junixsocket", "ip"]
    return sorted(names, key=lambda n: (pref.index(n) if n in pref else 50, n))


STARTUP_TARGET = 1.3  # ffsock's first socket at most 1.3x a bare FFM program's (main's first line on)


def load_startup(path):
    """startup.py's contender objects (empty without the file)."""
    if not path or not os.path.exists(path):
        return []
    with open(path) as f:
        data = json.load(f)
    return [o for o in data if isinstance(o, dict) and o.get("case") == "startup.first_socket"]


def startup_summary(startup):
    """The summary table's startup row, or None."""
    by = {o["contender"]: o for o in startup}
    f = by.get("ffsock")
    if not f:
        return None
    rivals = [o for n, o in by.items() if n != "ffsock"]
    best = min(rivals, key=lambda o: o["main"]["median"]) if rivals else None
    return "| startup.first_socket (main → closed) | – | {} ms | {} | {} | n/a | n/a | n/a |".format(
        fmt(f["main"]["median"]), f"{best['contender']} {fmt(best['main']['median'])}" if best else "–",
        fmt_ratio(ratio(f["main"]["median"], best["main"]["median"])) if best else "–")


def startup_md(startup):
    """The startup case's section (a list of lines)."""
    by = {o["contender"]: o for o in startup}
    f = by.get("ffsock")
    L = ["", "### startup.first_socket — Fresh JVM to its first socket: open, bind 127.0.0.1:0, close "
         "(ms, lower is better)", "",
         "One JVM per sample (startup.py), the contenders taking turns. *main*: main's first line to the socket "
         "closed (System.nanoTime), what the library costs; *launch*: the harness starting the process to the "
         "socket closed, JVM boot included; *wall*: the whole process, exit included. Median [p10, p90]; "
         "ratios are of medians.", "",
         "| contender | samples | main | launch | wall | open / bind / close | ffsock/this (main) | ffsock/this (launch) |",
         "|---|---|---|---|---|---|---|---|"]
    spread = lambda d: f"{fmt(d['median'])} [{fmt(d['p10'])}, {fmt(d['p90'])}]"
    for name in contender_order(by):
        o = by[name]
        vs_main = "–" if name == "ffsock" or not f else fmt_ratio(ratio(f["main"]["median"], o["main"]["median"]))
        vs_launch = "–" if name == "ffsock" or not f else fmt_ratio(ratio(f["launch"]["median"], o["launch"]["median"]))
        L.append(f"| {name} | {o['samples']} | {spread(o['main'])} | {spread(o['launch'])} | {spread(o['wall'])} | "
                 f"{fmt(o['open']['median'])} / {fmt(o['bind']['median'])} / {fmt(o['close']['median'])} | "
                 f"{vs_main} | {vs_launch} |")
    b = by.get("bare_ffm")
    if f and b:
        r = ratio(f["main"]["median"], b["main"]["median"])
        L.append("")
        L.append(f"Target: ffsock/bare_ffm (main) ≤ {STARTUP_TARGET:.2f}×; this run {fmt_ratio(r)} "
                 f"({'met' if r is not None and r <= STARTUP_TARGET else 'not met'}).")
    return L


def busy_warning(env):
    """A warning when the load average exceeded the CPU count around the run (from env.txt)."""
    cpus, loads = None, []
    for line in env.splitlines():
        if line.startswith("cpu:"):
            try:
                cpus = int(line.split()[1])
            except (IndexError, ValueError):
                pass
        elif line.startswith("load:"):
            try:
                loads.append(float(line.split()[1]))
            except (IndexError, ValueError):
                pass
    if cpus and loads and max(loads) > cpus + 2:  # the run itself keeps about 2 threads busy
        return (f"the 1-minute load average reached {max(loads):g} on {cpus} CPUs around this run (which itself "
                "accounts for about 2), so other processes competed for the cores; latency, and busy-poll above all, are inflated and noisy.")
    return ""


def load_cli(path):
    """benchmarks/startup --json's objects (empty without the file)."""
    if not path or not os.path.exists(path):
        return []
    with open(path) as f:
        data = json.load(f)
    return [o for o in data if isinstance(o, dict) and o.get("case") == "cli.addr_json"]


def cli_md(cli):
    """The command start-up section (a list of lines)."""
    L = ["", "### cli.addr_json — `bin/ffsock addr --json` beside `ip -j addr` (s, lower is better)", "",
         "Whole commands, as a shell starts them (benchmarks/startup: warm-up runs, then the runs below; the "
         "launcher's JDK and class-data cache are warm). CPU is user + system time of all threads.", "",
         "| command | runs | min | median | max | CPU (median) |", "|---|---|---|---|---|---|"]
    for o in cli:
        L.append("| `{}` | {} | {:.3f} | {:.3f} | {:.3f} | {:.3f} |".format(
            o["command"], o["runs"], o["min"], o["median"], o["max"], o["cpu_median"]))
    return L


def report_md(keys, groups, cdata, mode, stamp, env, startup=(), cli=(), servers=None, targets_path=None):
    titles = {k: t for _, k, t in CASES}
    L = []
    L.append(f"# ffsock benchmarks — {mode} run")
    L.append("")
    L.append(f"Run `{stamp}`.")
    if mode == "quick":
        L.append("")
        L.append("> **Quick run**: 1 fork, short warmup and measurement. The numbers are indicative only; "
                 "error bars are wide or absent. Use `benchmarks/run --careful` for numbers you quote.")
    if mode == "smoke":
        L.append("")
        L.append("> **Smoke run**: every benchmark ran once, in-process, to prove it works. "
                 "The numbers mean nothing.")
    busy = busy_warning(env)
    if busy:
        L.append("")
        L.append("> **Busy machine**: " + busy)
    if env:
        L.append("")
        L.append("Environment:")
        L.append("")
        L.append("```")
        L.extend(env.rstrip().splitlines())
        L.append("```")
    L.append("")
    jmh_start = len(L)  # the JMH part, left out when there are no JMH results (benchmarks/run --servers)
    L.append("How to read: *score* is the JMH score (average time per operation, or operations per second "
             "for throughput cases) ± the 99.9% confidence half-width JMH reports (n/a with too few samples). "
             "*B/op* is `gc.alloc.rate.norm` from `-prof gc`, bytes allocated per operation by all threads "
             "(the echo thread included). Ratios are **cost ratios** (time per operation; for throughput the "
             "inverse rate): `ffsock/X` above 1 means ffsock is slower than X, below 1 faster. `X/C` compares "
             "with the median of the C program (native/bench/ffbench) for the same case and size — for "
             "`ffsock_mmsg` and `ffsock_gso` the C program doing the same (`udp_tput.mmsg`, `udp_tput.gso_gro`), "
             "for the others the plain one. C rows show the C median converted to the case's unit, with "
             "ffbench's own figure, p10 and p90 in brackets. Netlink cases name where they ran instead of a size "
             "(host, or a namespace benchmarks/run filled: 200 links, or 10k / 1M routes).")
    L.append("")

    # Summary
    L.append("## Summary")
    L.append("")
    L.append("| case | size | ffsock | best rival | ffsock/rival | C | ffsock/C | ffsock B/op |")
    L.append("|---|---|---|---|---|---|---|---|")
    for case, size, name in SUMMARY:
        g = groups.get((case, size))
        if not g or name not in g:
            continue
        f = g[name]
        rivals = [g[n] for n in g if not n.startswith("ffsock") and g[n]["cost"]]
        best = min(rivals, key=lambda r: r["cost"]) if rivals else None
        c = c_for(cdata, case, size, name)
        label = case if name == "ffsock" else f"{case} ({name})"
        L.append("| {} | {} | {} {} | {} | {} | {} | {} | {} |".format(
            label, size_label(size), fmt(f["score"]), f["unit"],
            f"{best['contender']} {fmt(best['score'])}" if best else "–",
            fmt_ratio(ratio(f["cost"], best["cost"])) if best else "–",
            f"{fmt(from_cost(c['cost'], f['unit'], size))} {f['unit']}" if c else "n/a",
            fmt_ratio(ratio(f["cost"], c["cost"])) if c else "n/a",
            fmt(f["alloc"])))
    row = startup_summary(startup)
    if row:
        L.append(row)
    L.append("")

    # Per case
    L.append("## Cases")
    last_case = None
    for case, size in keys:
        g = groups[(case, size)]
        if case != last_case:
            unit = next(iter(g.values()))["unit"]
            better = "higher" if unit.startswith("ops") else "lower"
            L.append("")
            L.append(f"### {case} — {titles.get(case, case)} ({unit}, {better} is better)")
            L.append("")
            L.append("| size | contender | score ± error | B/op | ffsock/this | this/C |")
            L.append("|---|---|---|---|---|---|")
            last_case = case
        f = g.get("ffsock")
        unit = next(iter(g.values()))["unit"]
        for name in contender_order(g):
            r = g[name]
            c = c_for(cdata, case, size, name)
            err = f" ± {fmt(r['error'])}" if r["error"] is not None else " ± n/a"
            vs = "–" if name == "ffsock" or not f else fmt_ratio(ratio(f["cost"], r["cost"]))
            L.append("| {} | {} | {}{} | {} | {} | {} |".format(
                size_label(size), name, fmt(r["score"]), err, fmt(r["alloc"]), vs,
                fmt_ratio(ratio(r["cost"], c["cost"])) if c else "n/a"))
        cs = c_lines(cdata, case, size)
        for c in cs:
            # the C median in this case's JMH unit; ffbench's own figure and spread in brackets
            own = f"{fmt(c['score'])} {c['unit']}"
            if c["p10"] is not None:
                own += f", p10 {fmt(c['p10'])}, p90 {fmt(c['p90'])}"
            mine = next((n for n in g if CONTENDER_VARIANT.get((case, n)) == c["variant"]), None) \
                if c["variant"] else ("ffsock" if f else None)
            L.append(f"| {size_label(size)} | C `{c['case']}` | {fmt(from_cost(c['cost'], unit, size))} ({own}) | – | "
                     f"{fmt_ratio(ratio(g[mine]['cost'], c['cost'])) + ' (' + mine + ')' if mine else 'n/a'} | 1.00× |")
        if not cs:
            L.append(f"| {size_label(size)} | C | n/a | – | n/a | – |")

    if not keys:
        del L[jmh_start:]
    if startup:
        L.extend(startup_md(startup))
    if cli:
        L.extend(cli_md(cli))
    L.extend(targets.section(targets_path))
    L.extend(servers_report.section(servers))

    if keys:
        L.append("")
        L.append("## Pending cases (APIs not merged yet; not measured, not faked)")
        L.append("")
        for case, what in PENDING:
            L.append(f"- `{case}`: {what}")
        L.append("")
        L.append("Chart: [chart.svg](chart.svg).")
    L.append("")
    return "\n".join(L)


def chart_svg(keys, groups, cdata):
    have_c = any(c_for(cdata, k[0], k[1]) for k in keys)
    bars = []  # (group label, [(contender, ratio)])
    for case, size in keys:
        g = groups[(case, size)]
        if have_c:
            items = []
            for n in contender_order(g):
                c = c_for(cdata, case, size, n)
                if c and c["cost"]:
                    items.append((n, ratio(g[n]["cost"], c["cost"])))
        else:
            if "ffsock" not in g or not g["ffsock"]["cost"]:
                continue
            ref = g["ffsock"]["cost"]
            items = [(n, ratio(g[n]["cost"], ref)) for n in contender_order(g) if n != "ffsock"]
        items = [(n, r) for n, r in items if r is not None]
        if items:
            label = case + ("" if size is None else " " + size_label(size))
            bars.append((label, items))
    title = ("Cost relative to C (contender/C, 1 = as fast as C, lower is better)" if have_c else
             "C baseline n/a: cost relative to ffsock (rival/ffsock; above 1 = rival slower than ffsock)")
    cap = 8.0
    left, width, bar_h, gap, top = 230, 520, 12, 10, 60
    n_bars = sum(len(i) for _, i in bars)
    height = top + n_bars * bar_h + len(bars) * gap + 60
    vmax = min(cap, max([r for _, i in bars for _, r in i] + [1.5]))
    vmax = math.ceil(vmax * 2) / 2
    sx = lambda v: left + width * min(v, vmax) / vmax
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{left + width + 120}" height="{height}" '
           f'font-family="sans-serif" font-size="11">',
           f'<rect width="100%" height="100%" fill="white"/>',
           f'<text x="10" y="20" font-size="14" font-weight="bold">{html.escape(title)}</text>']
    # legend, wrapped to the chart's width
    names = contender_order({n for _, i in bars for n, _ in i})
    lx, ly, total_w = 10, 32, left + width + 110
    for n in names:
        w = 14 + 7 * len(n) + 16
        if lx + w > total_w and lx > 10:
            lx, ly = 10, ly + 16
        out.append(f'<rect x="{lx}" y="{ly}" width="10" height="10" fill="{COLORS.get(n, "#7f7f7f")}"/>')
        out.append(f'<text x="{lx + 14}" y="{ly + 9}">{html.escape(n)}</text>')
        lx += w
    top += ly - 32
    out[0] = out[0].replace(f'height="{height}"', f'height="{height + ly - 32}"')
    y = top
    for label, items in bars:
        out.append(f'<text x="{left - 6}" y="{y + bar_h * len(items) / 2 + 4}" text-anchor="end">'
                   f'{html.escape(label)}</text>')
        for n, r in items:
            out.append(f'<rect x="{left}" y="{y}" width="{sx(r) - left:.1f}" height="{bar_h - 2}" '
                       f'fill="{COLORS.get(n, "#7f7f7f")}"><title>{html.escape(n)}: {r:.2f}</title></rect>')
            txt = f"{r:.2f}" + (" ›" if r > vmax else "")
            out.append(f'<text x="{sx(r) + 3:.1f}" y="{y + bar_h - 3}">{txt}</text>')
            y += bar_h
        y += gap
    # axis and the 1.0 line
    out.append(f'<line x1="{left}" y1="{top - 4}" x2="{left}" y2="{y}" stroke="black"/>')
    out.append(f'<line x1="{sx(1):.1f}" y1="{top - 4}" x2="{sx(1):.1f}" y2="{y}" stroke="red" '
               f'stroke-dasharray="4,3"/>')
    t = 0.0
    while t <= vmax + 1e-9:
        out.append(f'<text x="{sx(t):.1f}" y="{y + 14}" text-anchor="middle">{t:g}</text>')
        t += 0.5 if vmax <= 4 else 1.0
    if not bars:
        out.append(f'<text x="10" y="{top + 10}">no data</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--jmh", required=True)
    ap.add_argument("--c")
    ap.add_argument("--env")
    ap.add_argument("--startup")
    ap.add_argument("--cli")
    ap.add_argument("--servers")
    ap.add_argument("--targets")
    ap.add_argument("--mode", default="careful")
    ap.add_argument("--stamp", default="")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    rows = load_jmh(a.jmh)
    if not rows:
        print("report.py: no ffsock benchmark results in " + a.jmh, file=sys.stderr)
    cdata = load_c(a.c)
    startup = load_startup(a.startup)
    cli = load_cli(a.cli)
    env = open(a.env).read() if a.env and os.path.exists(a.env) else ""
    keys, groups = build(rows, cdata)
    os.makedirs(a.out, exist_ok=True)
    with open(os.path.join(a.out, "report.md"), "w") as f:
        f.write(report_md(keys, groups, cdata, a.mode, a.stamp, env, startup, cli, a.servers, a.targets))
    with open(os.path.join(a.out, "chart.svg"), "w") as f:
        f.write(chart_svg(keys, groups, cdata))
    print(f"report.py: {len(rows)} results, {len(cdata)} C baselines, {len(startup)} startup contenders "
          f"-> {a.out}/report.md, chart.svg")


if __name__ == "__main__":
    main()
