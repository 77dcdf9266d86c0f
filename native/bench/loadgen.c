/*
 * loadgen.c — a many-connection, closed-loop load generator for ffsock's echo server benchmark.
 *
 * One thread, epoll, N TCP connections to one echo server on loopback. Each connection sends one
 * message of a fixed size and waits for the whole echo before it sends the next (closed loop);
 * every echoed byte is compared with what was sent. A message is the connection's own random body
 * with (connection, sequence number) stamped into every 64-byte block, so corruption, loss,
 * duplication, reordering or a reply sent to the wrong connection all show up as a mismatch.
 * Mismatches, resets, early EOFs and stalls are errors: reported and counted, exit status 1.
 *
 * Modes:
 *   echo (default)  connect N, warm up, then a measurement window: requests/s and latency
 *                   percentiles of the requests completed in the window; then the requests in
 *                   flight are drained (and checked) and the connections closed.
 *   --churn C       C connect / one echo / close cycles, --conns of them at a time (fd leak checks).
 *
 * With --notify PATH, "start" and "end" lines are written to PATH (a FIFO: the server's stdin in
 * benchmarks/servers.py) at the window's boundaries, so a server can measure what it does inside it.
 *
 * In echo mode the output also gives how busy each CPU was over the window (/proc/stat: the share of
 * its time not idle, interrupts and softirqs included) and this process's own CPU (getrusage), so a
 * reader can tell whether the server or the generator set the pace.
 *
 * Output: one JSON object on stdout; diagnostics on stderr. See README.md. Every loop is bounded in
 * time; traffic only to the given (loopback) address.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>

#define MAX_CONNS 100000
#define MAX_SIZE (1 << 20)
#define STAMP_STRIDE 64

static struct {
    const char *host;
    int port;
    int conns;
    int size;
    double warmup_s;
    double time_s;
    long churn;          /* > 0: churn mode, this many cycles */
    const char *notify;  /* FIFO for start/end lines, or NULL */
    int timeout_ms;      /* a request without its echo for this long is an error */
} opt = { .host = "127.0.0.1", .port = 0, .conns = 1, .size = 64, .warmup_s = 1.0, .time_s = 3.0,
          .churn = 0, .notify = NULL, .timeout_ms = 5000 };

/* ---------------------------------------------------------------------------------------------- */
/* time, errors                                                                                   */

static inline uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "loadgen: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(2);
}

static long g_errors;
static long g_wrong;   /* of which wrong bytes: a mismatch, or bytes nobody asked for */
static char g_first_error[200];

/* Counts an error; the first one is kept for the JSON line, the first few go to stderr. */
static void error(const char *fmt, ...)
{
    char msg[200];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    for (char *p = msg; *p; p++)
        if (*p == '"' || *p == '\\' || (unsigned char)*p < 0x20)
            *p = ' ';
    if (g_errors == 0)
        snprintf(g_first_error, sizeof g_first_error, "%s", msg);
    if (g_errors < 10)
        fprintf(stderr, "loadgen: error: %s\n", msg);
    g_errors++;
}

/* ---------------------------------------------------------------------------------------------- */
/* latency histogram: log-linear, 64 sub-buckets per power of two (< 1.6% error), values in ns    */

#define HIST_BUCKETS (64 * 64 + 128)
static uint64_t hist[HIST_BUCKETS];
static uint64_t hist_count;

static inline int hist_index(uint64_t v)
{
    if (v < 128)
        return (int)v;
    int shift = 63 - __builtin_clzll(v) - 6;
    int i = shift * 64 + (int)(v >> shift);
    return i < HIST_BUCKETS ? i : HIST_BUCKETS - 1;
}

static double hist_value(int i)  /* the middle of bucket i */
{
    if (i < 128)
        return i;
    int shift = i / 64 - 1;
    return ((double)(i - shift * 64) + 0.5) * (double)(1ull << shift);
}

