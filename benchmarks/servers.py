#!/usr/bin/env python3
"""The many-connection echo benchmark: every server model against native/bench's loadgen.

Standard library only. Usage (benchmarks/run --servers does this after a build):
  servers.py --mode quick --bin DIR --java JAVA --cp CLASSPATH --out servers.jsonl [--models a,b]
             [--conns 1,100] [--sizes 64] [--warmup S] [--time S] [--churn N]   (override the mode)

In each round, every model gets one server process, pinned to --server-cpu (its JIT and GC threads
share that core; the servers run side by side, idle but for the one measured), which serves 500
untimed connect / echo / close cycles and a warm-up's time of echoes on 10 connections (class
loading, compiling the loop). Then case by case (--conns x --sizes), every model in turn (the order
reversed from case to case and round to round) gets a closed-loop echo run of loadgen, pinned to
--loadgen-cpu: a warm-up, then a measurement window whose start and end loadgen writes into the
server's standard input, a FIFO, so a Java server reports the bytes its threads allocated inside it.
In the first round each server then gets a leak check: its open descriptors (/proc/PID/fd) are
counted once settled, loadgen makes --churn connect / echo / close cycles, and the count must come
back to that value.
A model that fails to start is reported as unavailable (with its reason) and the run goes on.

Output: JSON lines (a meta line, then one line per model and case). Exit status 1 when a byte was
wrong (any model), or a request failed or a descriptor leaked in a model that is not a rival (see
RIVALS: a rival's failures are reported only); 0 otherwise. Progress goes to stderr.
"""

import argparse
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

MODELS = ["c-epoll", "ffsock-epoll", "ffsock-uring", "netty-epoll", "netty-iouring", "netty-nio", "nio",
          "nio-ffsock", "vt-ffsock", "vt-net"]
# rounds: every model's server is started afresh that many times; in each round all servers run side by
# side (idle but for the one measured) and every case is measured for every model in turn, the order
# reversed from case to case and round to round. The report gives each model's median round and each
# ratio as the median of its per-round ratios. On a shared VM the speed of the host drifts by more than
# the differences measured within minutes, so models measured a model's whole pass apart would compare
# moments as much as models.
MODES = {
    "smoke": {"conns": [1, 100], "sizes": [64], "warmup": 0.2, "time": 0.5, "churn": 10000, "rounds": 1},
    "quick": {"conns": [1, 100, 1000], "sizes": [64, 4096], "warmup": 1.0, "time": 2.0, "churn": 10000,
              "rounds": 1},
    "careful": {"conns": [1, 100, 1000], "sizes": [64, 4096], "warmup": 2.0, "time": 3.0, "churn": 10000,
                "rounds": 3},
}
CHURN_CONCURRENCY = 50
PRIME_CYCLES = 500  # untimed connect / echo / close cycles first: class loading and first compiles
HOST = "127.0.0.1"
START_TIMEOUT_S = 60
JVM_FLAGS = ["--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"]
LAUNCHER = "dev.ffsock.bench.servers.EchoServers"
# Rivals: their failed requests and leaks are findings about them, reported but not failing the run
# (Netty epoll 4.2.18 has left hundreds of 1,000 fresh connections unaccepted here). Wrong bytes fail
# the run whatever the model.
RIVALS = {"netty-epoll", "netty-iouring", "netty-nio", "nio", "vt-net"}
FD_LIMIT = 65536

live = []  # server processes started and not yet reaped (each the leader of its own session)


def log(msg):
    print("servers: " + msg, file=sys.stderr, flush=True)