static double hist_percentile(double p)
{
    if (hist_count == 0)
        return 0;
    uint64_t rank = (uint64_t)(p * (double)hist_count);
    if (rank >= hist_count)
        rank = hist_count - 1;
    uint64_t seen = 0;
    for (int i = 0; i < HIST_BUCKETS; i++) {
        seen += hist[i];
        if (seen > rank)
            return hist_value(i);
    }
    return hist_value(HIST_BUCKETS - 1);
}

/* ---------------------------------------------------------------------------------------------- */
/* connections                                                                                    */

struct conn {
    int fd;
    uint32_t id;
    uint32_t seq;       /* sequence number of the message in flight */
    int sent;           /* bytes of it sent */
    int got;            /* bytes of its echo received */
    int want_out;       /* EPOLLOUT registered (a partial send) */
    int busy;           /* a message is in flight */
    uint64_t t_send;    /* when its first byte was sent */
    unsigned char *out; /* the message */
    unsigned char *in;  /* its echo */
};

static struct conn *conns;
static int epfd;
static struct sockaddr_in server;
static int notify_fd = -1;

static uint64_t xorshift(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

/* The connection's random body, fixed for its life; stamp() makes each message unique. */
static void fill_body(struct conn *c)
{
    uint64_t s = 0x9e3779b97f4a7c15ull ^ ((uint64_t)c->id << 32 | 0x5bd1e995u);
    for (int i = 0; i < opt.size; i++)
        c->out[i] = (unsigned char)(xorshift(&s) >> 56);
}

/* (id, seq) into every 64-byte block (only what fits when the message is shorter than 8 bytes) */
static void stamp(struct conn *c)
{
    unsigned char tag[8];
    memcpy(tag, &c->id, 4);
    memcpy(tag + 4, &c->seq, 4);
    for (int off = 0; off < opt.size; off += STAMP_STRIDE) {
        int n = opt.size - off < 8 ? opt.size - off : 8;
        memcpy(c->out + off, tag, (size_t)n);
    }
}

static void set_events(struct conn *c, uint32_t ev)
{
    struct epoll_event e = { .events = ev, .data.u32 = c->id };
    if (epoll_ctl(epfd, EPOLL_CTL_MOD, c->fd, &e) < 0)
        error("epoll_ctl: %s", strerror(errno));
}

/* Blocking connect with a timeout (loopback: the kernel completes it without the server's help
 * unless its accept queue is full), then non-blocking, TCP_NODELAY, registered for EPOLLIN. */
static int open_conn(struct conn *c)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        error("socket: %s", strerror(errno));
        return -1;
    }
    struct timeval tv = { .tv_sec = opt.timeout_ms / 1000, .tv_usec = (opt.timeout_ms % 1000) * 1000 };
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
    if (connect(fd, (struct sockaddr *)&server, sizeof server) < 0) {
        error("connect %s:%d (connection %u): %s", opt.host, opt.port, c->id, strerror(errno));
        close(fd);
        return -1;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
    struct epoll_event e = { .events = EPOLLIN, .data.u32 = c->id };
    if (epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &e) < 0) {
        error("epoll_ctl: %s", strerror(errno));
        close(fd);
        return -1;
    }
    c->fd = fd;
    c->busy = c->want_out = 0;
    return 0;
}

static void close_conn(struct conn *c)
{
    if (c->fd >= 0)
        close(c->fd); /* also leaves the epoll set */
    c->fd = -1;
    c->busy = 0;
}

/* Sends what is left of the message; 0 when all of it is out or it waits for EPOLLOUT, -1 failed. */
static int push(struct conn *c)
{
    while (c->sent < opt.size) {
        ssize_t n = send(c->fd, c->out + c->sent, (size_t)(opt.size - c->sent), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN) {
                if (!c->want_out) {
                    set_events(c, EPOLLIN | EPOLLOUT);
                    c->want_out = 1;
                }
                return 0;
            }
            error("send (connection %u, message %u): %s", c->id, c->seq, strerror(errno));
            return -1;
        }
        c->sent += (int)n;
    }
    if (c->want_out) {
        set_events(c, EPOLLIN);
        c->want_out = 0;
    }
    return 0;
}