def raise_fd_limit():
    """Enough descriptors for 1,000 connections plus the JVM's own (run in the children too)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    try:
        if hard != resource.RLIM_INFINITY and hard < FD_LIMIT:
            resource.setrlimit(resource.RLIMIT_NOFILE, (FD_LIMIT, FD_LIMIT))  # root only
        else:
            resource.setrlimit(resource.RLIMIT_NOFILE, (FD_LIMIT, hard))
    except (ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def pinned(cpu, cmd):
    return cmd if cpu is None else ["taskset", "-c", str(cpu)] + cmd


def stop(p):
    """Ends a server process and its session: SIGTERM, then SIGKILL after 5 s."""
    if p.poll() is None:
        try:
            os.killpg(p.pid, signal.SIGTERM)
            p.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait(timeout=5)
        except ProcessLookupError:
            pass
    if p in live:
        live.remove(p)


def fd_count(pid):
    try:
        return len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return None


def server_usage(pid):
    """{returns} (user s, system s, context switches) of process pid so far, or None."""
    tick = os.sysconf("SC_CLK_TCK")
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        user, system = int(fields[11]) / tick, int(fields[12]) / tick  # utime, stime: fields 14, 15 of stat(5)
        tasks = os.listdir(f"/proc/{pid}/task")
    except (OSError, IndexError, ValueError):
        return None
    switches = 0
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/status") as f:
                switches += sum(int(l.split()[1]) for l in f if "ctxt_switches" in l)
        except (OSError, IndexError, ValueError):
            continue  # a thread that ended meanwhile
    return user, system, switches


def usage_line(before, after, wall, rps):
    """The server's CPU over one case (warm-up and window): busy share of its core, kernel share, per request."""
    if not before or not after or wall <= 0:
        return None
    user, system, switches = (a - b for a, b in zip(after, before))
    busy = user + system
    requests = rps * wall if rps else 0
    return {"cpu_busy": round(busy / wall, 3), "kernel_share": round(system / busy, 3) if busy else None,
            "cpu_us_per_req": round(busy * 1e6 / requests, 2) if requests else None,
            "switches_per_req": round(switches / requests, 4) if requests else None}


def settled_fd_count(pid, limit_s=5.0):
    """The descriptor count once it has not changed for 0.5 s (at most limit_s)."""
    end = time.monotonic() + limit_s
    last, same = fd_count(pid), 0
    while time.monotonic() < end and same < 5:
        time.sleep(0.1)
        n = fd_count(pid)
        same = same + 1 if n == last else 0
        last = n
    return last


class Server:
    """One server model's process, its control FIFO and its output files."""

    def __init__(self, model, args, tmp):
        self.model = model
        self.tmp = tmp
        self.fifo = os.path.join(tmp, "control")
        os.mkfifo(self.fifo)
        # The server reads the FIFO; this process keeps it open for writing so the server sees end of
        # input (and exits) only when the harness is gone.
        rfd = os.open(self.fifo, os.O_RDONLY | os.O_NONBLOCK)
        self.wfd = os.open(self.fifo, os.O_WRONLY)
        os.set_blocking(rfd, True)
        self.out_path, self.err_path = os.path.join(tmp, "out"), os.path.join(tmp, "err")
        if model == "c-epoll":
            cmd = [os.path.join(args.bin, "echoserver"), f"{HOST}:0"]
        else:
            cmd = [args.java] + JVM_FLAGS + ["-cp", args.cp, LAUNCHER, model, f"{HOST}:0"]
        with open(self.out_path, "w") as out, open(self.err_path, "w") as err:
            self.p = subprocess.Popen(pinned(args.server_cpu, cmd), stdin=rfd, stdout=out, stderr=err,
                                      start_new_session=True, preexec_fn=raise_fd_limit)
        live.append(self.p)
        os.close(rfd)
        self.port = None

    def output(self):
        with open(self.out_path, errors="replace") as f:
            return f.read()

    def reason(self):
        """Why the process ended: the last meaningful line of its stderr."""
        with open(self.err_path, errors="replace") as f:
            lines = [l.strip() for l in f if l.strip() and not l.startswith("WARNING")]
        text = lines[-1] if lines else f"exit status {self.p.returncode}"
        return text[len("unavailable: "):] if text.startswith("unavailable: ") else text

    def wait_listening(self):
        """The port, or raises RuntimeError with the reason the model is unavailable."""
        end = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < end:
            m = re.search(r"listening on \S*:(\d+)", self.output())
            if m:
                self.port = int(m.group(1))
                return self.port
            if self.p.poll() is not None:
                raise RuntimeError(self.reason())
            time.sleep(0.05)
        raise RuntimeError(f"no 'listening on' line within {START_TIMEOUT_S} s")

    def windows(self):
        return [int(a) for a in re.findall(r"window alloc=(-?\d+)", self.output())]

    def close(self):
        os.close(self.wfd)
        stop(self.p)