static int start_request(struct conn *c, uint64_t now)
{
    c->seq++;
    stamp(c);
    c->sent = c->got = 0;
    c->busy = 1;
    c->t_send = now;
    return push(c);
}

/* Compares a complete echo with the message; -1 (and an error) on the first wrong byte. */
static int check_echo(struct conn *c)
{
    if (memcmp(c->in, c->out, (size_t)opt.size) == 0)
        return 0;
    int i = 0;
    while (c->in[i] == c->out[i])
        i++;
    g_wrong++;
    error("connection %u, message %u: echoed byte %d is 0x%02x, sent 0x%02x", c->id, c->seq, i, c->in[i],
          c->out[i]);
    return -1;
}

/* Reads what is there of the echo. 1: complete and correct; 0: not yet; -1: failed (error counted). */
static int pull(struct conn *c)
{
    for (;;) {
        if (!c->busy) {
            /* nothing asked: any byte is one too many */
            unsigned char b;
            ssize_t n = recv(c->fd, &b, 1, MSG_DONTWAIT);
            if (n > 0) {
                g_wrong++;
                error("connection %u: %zd unexpected byte(s) after message %u", c->id, n, c->seq);
                return -1;
            }
            if (n == 0) {
                error("connection %u: closed by the server after message %u", c->id, c->seq);
                return -1;
            }
            if (errno == EAGAIN || errno == EINTR)
                return 0;
            error("recv (connection %u): %s", c->id, strerror(errno));
            return -1;
        }
        ssize_t n = recv(c->fd, c->in + c->got, (size_t)(opt.size - c->got), 0);
        if (n > 0) {
            c->got += (int)n;
            if (c->got < opt.size)
                continue;
            c->busy = 0;
            return check_echo(c) < 0 ? -1 : 1;
        }
        if (n == 0) {
            error("connection %u: closed by the server with %d of %d echoed bytes of message %u", c->id,
                  c->got, opt.size, c->seq);
            return -1;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN)
            return 0;
        error("recv (connection %u, message %u): %s", c->id, c->seq, strerror(errno));
        return -1;
    }
}

static void notify(const char *what)
{
    if (notify_fd < 0)
        return;
    char line[16];
    int n = snprintf(line, sizeof line, "%s\n", what);
    if (write(notify_fd, line, (size_t)n) != n)
        error("--notify: write: %s", strerror(errno));
}

/* Per-CPU time from /proc/stat, in ticks: busy (everything but idle and iowait) and total. */
#define MAX_CPUS 64
struct cpu_times {
    int n;
    unsigned long long busy[MAX_CPUS], total[MAX_CPUS];
    double self_s; /* this process's user + system seconds */
};

static void cpu_times(struct cpu_times *t)
{
    t->n = 0;
    struct rusage ru;
    t->self_s = getrusage(RUSAGE_SELF, &ru) == 0
        ? ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6 : 0;
    FILE *f = fopen("/proc/stat", "re");
    if (!f)
        return;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        int cpu;
        unsigned long long v[8] = { 0 };
        /* cpuN user nice system idle iowait irq softirq steal */
        if (sscanf(line, "cpu%d %llu %llu %llu %llu %llu %llu %llu %llu", &cpu, &v[0], &v[1], &v[2], &v[3], &v[4],
                   &v[5], &v[6], &v[7]) < 5 || cpu < 0 || cpu >= MAX_CPUS || cpu != t->n)
            continue;
        unsigned long long total = 0;
        for (int i = 0; i < 8; i++)
            total += v[i];
        t->total[cpu] = total;
        t->busy[cpu] = total - v[3] - v[4];
        t->n++;
    }
    fclose(f);
}

/* ,"cpus_busy":[...],"self_busy":x for the window between a and b (nothing when /proc/stat is unreadable). */
static void print_cpu_busy(const struct cpu_times *a, const struct cpu_times *b, double window)
{
    int n = a->n < b->n ? a->n : b->n;
    if (n == 0 || window <= 0)
        return;
    printf(",\"cpus_busy\":[");
    for (int i = 0; i < n; i++) {
        unsigned long long dt = b->total[i] - a->total[i];
        printf("%s%.3f", i ? "," : "", dt ? (double)(b->busy[i] - a->busy[i]) / (double)dt : 0.0);
    }
    printf("],\"self_busy\":%.3f", (b->self_s - a->self_s) / window);
}

/* Requests in flight for longer than the timeout are errors (their connection is closed). */
static int reap_stalled(uint64_t now)
{
    int lost = 0;
    uint64_t limit = (uint64_t)opt.timeout_ms * 1000000ull;
    for (int i = 0; i < opt.conns; i++) {
        struct conn *c = &conns[i];
        if (c->fd >= 0 && c->busy && now - c->t_send > limit) {
            error("connection %u, message %u: no complete echo after %d ms (%d of %d bytes)", c->id, c->seq,
                  opt.timeout_ms, c->got, opt.size);
            close_conn(c);
            lost++;
        }
    }
    return lost;
}

/* ---------------------------------------------------------------------------------------------- */
/* echo mode                                                                                      */

static int run_echo(void)
{
    int open = 0;
    for (int i = 0; i < opt.conns; i++)
        if (open_conn(&conns[i]) == 0)
            open++;
    if (open < opt.conns)
        return 1;
    uint64_t t0 = now_ns();
    uint64_t t_start = t0 + (uint64_t)(opt.warmup_s * 1e9);
    uint64_t t_end = t_start + (uint64_t)(opt.time_s * 1e9);
    uint64_t t_drain = t_end + (uint64_t)opt.timeout_ms * 1000000ull;
    for (int i = 0; i < opt.conns; i++)
        if (start_request(&conns[i], t0) < 0) {
            close_conn(&conns[i]);
            open--;
        }
    int phase = 0; /* 0 warm-up, 1 measuring, 2 draining */
    struct cpu_times cpu_start = { 0 }, cpu_end = { 0 };
    uint64_t requests = 0, t_window_end = t_end, last_reap = t0;
    struct epoll_event evs[256];
    int in_flight = open;
    while (in_flight > 0) {
        uint64_t now = now_ns();
        if (phase == 0 && now >= t_start) {
            cpu_times(&cpu_start);
            notify("start");
            phase = 1;
        }
        if (phase == 1 && now >= t_end) {
            notify("end");
            cpu_times(&cpu_end);
            t_window_end = now;
            phase = 2;
        }
        if (phase == 2 && now >= t_drain)
            break;
        if (now - last_reap > 100000000ull) {
            in_flight -= reap_stalled(now);
            last_reap = now;
        }
        uint64_t next = phase == 0 ? t_start : phase == 1 ? t_end : t_drain;
        int wait_ms = (int)((next - now) / 1000000ull) + 1;
        if (wait_ms > 100)
            wait_ms = 100;
        int n = epoll_wait(epfd, evs, 256, wait_ms);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            die("epoll_wait: %s", strerror(errno));
        }
        now = now_ns();
        for (int k = 0; k < n; k++) {
            struct conn *c = &conns[evs[k].data.u32];
            if (c->fd < 0)
                continue;
            if ((evs[k].events & EPOLLOUT) && c->busy && push(c) < 0) {
                close_conn(c);
                in_flight--;
                continue;
            }
            if (!(evs[k].events & (EPOLLIN | EPOLLERR | EPOLLHUP)))
                continue;
            int r = pull(c);
            if (r < 0) {
                close_conn(c);
                in_flight--;
                continue;
            }
            if (r == 0)
                continue;
            if (phase == 1) {
                hist[hist_index(now - c->t_send)]++;
                hist_count++;
                requests++;
            }
            if (phase == 2) {
                in_flight--; /* drained: no new request */
                continue;
            }
            if (start_request(c, now) < 0) {
                close_conn(c);
                in_flight--;
            }
        }
    }
    if (phase < 2) { /* every connection failed before the window ended */
        if (phase == 1) {
            notify("end");
            cpu_times(&cpu_end);
        }
        t_window_end = now_ns();
    }
    if (in_flight > 0)
        error("%d request(s) still without their echo %d ms after the window", in_flight, opt.timeout_ms);
    for (int i = 0; i < opt.conns; i++)
        close_conn(&conns[i]);
    double window = phase >= 1 ? (double)(t_window_end - t_start) / 1e9 : 0;
    printf("{\"case\":\"echo\",\"conns\":%d,\"size\":%d,\"warmup_s\":%g,\"time_s\":%.3f,\"requests\":%llu,"
           "\"rps\":%.0f,\"p50_us\":%.2f,\"p99_us\":%.2f,\"p999_us\":%.2f,\"errors\":%ld,\"wrong\":%ld%s%s%s",
           opt.conns, opt.size, opt.warmup_s, window, (unsigned long long)requests,
           window > 0 ? (double)requests / window : 0.0, hist_percentile(0.5) / 1e3, hist_percentile(0.99) / 1e3,
           hist_percentile(0.999) / 1e3, g_errors, g_wrong, g_errors ? ",\"error\":\"" : "", g_errors ? g_first_error : "",
           g_errors ? "\"" : "");
    if (phase >= 1)
        print_cpu_busy(&cpu_start, &cpu_end, window);
    printf("}\n");
    return g_errors ? 1 : 0;
}