def loadgen(args, extra, timeout):
    """Runs loadgen pinned; {returns} its JSON object (an error object when it printed none)."""
    cmd = pinned(args.loadgen_cpu, [os.path.join(args.bin, "loadgen"), "--host", HOST] + extra)
    try:
        r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, preexec_fn=raise_fd_limit)
    except subprocess.TimeoutExpired:
        return {"errors": 1, "error": f"loadgen did not finish within {timeout:.0f} s"}
    for line in reversed(r.stdout.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    return {"errors": 1, "error": f"loadgen exit {r.returncode}: {r.stderr.strip()[-200:]}"}


def fails(model, r):
    """Whether loadgen's result r fails the run (see RIVALS)."""
    return bool(r.get("wrong")) or (bool(r.get("errors")) and model not in RIVALS)


class Model:
    """One model's server in one round: started, primed, measured case by case, then leak-checked
    (round 0) and stopped."""

    def __init__(self, model, args, mode, emit, rnd):
        self.model, self.args, self.mode, self.emit, self.rnd = model, args, mode, emit, rnd
        self.tmp = tempfile.mkdtemp(prefix="ffsock-servers-")
        self.server = None
        self.port = None
        self.failures = 0
        self.dead = False

    def start(self):
        """Starts the server and primes it; {returns} False when the model is unavailable."""
        self.server = Server(self.model, self.args, self.tmp)
        try:
            self.port = self.server.wait_listening()
        except RuntimeError as e:
            log(f"{self.model}: model unavailable: {e}")
            self.emit({"case": "servers.model", "model": self.model, "unavailable": str(e)})
            self.dead = True
            return False
        return True

    def prime(self):
        """Untimed connect / echo / close cycles, then a warm-up's worth of echoes on 10 connections:
        classes loaded and the loop compiled before any case is measured."""
        args, mode, port = self.args, self.mode, self.port
        r = loadgen(args, ["--port", str(port), "--churn", str(PRIME_CYCLES), "--conns", "10", "--size", "64"],
                    PRIME_CYCLES / 100 + 30)
        if not r.get("errors"):
            r = loadgen(args, ["--port", str(port), "--conns", "10", "--size", "64", "--warmup", "0",
                               "--time", str(mode["warmup"])], mode["warmup"] + 30)
        if r.get("errors"):
            self.failures += fails(self.model, r)
            log(f"{self.model}: priming cycles failed: {r.get('error')}")
            self.emit({"case": "servers.prime", "model": self.model, "errors": r.get("errors"),
                       "error": r.get("error")})

    def measure(self, conns, size):
        """One case: loadgen's warm-up and window against this server, with its CPU and allocation."""
        if self.dead:
            return
        model, args, mode, server, rnd = self.model, self.args, self.mode, self.server, self.rnd
        jvm = model != "c-epoll"
        before = len(server.windows())
        extra = ["--port", str(self.port), "--conns", str(conns), "--size", str(size),
                 "--warmup", str(mode["warmup"]), "--time", str(mode["time"])]
        if jvm:
            extra += ["--notify", server.fifo]
        usage0, t0 = server_usage(server.p.pid), time.monotonic()
        r = loadgen(args, extra, mode["warmup"] + mode["time"] + conns * 0.02 + 30)
        usage = usage_line(usage0, server_usage(server.p.pid), time.monotonic() - t0, r.get("rps"))
        alloc = None
        if jvm:
            end = time.monotonic() + 5
            while len(server.windows()) <= before and time.monotonic() < end and server.p.poll() is None:
                time.sleep(0.02)
            w = server.windows()
            alloc = w[before] if len(w) > before and w[before] >= 0 else None
        req = r.get("requests") or 0
        line = {"case": "servers.echo", "model": model, "conns": conns, "size": size, "round": rnd}
        line.update({k: v for k, v in r.items() if k not in ("case", "conns", "size")})
        line["server"] = usage
        line["alloc_bytes"] = alloc
        line["b_per_req"] = round(alloc / req, 2) if alloc is not None and req else None
        if not r.get("errors") and not req:
            r["errors"] = 1
            r["error"] = "no request completed in the window"
            line.update(errors=1, error=r["error"])
        line["fails_run"] = fails(model, r)
        self.failures += line["fails_run"]
        self.emit(line)
        log(f"{model} {conns} x {size} B{f' (round {rnd + 1})' if mode['rounds'] > 1 else ''}: {r.get('rps', 0):,.0f} req/s, p50 {r.get('p50_us', 0):.1f} us, "
            f"p99 {r.get('p99_us', 0):.1f} us, "
            f"{'n/a' if line['b_per_req'] is None else line['b_per_req']} B/req"
            + (f", {usage['cpu_us_per_req']} us CPU/req ({usage['kernel_share']:.0%} kernel)"
               if usage and usage.get("cpu_us_per_req") is not None else "")
            + (f", {r['errors']} error(s): {r.get('error')}" if r.get("errors") else "")
            + (" (a rival's: reported, not failing the run)" if r.get("errors") and not line["fails_run"] else ""))
        if server.p.poll() is not None:
            self.emit({"case": "servers.model", "model": model, "died": server.reason()})
            log(f"{model}: the server died: {server.reason()}")
            self.failures += 1
            self.dead = True

    def leak_check(self):
        """Connect / echo / close cycles, then the descriptor count must come back."""
        if self.dead:
            return
        model, args, mode, server = self.model, self.args, self.mode, self.server
        fd_before = settled_fd_count(server.p.pid)
        r = loadgen(args, ["--port", str(self.port), "--churn", str(mode["churn"]), "--conns", str(CHURN_CONCURRENCY),
                           "--size", "64"], mode["churn"] / 100 + 30)
        end = time.monotonic() + 10
        fd_after = fd_count(server.p.pid)
        while fd_after is not None and fd_before is not None and fd_after > fd_before and time.monotonic() < end:
            time.sleep(0.1)
            fd_after = fd_count(server.p.pid)
        ok = (not r.get("errors") and r.get("done") == mode["churn"] and fd_before is not None
              and fd_after is not None and fd_after <= fd_before)
        failed = fails(model, r) or (not ok and model not in RIVALS)
        self.emit({"case": "servers.leak", "model": model, "cycles": mode["churn"], "done": r.get("done"),
                   "concurrency": CHURN_CONCURRENCY, "cycles_per_s": r.get("cycles_per_s"), "fd_before": fd_before,
                   "fd_after": fd_after, "errors": r.get("errors", 0), "wrong": r.get("wrong", 0),
                   "error": r.get("error"), "ok": ok, "fails_run": failed})
        log(f"{model} leak check: {r.get('done')} cycles, fds {fd_before} -> {fd_after}: {'ok' if ok else 'FAILED'}"
            + (f" ({r.get('error')})" if r.get("error") else ""))
        self.failures += failed

    def close(self):
        if self.server:
            self.server.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


def run_round(models, args, mode, emit, rnd):
    """One round: every model's server started and primed, then case by case every model in turn
    (the order reversed from one case to the next and from one round to the next), so the models a
    ratio compares are measured within a minute of each other; then (round 0) the leak checks.
    {returns} the number of failures."""
    running = []
    try:
        for m in models:
            s = Model(m, args, mode, emit, rnd)
            running.append(s)
            if s.start():
                s.prime()
        cases = [(conns, size) for size in mode["sizes"] for conns in mode["conns"]]
        for i, (conns, size) in enumerate(cases):
            for s in (running if (i + rnd) % 2 == 0 else list(reversed(running))):
                s.measure(conns, size)
        if rnd == 0:
            for s in running:
                s.leak_check()
        return sum(s.failures for s in running)
    finally:
        for s in running:
            s.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", choices=sorted(MODES), default="careful")
    ap.add_argument("--bin", required=True, help="directory of loadgen and echoserver")
    ap.add_argument("--java", required=True)
    ap.add_argument("--cp", required=True, help="class path of the benchmarks (and ffsock, Netty)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--models", help="comma-separated subset of " + ",".join(MODELS))
    ap.add_argument("--conns", help="comma-separated connection counts (overrides the mode's)")
    ap.add_argument("--sizes", help="comma-separated message sizes in bytes (overrides the mode's)")
    ap.add_argument("--warmup", type=float, help="warm-up seconds per case (overrides the mode's)")
    ap.add_argument("--time", type=float, help="measured seconds per case (overrides the mode's)")
    ap.add_argument("--churn", type=int, help="leak check cycles (overrides the mode's)")
    ap.add_argument("--rounds", type=int, help="rounds of fresh servers, each case measured for every model in turn (overrides the mode's)")
    ap.add_argument("--server-cpu", type=int, help="default: the first CPU this process may use")
    ap.add_argument("--loadgen-cpu", type=int, help="default: the second CPU this process may use")
    a = ap.parse_args()
    mode = dict(MODES[a.mode])
    for key, conv in (("conns", lambda v: [int(x) for x in v.split(",")]),
                      ("sizes", lambda v: [int(x) for x in v.split(",")]),
                      ("warmup", float), ("time", float), ("churn", int), ("rounds", int)):
        v = getattr(a, key)
        if v is not None:
            mode[key] = conv(v) if isinstance(v, str) else v
    models = a.models.split(",") if a.models else MODELS
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) < 2 or not shutil.which("taskset"):
        log("fewer than 2 CPUs or no taskset: server and loadgen not pinned")
        a.server_cpu = a.loadgen_cpu = None
    else:
        a.server_cpu = cpus[0] if a.server_cpu is None else a.server_cpu
        a.loadgen_cpu = cpus[1] if a.loadgen_cpu is None else a.loadgen_cpu
    raise_fd_limit()

    def on_signal(sig, frame):
        raise SystemExit(128 + sig)

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    failures = 0
    t0 = time.monotonic()
    with open(a.out, "a") as out:
        def emit(o):
            out.write(json.dumps(o) + "\n")
            out.flush()

        emit({"meta": "servers", "mode": a.mode, "conns": mode["conns"], "sizes": mode["sizes"],
              "warmup_s": mode["warmup"], "time_s": mode["time"], "churn": mode["churn"], "rounds": mode["rounds"],
              "churn_concurrency": CHURN_CONCURRENCY, "server_cpu": a.server_cpu, "loadgen_cpu": a.loadgen_cpu,
              "fd_limit": resource.getrlimit(resource.RLIMIT_NOFILE)[0], "jvm_flags": JVM_FLAGS,
              "loadavg": list(os.getloadavg())})
        try:
            for rnd in range(max(1, mode["rounds"])):
                failures += run_round(models, a, mode, emit, rnd)
        finally:
            for p in list(live):
                stop(p)
        emit({"meta": "servers-end", "failures": failures, "elapsed_s": round(time.monotonic() - t0, 1),
              "loadavg": list(os.getloadavg())})
    log(f"{len(models)} models in {time.monotonic() - t0:.0f} s, {failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