/* ---------------------------------------------------------------------------------------------- */
/* churn mode: connect, one echo, close; --conns cycles at a time                                 */

static int run_churn(void)
{
    uint64_t t0 = now_ns();
    /* bound: the cycles at 100 per second at least, plus the timeout */
    uint64_t deadline = t0 + (uint64_t)(opt.churn / 100 + 1) * 1000000000ull + (uint64_t)opt.timeout_ms * 1000000ull;
    long started = 0, done = 0;
    int active = 0;
    for (int i = 0; i < opt.conns && started < opt.churn; i++) {
        started++;
        if (open_conn(&conns[i]) < 0 || start_request(&conns[i], now_ns()) < 0) {
            close_conn(&conns[i]);
            continue;
        }
        active++;
    }
    struct epoll_event evs[256];
    uint64_t last_reap = t0;
    while (active > 0 && now_ns() < deadline) {
        int n = epoll_wait(epfd, evs, 256, 100);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            die("epoll_wait: %s", strerror(errno));
        }
        uint64_t now = now_ns();
        if (now - last_reap > 100000000ull) {
            active -= reap_stalled(now);
            last_reap = now;
        }
        for (int k = 0; k < n; k++) {
            struct conn *c = &conns[evs[k].data.u32];
            if (c->fd < 0)
                continue;
            int r = 0;
            if ((evs[k].events & EPOLLOUT) && push(c) < 0)
                r = -1;
            if (r == 0 && (evs[k].events & (EPOLLIN | EPOLLERR | EPOLLHUP)))
                r = pull(c);
            if (r == 0)
                continue;
            close_conn(c);
            active--;
            if (r > 0)
                done++;
            while (started < opt.churn) { /* the next cycle in this slot */
                started++;
                if (open_conn(c) == 0 && start_request(c, now_ns()) == 0) {
                    active++;
                    break;
                }
                close_conn(c);
            }
        }
    }
    if (active > 0)
        error("%d cycle(s) unfinished at the deadline", active);
    for (int i = 0; i < opt.conns; i++)
        close_conn(&conns[i]);
    double el = (double)(now_ns() - t0) / 1e9;
    printf("{\"case\":\"churn\",\"cycles\":%ld,\"done\":%ld,\"concurrency\":%d,\"size\":%d,\"elapsed_s\":%.3f,"
           "\"cycles_per_s\":%.0f,\"errors\":%ld,\"wrong\":%ld%s%s%s}\n",
           opt.churn, done, opt.conns, opt.size, el, el > 0 ? (double)done / el : 0.0, g_errors, g_wrong,
           g_errors ? ",\"error\":\"" : "", g_errors ? g_first_error : "", g_errors ? "\"" : "");
    return g_errors || done != opt.churn ? 1 : 0;
}

/* ---------------------------------------------------------------------------------------------- */

static void usage(void)
{
    fprintf(stderr,
            "usage: loadgen --port P [--host A] [--conns N] [--size B] [--warmup S] [--time S]\n"
            "               [--churn CYCLES] [--notify FIFO] [--timeout-ms MS]\n");
    exit(2);
}

static double parse_num(const char *name, const char *v, double lo, double hi)
{
    char *end;
    double d = strtod(v, &end);
    if (*v == 0 || *end != 0 || d < lo || d > hi)
        die("%s: %s is not a number in [%g, %g]", name, v, lo, hi);
    return d;
}

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)
            usage();
        if (!v)
            usage();
        i++;
        if (strcmp(a, "--host") == 0)
            opt.host = v;
        else if (strcmp(a, "--port") == 0)
            opt.port = (int)parse_num(a, v, 1, 65535);
        else if (strcmp(a, "--conns") == 0)
            opt.conns = (int)parse_num(a, v, 1, MAX_CONNS);
        else if (strcmp(a, "--size") == 0)
            opt.size = (int)parse_num(a, v, 1, MAX_SIZE);
        else if (strcmp(a, "--warmup") == 0)
            opt.warmup_s = parse_num(a, v, 0, 3600);
        else if (strcmp(a, "--time") == 0)
            opt.time_s = parse_num(a, v, 0.01, 3600);
        else if (strcmp(a, "--churn") == 0)
            opt.churn = (long)parse_num(a, v, 1, 1e9);
        else if (strcmp(a, "--notify") == 0)
            opt.notify = v;
        else if (strcmp(a, "--timeout-ms") == 0)
            opt.timeout_ms = (int)parse_num(a, v, 1, 600000);
        else
            usage();
    }
    if (opt.port == 0)
        usage();
    memset(&server, 0, sizeof server);
    server.sin_family = AF_INET;
    server.sin_port = htons((uint16_t)opt.port);
    if (inet_pton(AF_INET, opt.host, &server.sin_addr) != 1)
        die("--host: %s is not an IPv4 address", opt.host);
    if (opt.notify && (notify_fd = open(opt.notify, O_WRONLY | O_NONBLOCK | O_CLOEXEC)) < 0)
        die("--notify %s: %s", opt.notify, strerror(errno));
    struct rlimit rl;
    if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < (rlim_t)opt.conns + 64) {
        rl.rlim_cur = rl.rlim_max < (rlim_t)opt.conns + 64 ? rl.rlim_max : (rlim_t)opt.conns + 64;
        setrlimit(RLIMIT_NOFILE, &rl);
    }
    signal(SIGPIPE, SIG_IGN);
    if ((epfd = epoll_create1(EPOLL_CLOEXEC)) < 0)
        die("epoll_create1: %s", strerror(errno));
    conns = calloc((size_t)opt.conns, sizeof *conns);
    unsigned char *bufs = malloc((size_t)opt.conns * (size_t)opt.size * 2);
    if (!conns || !bufs)
        die("out of memory");
    for (int i = 0; i < opt.conns; i++) {
        conns[i].fd = -1;
        conns[i].id = (uint32_t)i;
        conns[i].out = bufs + (size_t)i * (size_t)opt.size * 2;
        conns[i].in = conns[i].out + opt.size;
        fill_body(&conns[i]);
    }
    return opt.churn > 0 ? run_churn() : run_echo();
}
