/*
 * ffbench.c — the C floor for ffsock's benchmarks.
 *
 * Measures, with plain libc calls, exactly what the JMH benchmarks measure, and prints one JSON
 * object per line on stdout (diagnostics go to stderr). See README.md for cases, flags and format.
 *
 * Build: gcc -O2 -pthread (see Makefile). Linux only; network traffic only on loopback / AF_UNIX
 * (plus NETLINK_ROUTE dumps). Every loop is bounded in count and in time.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <netinet/udp.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/if_link.h>
#include <linux/if_addr.h>
#include <linux/sock_diag.h>

#ifndef UDP_SEGMENT
#define UDP_SEGMENT 103
#endif
#ifndef UDP_GRO
#define UDP_GRO 104
#endif
#ifndef SOL_UDP
#define SOL_UDP 17
#endif
#ifndef NETLINK_GET_STRICT_CHK
#define NETLINK_GET_STRICT_CHK 12
#endif

#define MAX_SIZES 16
#define MAX_BATCHES 1000
#define UDP_MAX_PAYLOAD 65507

/* ------------------------------------------------------------------------------------------ */
/* options                                                                                     */

static struct {
    double time_s;      /* measured time per case (split over the batches) */
    double warmup_s;    /* unmeasured warm-up per case */
    int batches;        /* timed batches = samples per case */
    long long max_iters;/* hard cap on operations per batch */
    int sizes[MAX_SIZES];
    int nsizes;         /* 0 = per-group defaults */
    int udp_size;       /* udp_tput datagram (segment) size */
    int udp_batch;      /* datagrams per sendmmsg/recvmmsg, segments per GSO send */
    long window;        /* udp_tput: max datagrams in flight (sent - received); 0 = unpaced, -1 = auto */
    int bulk_size;      /* tcp_bulk write size (and read buffer size) */
    int protocol;       /* netlink.route_proto: rtm_protocol filter; -1 = case not run */
    int nl_buf;         /* netlink: 0 = size each recv via MSG_PEEK|MSG_TRUNC; N = fixed N-byte buffer */
    int timeout_ms;     /* I/O timeout for blocking calls (SO_RCVTIMEO/SO_SNDTIMEO) */
    int cpus[2];
    int cpus_set;
    int pin;            /* blocking pingpong: PIN_NONE / PIN_SPLIT / PIN_SAME */
    int raw;            /* also print per-batch values */
    int quick;
} opt = {
    .time_s = 2.5, .warmup_s = 0.5, .batches = 10, .max_iters = 100000000LL,
    .udp_size = 64, .udp_batch = 32, .window = -1, .bulk_size = 65536,
    .protocol = -1, .timeout_ms = 2000,
};

enum { PIN_NONE, PIN_SPLIT, PIN_SAME };
static const char *pin_name[] = { "none", "split", "same" };

static int g_errors;

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "ffbench: ");
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\n");
    va_end(ap);
    exit(2);
}

/* ------------------------------------------------------------------------------------------ */
/* time, stats, output                                                                         */

static inline uint64_t now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

static void sleep_until(uint64_t t)
{
    struct timespec ts = { .tv_sec = (time_t)(t / 1000000000ull), .tv_nsec = (long)(t % 1000000000ull) };
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR)
        ;
}

static void sleep_ms(int ms)
{
    sleep_until(now_ns() + (uint64_t)ms * 1000000ull);
}

static inline void cpu_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#else
    __asm__ __volatile__("" ::: "memory");
#endif
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* linear interpolation between closest ranks (numpy's default) */
static double percentile(const double *sorted, int n, double p)
{
    if (n <= 0)
        return 0;
    double r = p * (n - 1);
    int i = (int)r;
    if (i + 1 >= n)
        return sorted[n - 1];
    return sorted[i] + (sorted[i + 1] - sorted[i]) * (r - i);
}

static void json_num(char *out, size_t cap, double v)
{
    if (v != v || v > 1e300 || v < -1e300)
        snprintf(out, cap, "null");
    else if (v >= 1e6 || v <= -1e6)
        snprintf(out, cap, "%.0f", v);
    else
        snprintf(out, cap, "%.6g", v);
}

/* One result line. vals are per-batch values in `unit`; extra is ",\"k\":v,..." or "". */
static void emit(const char *name, int size, const char *unit, const double *vals, int n,
                 long long ops, const char *extra)
{
    double s[MAX_BATCHES];
    char med[32], p10[32], p90[32], mn[32], mx[32];
    memcpy(s, vals, sizeof(double) * (size_t)n);
    qsort(s, (size_t)n, sizeof(double), cmp_double);
    json_num(med, sizeof med, percentile(s, n, 0.5));
    json_num(p10, sizeof p10, percentile(s, n, 0.1));
    json_num(p90, sizeof p90, percentile(s, n, 0.9));
    json_num(mn, sizeof mn, s[0]);
    json_num(mx, sizeof mx, s[n - 1]);
    printf("{\"case\":\"%s\",\"size\":%d,\"unit\":\"%s\",\"median\":%s,\"p10\":%s,\"p90\":%s,"
           "\"min\":%s,\"max\":%s,\"samples\":%d,\"ops\":%lld%s",
           name, size, unit, med, p10, p90, mn, mx, n, ops, extra ? extra : "");
    if (opt.raw) {
        printf(",\"values\":[");
        for (int i = 0; i < n; i++) {
            char b[32];
            json_num(b, sizeof b, vals[i]);
            printf("%s%s", i ? "," : "", b);
        }
        printf("]");
    }
    printf("}\n");
    fflush(stdout);
}

static void emit_status(const char *name, int size, const char *key, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    for (char *p = msg; *p; p++)
        if (*p == '"' || *p == '\\' || (unsigned char)*p < 0x20)
            *p = ' ';
    printf("{\"case\":\"%s\",\"size\":%d,\"%s\":\"%s\"}\n", name, size, key, msg);
    fflush(stdout);
    if (strcmp(key, "error") == 0) {
        g_errors++;
        fprintf(stderr, "ffbench: %s size %d: %s\n", name, size, msg);
    }
}

/* the 1/5/15-minute load averages, as JSON numbers "a,b,c" (other load distorts every case) */
static void loadavg(char *out, size_t cap)
{
    double a = -1, b = -1, c = -1;
    FILE *f = fopen("/proc/loadavg", "r");
    if (f) {
        if (fscanf(f, "%lf %lf %lf", &a, &b, &c) != 3)
            a = b = c = -1;
        fclose(f);
    }
    snprintf(out, cap, "%.2f,%.2f,%.2f", a, b, c);
}

/* ------------------------------------------------------------------------------------------ */
/* case selection                                                                              */

static char **g_patterns;
static int g_npatterns;

static int selected(const char *name)
{
    if (g_npatterns == 0)
        return strcmp(name, "netlink.route_proto") != 0 || opt.protocol >= 0;
    for (int i = 0; i < g_npatterns; i++) {
        const char *p = g_patterns[i];
        size_t l = strlen(p);
        if (strcmp(p, "all") == 0 || strcmp(p, name) == 0)
            return 1;
        if (strncmp(p, name, l) == 0 && name[l] == '.')
            return 1;
    }
    return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* generic latency measurement: op(ctx, n) performs n operations, returns 0 or -1 (errno set)  */

typedef int (*op_fn)(void *ctx, long n);

/* Fills vals[opt.batches] with ns per operation; returns total measured ops or -1. */
static long long measure(op_fn op, void *ctx, long stride, double *vals)
{
    uint64_t t = now_ns();
    uint64_t end = t + (uint64_t)(opt.warmup_s * 1e9);
    long long n = 0;
    do {
        if (op(ctx, stride))
            return -1;
        n += stride;
    } while (now_ns() < end && n < opt.max_iters);

    uint64_t batch_ns = (uint64_t)(opt.time_s * 1e9 / opt.batches);
    long long total = 0;
    for (int b = 0; b < opt.batches; b++) {
        uint64_t t0 = now_ns(), e = t0 + batch_ns, t1;
        n = 0;
        do {
            if (op(ctx, stride))
                return -1;
            n += stride;
            t1 = now_ns();
        } while (t1 < e && n < opt.max_iters);
        vals[b] = (double)(t1 - t0) / (double)n;
        total += n;
    }
    return total;
}

static void scale(double *vals, int n, double div)
{
    for (int i = 0; i < n; i++)
        vals[i] /= div;
}

/* ------------------------------------------------------------------------------------------ */
/* socket pairs                                                                                */

enum kind { K_TCP, K_UNIX_STREAM, K_UNIX_SEQPACKET, K_UNIX_DGRAM, K_UDP };
static const char *kind_name[] = { "tcp", "unix_stream", "unix_seqpacket", "unix_dgram", "udp" };

static int is_stream(enum kind k) { return k == K_TCP || k == K_UNIX_STREAM; }

static void set_timeouts(int fd, int ms)
{
    struct timeval tv = { .tv_sec = ms / 1000, .tv_usec = (ms % 1000) * 1000 };
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

static int loopback_socket(int type, struct sockaddr_in *bound)
{
    int fd = socket(AF_INET, type | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t l = sizeof a;
    if (bind(fd, (struct sockaddr *)&a, sizeof a) || getsockname(fd, (struct sockaddr *)bound, &l)) {
        close(fd);
        return -1;
    }
    return fd;
}

/* Connected pair of the given kind: fds[0] and fds[1]. Returns 0 or -1 (errno set). */
static int make_pair(enum kind k, int fds[2])
{
    int one = 1;
    switch (k) {
    case K_UNIX_STREAM:
        return socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds);
    case K_UNIX_SEQPACKET:
        return socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, fds);
    case K_UNIX_DGRAM:
        return socketpair(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0, fds);
    case K_TCP: {
        struct sockaddr_in a;
        int l = loopback_socket(SOCK_STREAM, &a);
        if (l < 0)
            return -1;
        int c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        if (c < 0 || listen(l, 1) || connect(c, (struct sockaddr *)&a, sizeof a)) {
            int e = errno;
            close(l);
            if (c >= 0)
                close(c);
            errno = e;
            return -1;
        }
        int s = accept4(l, NULL, NULL, SOCK_CLOEXEC);
        int e = errno;
        close(l);
        if (s < 0) {
            close(c);
            errno = e;
            return -1;
        }
        setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        fds[0] = c;
        fds[1] = s;
        return 0;
    }
    case K_UDP: {
        struct sockaddr_in a, b;
        int x = loopback_socket(SOCK_DGRAM, &a);
        if (x < 0)
            return -1;
        int y = loopback_socket(SOCK_DGRAM, &b);
        if (y < 0 || connect(x, (struct sockaddr *)&b, sizeof b) ||
            connect(y, (struct sockaddr *)&a, sizeof a)) {
            int e = errno;
            close(x);
            if (y >= 0)
                close(y);
            errno = e;
            return -1;
        }
        fds[0] = x;
        fds[1] = y;
        return 0;
    }
    }
    errno = EINVAL;
    return -1;
}

/* ------------------------------------------------------------------------------------------ */
/* CPU pinning (busy-poll)                                                                     */

static int pick_cpus(int out[2])
{
    if (opt.cpus_set) {
        out[0] = opt.cpus[0];
        out[1] = opt.cpus[1];
        return 1;
    }
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set))
        return 0;
    if (CPU_COUNT(&set) < 2)
        return 0;
    int n = 0;
    for (int c = 0; c < CPU_SETSIZE && n < 2; c++)
        if (CPU_ISSET(c, &set))
            out[n++] = c;
    return n == 2;
}

static int pin_self(int cpu)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    return pthread_setaffinity_np(pthread_self(), sizeof set, &set);
}

/* ------------------------------------------------------------------------------------------ */
/* 1 + 3: ping-pong between two threads (blocking or busy-poll)                                */

struct pp {
    int cfd, sfd;
    int size;
    int stream;
    int busy;
    int server_cpu;     /* -1 = not pinned */
    char *cbuf, *sbuf;
    atomic_int stop;
    uint64_t deadline;  /* hard deadline for busy spins */
    int server_errno;
};

/* 0 ok, 1 stopped, -1 error (errno set) */
static int pp_send(struct pp *p, int fd, const char *buf, int n)
{
    int off = 0, fl = MSG_NOSIGNAL | (p->busy ? MSG_DONTWAIT : 0);
    unsigned spins = 0;
    while (off < n) {
        ssize_t r = send(fd, buf + off, (size_t)(n - off), fl);
        if (r > 0) {
            off += (int)r;
            continue;
        }
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) && p->busy) {
            if (atomic_load_explicit(&p->stop, memory_order_relaxed))
                return 1;
            if ((++spins & 4095) == 0 && now_ns() > p->deadline) {
                errno = ETIMEDOUT;
                return -1;
            }
            continue;
        }
        if (r == 0)
            errno = EIO;
        return -1;
    }
    return 0;
}

static int pp_recv(struct pp *p, int fd, char *buf, int n)
{
    int off = 0, fl = p->busy ? MSG_DONTWAIT : 0;
    unsigned spins = 0;
    while (off < n) {
        ssize_t r = recv(fd, buf + off, (size_t)(n - off), fl);
        if (r > 0) {
            if (!p->stream && r != n) {
                errno = EMSGSIZE;
                return -1;
            }
            off += (int)r;
            continue;
        }
        if (r == 0) {
            errno = ECONNRESET;
            return -1;
        }
        if (errno == EINTR)
            continue;
        if (errno == EAGAIN || errno == EWOULDBLOCK) {
            if (atomic_load_explicit(&p->stop, memory_order_relaxed))
                return 1;
            if (!p->busy) {     /* SO_RCVTIMEO expired */
                errno = ETIMEDOUT;
                return -1;
            }
            if ((++spins & 4095) == 0 && now_ns() > p->deadline) {
                errno = ETIMEDOUT;
                return -1;
            }
            continue;
        }
        return -1;
    }
    return 0;
}

static void *pp_server(void *arg)
{
    struct pp *p = arg;
    if (p->server_cpu >= 0)
        pin_self(p->server_cpu);
    for (;;) {
        int r = pp_recv(p, p->sfd, p->sbuf, p->size);
        if (r) {
            if (r < 0)
                p->server_errno = errno;
            break;
        }
        if (atomic_load(&p->stop))
            break;
        r = pp_send(p, p->sfd, p->sbuf, p->size);
        if (r) {
            if (r < 0)
                p->server_errno = errno;
            break;
        }
    }
    return NULL;
}

static int pp_op(void *ctx, long n)
{
    struct pp *p = ctx;
    for (long i = 0; i < n; i++) {
        if (pp_send(p, p->cfd, p->cbuf, p->size) || pp_recv(p, p->cfd, p->cbuf, p->size))
            return -1;
    }
    return 0;
}

static void run_pingpong(const char *group, enum kind k, int size, int busy)
{
    char name[64];
    snprintf(name, sizeof name, "%s.%s", group, kind_name[k]);
    if (k == K_UDP && size > UDP_MAX_PAYLOAD) {
        emit_status(name, size, "skipped", "size exceeds UDP payload limit %d", UDP_MAX_PAYLOAD);
        return;
    }
    int fds[2];
    if (make_pair(k, fds)) {
        emit_status(name, size, "error", "socket pair: %s", strerror(errno));
        return;
    }
    struct pp p = { .cfd = fds[0], .sfd = fds[1], .size = size, .stream = is_stream(k),
                    .busy = busy, .server_cpu = -1 };
    atomic_init(&p.stop, 0);
    p.cbuf = calloc(1, (size_t)size);
    p.sbuf = calloc(1, (size_t)size);
    memset(p.cbuf, 0x5a, (size_t)size);
    set_timeouts(p.cfd, opt.timeout_ms);
    set_timeouts(p.sfd, opt.timeout_ms);
    if (busy) {
        fcntl(p.cfd, F_SETFL, fcntl(p.cfd, F_GETFL) | O_NONBLOCK);
        fcntl(p.sfd, F_SETFL, fcntl(p.sfd, F_GETFL) | O_NONBLOCK);
    }
    if (size > 65536 && !p.stream) {
        int b = size * 4;
        setsockopt(p.cfd, SOL_SOCKET, SO_SNDBUF, &b, sizeof b);
        setsockopt(p.sfd, SOL_SOCKET, SO_SNDBUF, &b, sizeof b);
    }
    p.deadline = now_ns() + (uint64_t)((opt.warmup_s + opt.time_s) * 1e9) + 10000000000ull;

    /* busypoll: always split across two CPUs if there are two; blocking: per --pin */
    int pin = busy ? PIN_SPLIT : opt.pin;
    int cpus[2], pinned = 0;
    cpu_set_t saved;
    sched_getaffinity(0, sizeof saved, &saved);
    if (pin != PIN_NONE && pick_cpus(cpus)) {
        if (pin == PIN_SAME)
            cpus[1] = cpus[0];
        if (pin_self(cpus[0]) == 0) {
            pinned = 1;
            p.server_cpu = cpus[1];
        }
    } else if (pin == PIN_SAME && CPU_COUNT(&saved) == 1) {
        pinned = 1;     /* only one CPU allowed: trivially "same" */
    }

    pthread_t th;
    if (pthread_create(&th, NULL, pp_server, &p)) {
        emit_status(name, size, "error", "pthread_create failed");
        goto out;
    }
    double vals[MAX_BATCHES];
    long long ops = measure(pp_op, &p, 1, vals);
    int err = errno;

    atomic_store(&p.stop, 1);
    if (!busy && ops >= 0)
        pp_send(&p, p.cfd, p.cbuf, p.size);    /* wake the server; it sees stop and exits */
    if (ops < 0)
        shutdown(p.cfd, SHUT_RDWR);
    pthread_join(th, NULL);

    if (ops < 0) {
        emit_status(name, size, "error", "client: %s; server: %s", strerror(err),
                    p.server_errno ? strerror(p.server_errno) : "ok");
    } else {
        char extra[96];
        scale(vals, opt.batches, 1000.0);
        if (pinned && p.server_cpu >= 0)
            snprintf(extra, sizeof extra, ",\"pin\":\"%s\",\"cpus\":[%d,%d]", pin_name[pin], cpus[0], cpus[1]);
        else
            snprintf(extra, sizeof extra, ",\"pin\":\"%s\"", pinned ? pin_name[pin] : "none");
        emit(name, size, "us/op", vals, opt.batches, ops, extra);
    }
out:
    if (pinned)
        sched_setaffinity(0, sizeof saved, &saved);
    close(p.cfd);
    close(p.sfd);
    free(p.cbuf);
    free(p.sbuf);
}

/* ------------------------------------------------------------------------------------------ */
/* 2: single-thread kernel round trip: send on one end, recv on the other                      */

struct kr {
    int a, b, size, stream;
    char *sbuf, *rbuf;
};

static int kr_op(void *ctx, long n)
{
    struct kr *k = ctx;
    int size = k->size;
    for (long i = 0; i < n; i++) {
        if (!k->stream) {
            if (send(k->a, k->sbuf, (size_t)size, MSG_NOSIGNAL) != size)
                return -1;
            if (recv(k->b, k->rbuf, (size_t)size, 0) != size)
                return -1;
            continue;
        }
        /* stream: send what fits, drain, repeat (a single thread cannot block in send) */
        int s = 0, r = 0;
        long spins = 0;
        while (r < size) {
            if (s < size) {
                ssize_t x = send(k->a, k->sbuf + s, (size_t)(size - s), MSG_DONTWAIT | MSG_NOSIGNAL);
                if (x > 0)
                    s += (int)x;
                else if (x < 0 && errno != EAGAIN && errno != EINTR)
                    return -1;
            }
            ssize_t y = recv(k->b, k->rbuf + r, (size_t)(size - r), s < size ? MSG_DONTWAIT : 0);
            if (y > 0)
                r += (int)y;
            else if (y == 0) {
                errno = ECONNRESET;
                return -1;
            } else if (errno != EAGAIN && errno != EINTR)
                return -1;
            else if (s == size || ++spins > 10000000) {
                errno = ETIMEDOUT;
                return -1;
            }
        }
    }
    return 0;
}

static void run_kernel(enum kind kd, int size)
{
    char name[64];
    snprintf(name, sizeof name, "kernel.%s", kind_name[kd]);
    if (kd == K_UDP && size > UDP_MAX_PAYLOAD) {
        emit_status(name, size, "skipped", "size exceeds UDP payload limit %d", UDP_MAX_PAYLOAD);
        return;
    }
    int fds[2];
    if (make_pair(kd, fds)) {
        emit_status(name, size, "error", "socket pair: %s", strerror(errno));
        return;
    }
    struct kr k = { .a = fds[0], .b = fds[1], .size = size, .stream = is_stream(kd) };
    k.sbuf = calloc(1, (size_t)size);
    k.rbuf = calloc(1, (size_t)size);
    memset(k.sbuf, 0x5a, (size_t)size);
    set_timeouts(k.a, opt.timeout_ms);
    set_timeouts(k.b, opt.timeout_ms);
    double vals[MAX_BATCHES];
    long long ops = measure(kr_op, &k, size >= 4096 ? 1 : 16, vals);
    if (ops < 0)
        emit_status(name, size, "error", "%s", strerror(errno));
    else
        emit(name, size, "ns/op", vals, opt.batches, ops, "");
    close(k.a);
    close(k.b);
    free(k.sbuf);
    free(k.rbuf);
}

/* ------------------------------------------------------------------------------------------ */
/* 6: one cheap syscall                                                                        */

static int gso_op(void *ctx, long n)
{
    int fd = *(int *)ctx;
    for (long i = 0; i < n; i++) {
        int v;
        socklen_t l = sizeof v;
        if (getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &l))
            return -1;
    }
    return 0;
}

static void run_syscall(void)
{
    const char *name = "syscall.getsockopt";
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        emit_status(name, 0, "error", "socket: %s", strerror(errno));
        return;
    }
    double vals[MAX_BATCHES];
    long long ops = measure(gso_op, &fd, 1024, vals);
    if (ops < 0)
        emit_status(name, 0, "error", "%s", strerror(errno));
    else
        emit(name, 0, "ns/op", vals, opt.batches, ops, ",\"socket\":\"inet_dgram\",\"optname\":\"SO_TYPE\"");
    close(fd);
}

/* ------------------------------------------------------------------------------------------ */
/* 4: UDP throughput                                                                           */

enum udp_mode { U_SENDTO, U_MMSG, U_GSO };
static const char *udp_mode_name[] = { "sendto", "mmsg", "gso_gro" };

struct tp {
    int sfd, rfd;
    int size, batch;
    enum udp_mode mode;
    long window;
    struct sockaddr_in dst;
    /* datagrams (GSO: segments); each counter on its own cache line (written by one thread) */
    _Alignas(128) _Atomic unsigned long long sent;
    _Alignas(128) _Atomic unsigned long long rcvd;
    _Alignas(128) atomic_int stop_send;
    atomic_int stop_recv;
    int serr, rerr;
    unsigned long long gro_msgs;            /* recvmsg calls that returned data (GSO mode) */
    unsigned long long resyncs;             /* window resyncs after losses (see udp_sender) */
    uint64_t deadline;
};

static void *udp_sender(void *arg)
{
    struct tp *t = arg;
    int seg = t->size, bat = t->batch;
    char *buf = calloc((size_t)bat, (size_t)seg);
    struct mmsghdr *mm = calloc((size_t)bat, sizeof *mm);
    struct iovec *iov = calloc((size_t)bat, sizeof *iov);
    memset(buf, 0x5a, (size_t)bat * (size_t)seg);
    for (int i = 0; i < bat; i++) {
        iov[i].iov_base = buf + (size_t)i * (size_t)seg;
        iov[i].iov_len = (size_t)seg;
        mm[i].msg_hdr.msg_iov = &iov[i];
        mm[i].msg_hdr.msg_iovlen = 1;
        mm[i].msg_hdr.msg_name = &t->dst;
        mm[i].msg_hdr.msg_namelen = sizeof t->dst;
    }
    /*
     * Pacing: keep at most `window` datagrams in flight (sent - received - lost). The default
     * window is sized so that losses should not happen at all. Lost datagrams never arrive, so
     * while the window is full, `lost` is refreshed (at most once per ms) from the receive
     * socket's drop counter (SO_MEMINFO, SK_MEMINFO_DROPS); as a last resort, after 100 ms
     * without progress and an empty receive queue, the whole gap is written off as lost.
     */
    unsigned long long sent = 0, rcvd_seen = 0, lost = 0, stall_rcvd = 0;
    uint64_t stall_t0 = now_ns(), last_check = 0;
    unsigned spins = 0;
    while (!atomic_load_explicit(&t->stop_send, memory_order_relaxed)) {
        /* re-read the receiver's counter only when the cached value says the window is full */
        if (t->window > 0 && sent - lost - rcvd_seen > (unsigned long long)t->window &&
            sent - lost - (rcvd_seen = atomic_load_explicit(&t->rcvd, memory_order_relaxed)) >
                (unsigned long long)t->window) {
            cpu_relax();
            if ((++spins & 255) == 0) {
                sched_yield();
                uint64_t now = now_ns();
                if (now > t->deadline) {
                    t->serr = ETIMEDOUT;
                    break;
                }
                if (rcvd_seen != stall_rcvd) {
                    stall_rcvd = rcvd_seen;
                    stall_t0 = now;
                }
                if (now - last_check > 1000000) {
                    uint32_t mi[SK_MEMINFO_VARS];
                    socklen_t ml = sizeof mi;
                    last_check = now;
                    if (getsockopt(t->rfd, SOL_SOCKET, SO_MEMINFO, mi, &ml) == 0) {
                        if (ml > SK_MEMINFO_DROPS * sizeof(uint32_t) && mi[SK_MEMINFO_DROPS] > lost) {
                            lost = mi[SK_MEMINFO_DROPS];
                            t->resyncs++;
                        } else if (now - stall_t0 > 100000000 && mi[SK_MEMINFO_RMEM_ALLOC] == 0) {
                            lost = sent - rcvd_seen;
                            t->resyncs++;
                            stall_t0 = now;
                        }
                    }
                }
            }
            continue;
        }
        ssize_t r = 0;
        switch (t->mode) {
        case U_SENDTO:
            r = sendto(t->sfd, buf, (size_t)seg, 0, (struct sockaddr *)&t->dst, sizeof t->dst);
            if (r == seg)
                sent++;
            break;
        case U_MMSG:
            r = sendmmsg(t->sfd, mm, (unsigned)bat, 0);
            if (r > 0)
                sent += (unsigned long long)r;
            break;
        case U_GSO:
            r = sendto(t->sfd, buf, (size_t)bat * (size_t)seg, 0, (struct sockaddr *)&t->dst, sizeof t->dst);
            if (r == (ssize_t)bat * seg)
                sent += (unsigned long long)bat;
            break;
        }
        if (r < 0 && errno != EAGAIN && errno != ENOBUFS && errno != EINTR) {
            t->serr = errno;
            break;
        }
        atomic_store_explicit(&t->sent, sent, memory_order_relaxed);
    }
    atomic_store(&t->sent, sent);
    free(buf);
    free(mm);
    free(iov);
    return NULL;
}

static void *udp_receiver(void *arg)
{
    struct tp *t = arg;
    int bat = t->batch;
    const size_t slot = 2048;
    size_t cap = t->mode == U_GSO ? 65536 : slot * (size_t)bat;
    char *buf = malloc(cap);
    struct mmsghdr *mm = calloc((size_t)bat, sizeof *mm);
    struct iovec *iov = calloc((size_t)bat, sizeof *iov);
    struct sockaddr_in *from = calloc((size_t)bat, sizeof *from);
    for (int i = 0; i < bat; i++) {
        iov[i].iov_base = buf + (size_t)i * slot;
        iov[i].iov_len = slot;
        mm[i].msg_hdr.msg_iov = &iov[i];
        mm[i].msg_hdr.msg_iovlen = 1;
        mm[i].msg_hdr.msg_name = &from[i];
        mm[i].msg_hdr.msg_namelen = sizeof from[i];
    }
    union {
        char b[CMSG_SPACE(sizeof(int))];
        struct cmsghdr align;
    } cbuf;
    unsigned long long rcvd = 0, msgs = 0;
    while (!atomic_load_explicit(&t->stop_recv, memory_order_relaxed)) {
        ssize_t r = 0;
        switch (t->mode) {
        case U_SENDTO: {
            socklen_t fl = sizeof from[0];
            r = recvfrom(t->rfd, buf, slot, 0, (struct sockaddr *)&from[0], &fl);
            if (r > 0)
                rcvd++;
            break;
        }
        case U_MMSG:
            for (int i = 0; i < bat; i++)
                mm[i].msg_hdr.msg_namelen = sizeof from[i];
            r = recvmmsg(t->rfd, mm, (unsigned)bat, MSG_WAITFORONE, NULL);
            if (r > 0)
                rcvd += (unsigned long long)r;
            break;
        case U_GSO: {
            struct iovec v = { .iov_base = buf, .iov_len = cap };
            struct msghdr m = { .msg_name = &from[0], .msg_namelen = sizeof from[0], .msg_iov = &v,
                                .msg_iovlen = 1, .msg_control = cbuf.b, .msg_controllen = sizeof cbuf.b };
            r = recvmsg(t->rfd, &m, 0);
            if (r > 0) {
                int segsz = 0;
                for (struct cmsghdr *c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c))
                    if (c->cmsg_level == SOL_UDP && c->cmsg_type == UDP_GRO)
                        memcpy(&segsz, CMSG_DATA(c), sizeof segsz);
                rcvd += segsz > 0 ? (unsigned long long)((r + segsz - 1) / segsz) : 1;
                msgs++;
            }
            break;
        }
        }
        if (r < 0 && errno != EAGAIN && errno != EINTR) {
            t->rerr = errno;
            break;
        }
        atomic_store_explicit(&t->rcvd, rcvd, memory_order_relaxed);
    }
    atomic_store(&t->rcvd, rcvd);
    t->gro_msgs = msgs;
    free(buf);
    free(mm);
    free(iov);
    free(from);
    return NULL;
}

static int set_buf(int fd, int force_opt, int opt_, int bytes)
{
    if (setsockopt(fd, SOL_SOCKET, force_opt, &bytes, sizeof bytes) == 0)
        return 1;
    setsockopt(fd, SOL_SOCKET, opt_, &bytes, sizeof bytes);
    return 0;
}

/* Runs a sender/receiver pair; samples counter *ctr every batch interval into vals (per second). */
static int sample_rate(_Atomic unsigned long long *ctr, double *vals)
{
    uint64_t t0 = now_ns() + (uint64_t)(opt.warmup_s * 1e9);
    sleep_until(t0);
    unsigned long long c0 = atomic_load(ctr);
    uint64_t batch_ns = (uint64_t)(opt.time_s * 1e9 / opt.batches);
    for (int b = 0; b < opt.batches; b++) {
        sleep_until(t0 + batch_ns);
        uint64_t t1 = now_ns();
        unsigned long long c1 = atomic_load(ctr);
        vals[b] = (double)(c1 - c0) * 1e9 / (double)(t1 - t0);
        t0 = t1;
        c0 = c1;
    }
    return 0;
}

static void run_udp_tput(enum udp_mode mode)
{
    char name[64];
    snprintf(name, sizeof name, "udp_tput.%s", udp_mode_name[mode]);
    int size = opt.udp_size;
    struct tp t = { .size = size, .batch = mode == U_SENDTO ? 1 : opt.udp_batch, .mode = mode,
                    .window = opt.window };
    if (mode == U_GSO && (long)size * t.batch > UDP_MAX_PAYLOAD) {
        emit_status(name, size, "skipped", "GSO send of %d x %d exceeds UDP payload limit", t.batch, size);
        return;
    }
    atomic_init(&t.sent, 0);
    atomic_init(&t.rcvd, 0);
    atomic_init(&t.stop_send, 0);
    atomic_init(&t.stop_recv, 0);
    t.rfd = loopback_socket(SOCK_DGRAM, &t.dst);
    struct sockaddr_in sa;
    t.sfd = loopback_socket(SOCK_DGRAM, &sa);
    if (t.rfd < 0 || t.sfd < 0) {
        emit_status(name, size, "error", "socket: %s", strerror(errno));
        goto close;
    }
    int forced = set_buf(t.rfd, SO_RCVBUFFORCE, SO_RCVBUF, 4 << 20);
    set_buf(t.sfd, SO_SNDBUFFORCE, SO_SNDBUF, 4 << 20);
    int rcvbuf = 0;
    socklen_t l = sizeof rcvbuf;
    getsockopt(t.rfd, SOL_SOCKET, SO_RCVBUF, &rcvbuf, &l);
    if (t.window < 0) {
        /* auto: half the receive buffer over an upper estimate of one datagram's truesize */
        long est = 1;
        while (est < size + 320)
            est <<= 1;
        est += 320;
        t.window = (long)rcvbuf / 2 / est;
        if (t.window < 2L * t.batch)
            t.window = 2L * t.batch;
    }
    set_timeouts(t.rfd, 20);
    set_timeouts(t.sfd, opt.timeout_ms);
    if (mode == U_GSO) {
        int one = 1, seg = size;
        if (setsockopt(t.sfd, SOL_UDP, UDP_SEGMENT, &seg, sizeof seg)) {
            emit_status(name, size, "error", "UDP_SEGMENT: %s", strerror(errno));
            goto close;
        }
        if (setsockopt(t.rfd, SOL_UDP, UDP_GRO, &one, sizeof one)) {
            emit_status(name, size, "error", "UDP_GRO: %s", strerror(errno));
            goto close;
        }
    }
    t.deadline = now_ns() + (uint64_t)((opt.warmup_s + opt.time_s) * 1e9) + 10000000000ull;

    pthread_t rt, st;
    if (pthread_create(&rt, NULL, udp_receiver, &t)) {
        emit_status(name, size, "error", "pthread_create failed");
        goto close;
    }
    if (pthread_create(&st, NULL, udp_sender, &t)) {
        atomic_store(&t.stop_recv, 1);
        pthread_join(rt, NULL);
        emit_status(name, size, "error", "pthread_create failed");
        goto close;
    }
    double vals[MAX_BATCHES];
    unsigned long long r0 = atomic_load(&t.rcvd);
    sample_rate(&t.rcvd, vals);
    unsigned long long measured = atomic_load(&t.rcvd) - r0;
    atomic_store(&t.stop_send, 1);
    pthread_join(st, NULL);
    /* drain: wait until everything sent arrived, or no progress for 100 ms (bounded: 1 s) */
    unsigned long long last = atomic_load(&t.rcvd);
    uint64_t idle_since = now_ns(), give_up = idle_since + 1000000000ull;
    while (atomic_load(&t.rcvd) < atomic_load(&t.sent) && now_ns() < give_up) {
        sleep_ms(1);
        unsigned long long c = atomic_load(&t.rcvd);
        if (c != last) {
            last = c;
            idle_since = now_ns();
        } else if (now_ns() - idle_since > 100000000ull)
            break;
    }
    atomic_store(&t.stop_recv, 1);
    pthread_join(rt, NULL);
    if (t.serr || t.rerr) {
        emit_status(name, size, "error", "sender: %s; receiver: %s", t.serr ? strerror(t.serr) : "ok",
                    t.rerr ? strerror(t.rerr) : "ok");
        goto close;
    }
    unsigned long long sent = atomic_load(&t.sent), rcvd = atomic_load(&t.rcvd);
    uint32_t mi[SK_MEMINFO_VARS];
    socklen_t ml = sizeof mi;
    long long kdrops = -1;
    if (getsockopt(t.rfd, SOL_SOCKET, SO_MEMINFO, mi, &ml) == 0 && ml > SK_MEMINFO_DROPS * sizeof(uint32_t))
        kdrops = mi[SK_MEMINFO_DROPS];
    char extra[384];
    int n = snprintf(extra, sizeof extra,
                     ",\"batch\":%d,\"window\":%ld,\"rcvbuf\":%d,\"rcvbuf_forced\":%s,"
                     "\"sent\":%llu,\"received\":%llu,\"drops\":%llu,\"socket_drops\":%lld,\"resyncs\":%llu",
                     t.batch, t.window, rcvbuf, forced ? "true" : "false", sent, rcvd,
                     sent > rcvd ? sent - rcvd : 0, kdrops, t.resyncs);
    if (mode == U_GSO && t.gro_msgs)
        snprintf(extra + n, sizeof extra - (size_t)n, ",\"segs_per_recv\":%.2f", (double)rcvd / (double)t.gro_msgs);
    emit(name, size, "dgrams/s", vals, opt.batches, (long long)measured, extra);
close:
    if (t.rfd >= 0)
        close(t.rfd);
    if (t.sfd >= 0)
        close(t.sfd);
}

/* ------------------------------------------------------------------------------------------ */
/* 5: TCP bulk                                                                                 */

struct bulk {
    int wfd, rfd, size;
    _Alignas(128) _Atomic unsigned long long bytes;
    _Alignas(128) atomic_int stop;
    int werr, rerr;
};

static void *bulk_writer(void *arg)
{
    struct bulk *b = arg;
    char *buf = malloc((size_t)b->size);
    memset(buf, 0x5a, (size_t)b->size);
    while (!atomic_load_explicit(&b->stop, memory_order_relaxed)) {
        int off = 0;
        while (off < b->size) {
            ssize_t r = send(b->wfd, buf + off, (size_t)(b->size - off), MSG_NOSIGNAL);
            if (r > 0)
                off += (int)r;
            else if (r < 0 && errno == EINTR)
                continue;
            else {
                b->werr = r < 0 ? errno : EIO;
                goto out;
            }
        }
    }
out:
    shutdown(b->wfd, SHUT_WR);
    free(buf);
    return NULL;
}

static void *bulk_reader(void *arg)
{
    struct bulk *b = arg;
    char *buf = malloc((size_t)b->size);
    unsigned long long total = 0;
    for (;;) {
        ssize_t r = recv(b->rfd, buf, (size_t)b->size, 0);
        if (r > 0) {
            total += (unsigned long long)r;
            atomic_store_explicit(&b->bytes, total, memory_order_relaxed);
        } else if (r == 0)
            break;
        else if (errno != EINTR) {
            b->rerr = errno;
            break;
        }
    }
    free(buf);
    return NULL;
}

static void run_tcp_bulk(void)
{
    const char *name = "tcp_bulk.tcp";
    int size = opt.bulk_size, fds[2];
    if (make_pair(K_TCP, fds)) {
        emit_status(name, size, "error", "socket pair: %s", strerror(errno));
        return;
    }
    struct bulk b = { .wfd = fds[0], .rfd = fds[1], .size = size };
    atomic_init(&b.bytes, 0);
    atomic_init(&b.stop, 0);
    set_timeouts(b.wfd, opt.timeout_ms);
    set_timeouts(b.rfd, opt.timeout_ms);
    pthread_t wt, rt;
    if (pthread_create(&rt, NULL, bulk_reader, &b)) {
        emit_status(name, size, "error", "pthread_create failed");
        goto out;
    }
    if (pthread_create(&wt, NULL, bulk_writer, &b)) {
        shutdown(b.rfd, SHUT_RDWR);
        pthread_join(rt, NULL);
        emit_status(name, size, "error", "pthread_create failed");
        goto out;
    }
    double vals[MAX_BATCHES];
    unsigned long long b0 = atomic_load(&b.bytes);
    sample_rate(&b.bytes, vals);
    unsigned long long measured = atomic_load(&b.bytes) - b0;
    atomic_store(&b.stop, 1);
    pthread_join(wt, NULL);
    pthread_join(rt, NULL);
    if (b.werr || b.rerr) {
        emit_status(name, size, "error", "writer: %s; reader: %s", b.werr ? strerror(b.werr) : "ok",
                    b.rerr ? strerror(b.rerr) : "ok");
        goto out;
    }
    scale(vals, opt.batches, 1e6);
    char extra[96];
    snprintf(extra, sizeof extra, ",\"bytes\":%llu", measured);
    emit(name, size, "MB/s", vals, opt.batches, (long long)(measured / (unsigned long long)size), extra);
out:
    close(b.wfd);
    close(b.rfd);
}

/* ------------------------------------------------------------------------------------------ */
/* 7: netlink dumps, decoded into typed objects                                                */

struct link_obj {
    int ifindex;
    unsigned flags;
    unsigned short type;
    char name[IFNAMSIZ];
    unsigned mtu, txqlen, master, link;
    unsigned char operstate;
    unsigned char mac[32];
    int maclen;
    int nattrs;
};

struct addr_obj {
    unsigned char family, prefixlen, scope;
    unsigned flags;
    int ifindex;
    unsigned char address[16], local[16], broadcast[16];
    int addrlen;
    char label[IFNAMSIZ];
    struct ifa_cacheinfo ci;
    int nattrs;
};

struct route_obj {
    unsigned char family, dst_len, src_len, tos, protocol, scope, type;
    unsigned rflags, table, oif, iif, priority, mtu, nhops;
    unsigned char dst[16], src[16], gateway[16], prefsrc[16];
    unsigned char pref;
    int nattrs;
};

struct nl {
    int fd;
    unsigned seq;
    char *buf;
    size_t cap;
    struct link_obj *links;
    struct addr_obj *addrs;
    struct route_obj *routes;
    int nlinks, naddrs, nroutes, clinks, caddrs, croutes;
    unsigned long long attrs;   /* attributes walked in the last op */
    unsigned long long bytes;   /* bytes received in the last op */
    int recvs;                  /* datagrams received in the last op */
};

#define GROW(arr, n, cap)                                                                    \
    do {                                                                                     \
        if ((n) >= (cap)) {                                                                  \
            (cap) = (cap) ? (cap) * 2 : 16;                                                  \
            (arr) = realloc((arr), sizeof *(arr) * (size_t)(cap));                           \
            if (!(arr))                                                                      \
                die("out of memory");                                                        \
        }                                                                                    \
    } while (0)

static void copy_bytes(unsigned char *dst, size_t cap, const struct rtattr *a, int *len_out)
{
    size_t l = RTA_PAYLOAD(a);
    if (l > cap)
        l = cap;
    memcpy(dst, RTA_DATA(a), l);
    if (len_out)
        *len_out = (int)l;
}

static unsigned get_u32(const struct rtattr *a)
{
    unsigned v = 0;
    if (RTA_PAYLOAD(a) >= 4)
        memcpy(&v, RTA_DATA(a), 4);
    return v;
}

static void copy_str(char *dst, size_t cap, const struct rtattr *a)
{
    size_t l = RTA_PAYLOAD(a);
    const char *s = RTA_DATA(a);
    size_t n = strnlen(s, l);
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, s, n);
    dst[n] = 0;
}

static int link_cb(struct nl *nl, const struct nlmsghdr *h)
{
    if (h->nlmsg_type != RTM_NEWLINK || h->nlmsg_len < NLMSG_LENGTH(sizeof(struct ifinfomsg)))
        return 0;
    const struct ifinfomsg *ifi = NLMSG_DATA(h);
    GROW(nl->links, nl->nlinks, nl->clinks);
    struct link_obj *L = &nl->links[nl->nlinks++];
    memset(L, 0, sizeof *L);
    L->ifindex = ifi->ifi_index;
    L->flags = ifi->ifi_flags;
    L->type = ifi->ifi_type;
    int len = (int)(h->nlmsg_len - NLMSG_LENGTH(sizeof *ifi));
    for (const struct rtattr *a = IFLA_RTA(ifi); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
        L->nattrs++;
        switch (a->rta_type & NLA_TYPE_MASK) {
        case IFLA_IFNAME: copy_str(L->name, sizeof L->name, a); break;
        case IFLA_MTU: L->mtu = get_u32(a); break;
        case IFLA_TXQLEN: L->txqlen = get_u32(a); break;
        case IFLA_MASTER: L->master = get_u32(a); break;
        case IFLA_LINK: L->link = get_u32(a); break;
        case IFLA_OPERSTATE: L->operstate = *(const unsigned char *)RTA_DATA(a); break;
        case IFLA_ADDRESS: copy_bytes(L->mac, sizeof L->mac, a, &L->maclen); break;
        default: break;
        }
    }
    nl->attrs += (unsigned)L->nattrs;
    return 0;
}

static int addr_cb(struct nl *nl, const struct nlmsghdr *h)
{
    if (h->nlmsg_type != RTM_NEWADDR || h->nlmsg_len < NLMSG_LENGTH(sizeof(struct ifaddrmsg)))
        return 0;
    const struct ifaddrmsg *ifa = NLMSG_DATA(h);
    GROW(nl->addrs, nl->naddrs, nl->caddrs);
    struct addr_obj *A = &nl->addrs[nl->naddrs++];
    memset(A, 0, sizeof *A);
    A->family = ifa->ifa_family;
    A->prefixlen = ifa->ifa_prefixlen;
    A->scope = ifa->ifa_scope;
    A->flags = ifa->ifa_flags;
    A->ifindex = (int)ifa->ifa_index;
    int len = (int)(h->nlmsg_len - NLMSG_LENGTH(sizeof *ifa));
    for (const struct rtattr *a = IFA_RTA(ifa); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
        A->nattrs++;
        switch (a->rta_type & NLA_TYPE_MASK) {
        case IFA_ADDRESS: copy_bytes(A->address, sizeof A->address, a, &A->addrlen); break;
        case IFA_LOCAL: copy_bytes(A->local, sizeof A->local, a, NULL); break;
        case IFA_BROADCAST: copy_bytes(A->broadcast, sizeof A->broadcast, a, NULL); break;
        case IFA_LABEL: copy_str(A->label, sizeof A->label, a); break;
        case IFA_FLAGS: A->flags = get_u32(a); break;
        case IFA_CACHEINFO:
            if (RTA_PAYLOAD(a) >= sizeof A->ci)
                memcpy(&A->ci, RTA_DATA(a), sizeof A->ci);
            break;
        default: break;
        }
    }
    nl->attrs += (unsigned)A->nattrs;
    return 0;
}

static int route_cb(struct nl *nl, const struct nlmsghdr *h)
{
    if (h->nlmsg_type != RTM_NEWROUTE || h->nlmsg_len < NLMSG_LENGTH(sizeof(struct rtmsg)))
        return 0;
    const struct rtmsg *rtm = NLMSG_DATA(h);
    GROW(nl->routes, nl->nroutes, nl->croutes);
    struct route_obj *R = &nl->routes[nl->nroutes++];
    memset(R, 0, sizeof *R);
    R->family = rtm->rtm_family;
    R->dst_len = rtm->rtm_dst_len;
    R->src_len = rtm->rtm_src_len;
    R->tos = rtm->rtm_tos;
    R->protocol = rtm->rtm_protocol;
    R->scope = rtm->rtm_scope;
    R->type = rtm->rtm_type;
    R->rflags = rtm->rtm_flags;
    R->table = rtm->rtm_table;
    int len = (int)(h->nlmsg_len - NLMSG_LENGTH(sizeof *rtm));
    for (const struct rtattr *a = RTM_RTA(rtm); RTA_OK(a, len); a = RTA_NEXT(a, len)) {
        R->nattrs++;
        switch (a->rta_type & NLA_TYPE_MASK) {
        case RTA_TABLE: R->table = get_u32(a); break;
        case RTA_DST: copy_bytes(R->dst, sizeof R->dst, a, NULL); break;
        case RTA_SRC: copy_bytes(R->src, sizeof R->src, a, NULL); break;
        case RTA_GATEWAY: copy_bytes(R->gateway, sizeof R->gateway, a, NULL); break;
        case RTA_PREFSRC: copy_bytes(R->prefsrc, sizeof R->prefsrc, a, NULL); break;
        case RTA_OIF: R->oif = get_u32(a); break;
        case RTA_IIF: R->iif = get_u32(a); break;
        case RTA_PRIORITY: R->priority = get_u32(a); break;
        case RTA_PREF: R->pref = *(const unsigned char *)RTA_DATA(a); break;
        case RTA_METRICS: {     /* nested: walk every metric */
            int ml = (int)RTA_PAYLOAD(a);
            for (const struct rtattr *m = RTA_DATA(a); RTA_OK(m, ml); m = RTA_NEXT(m, ml)) {
                R->nattrs++;
                if ((m->rta_type & NLA_TYPE_MASK) == RTAX_MTU)
                    R->mtu = get_u32(m);
            }
            break;
        }
        case RTA_MULTIPATH: {   /* rtnexthop entries, each with nested attributes */
            int ml = (int)RTA_PAYLOAD(a);
            const struct rtnexthop *nh = RTA_DATA(a);
            while (ml >= (int)sizeof *nh && nh->rtnh_len >= sizeof *nh && nh->rtnh_len <= ml) {
                R->nhops++;
                int al = nh->rtnh_len - (int)sizeof *nh;
                for (const struct rtattr *m = RTNH_DATA(nh); RTA_OK(m, al); m = RTA_NEXT(m, al))
                    R->nattrs++;
                ml -= RTNH_ALIGN(nh->rtnh_len);
                nh = RTNH_NEXT(nh);
            }
            break;
        }
        default: break;
        }
    }
    nl->attrs += (unsigned)R->nattrs;
    return 0;
}

/* Send one dump request and walk the whole reply. Returns 0 or -1 (errno set). */
static int nl_dump(struct nl *nl, int type, const void *hdr, size_t hdrlen,
                   int (*cb)(struct nl *, const struct nlmsghdr *))
{
    struct {
        struct nlmsghdr h;
        char payload[64];
    } req;
    memset(&req, 0, sizeof req);
    req.h.nlmsg_len = NLMSG_LENGTH(hdrlen);
    req.h.nlmsg_type = (unsigned short)type;
    req.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    req.h.nlmsg_seq = ++nl->seq;
    memcpy(NLMSG_DATA(&req.h), hdr, hdrlen);
    struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
    if (sendto(nl->fd, &req, req.h.nlmsg_len, 0, (struct sockaddr *)&sa, sizeof sa) < 0)
        return -1;
    for (int guard = 0; guard < 10000000; guard++) {
        ssize_t n;
        if (opt.nl_buf == 0) {
            n = recv(nl->fd, NULL, 0, MSG_PEEK | MSG_TRUNC);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                return -1;
            }
            if ((size_t)n > nl->cap) {
                free(nl->buf);
                nl->cap = (size_t)n;
                nl->buf = malloc(nl->cap);
                if (!nl->buf)
                    die("out of memory");
            }
        } else if (!nl->buf) {
            nl->cap = (size_t)opt.nl_buf;
            nl->buf = malloc(nl->cap);
            if (!nl->buf)
                die("out of memory");
        }
        n = recv(nl->fd, nl->buf, nl->cap, MSG_TRUNC);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if ((size_t)n > nl->cap) {    /* only possible with a too small --nl-buf */
            errno = EMSGSIZE;
            return -1;
        }
        nl->recvs++;
        nl->bytes += (unsigned long long)n;
        int len = (int)n;
        for (const struct nlmsghdr *h = (const struct nlmsghdr *)nl->buf; NLMSG_OK(h, len);
             h = NLMSG_NEXT(h, len)) {
            if (h->nlmsg_seq != nl->seq)
                continue;
            if (h->nlmsg_type == NLMSG_DONE) {
                int err = 0;
                if (h->nlmsg_len >= NLMSG_LENGTH(sizeof err))
                    memcpy(&err, NLMSG_DATA(h), sizeof err);
                if (err < 0) {
                    errno = -err;
                    return -1;
                }
                return 0;
            }
            if (h->nlmsg_type == NLMSG_ERROR) {
                const struct nlmsgerr *e = NLMSG_DATA(h);
                if (h->nlmsg_len < NLMSG_LENGTH(sizeof *e)) {
                    errno = EPROTO;
                    return -1;
                }
                if (e->error) {
                    errno = -e->error;
                    return -1;
                }
                continue;
            }
            if (cb(nl, h))
                return -1;
        }
    }
    errno = ETIMEDOUT;
    return -1;
}

static int nl_open(struct nl *nl, int strict)
{
    memset(nl, 0, sizeof *nl);
    nl->fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
    if (nl->fd < 0)
        return -1;
    struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
    if (bind(nl->fd, (struct sockaddr *)&sa, sizeof sa)) {
        close(nl->fd);
        return -1;
    }
    if (strict) {
        int one = 1;
        if (setsockopt(nl->fd, SOL_NETLINK, NETLINK_GET_STRICT_CHK, &one, sizeof one)) {
            close(nl->fd);
            return -1;
        }
    }
    set_timeouts(nl->fd, opt.timeout_ms);
    return 0;
}

static void nl_close(struct nl *nl)
{
    close(nl->fd);
    free(nl->buf);
    free(nl->links);
    free(nl->addrs);
    free(nl->routes);
}

static void nl_reset(struct nl *nl)
{
    nl->nlinks = nl->naddrs = nl->nroutes = 0;
    nl->attrs = nl->bytes = 0;
    nl->recvs = 0;
}

static int link_addr_op(void *ctx, long n)
{
    struct nl *nl = ctx;
    struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC };
    struct ifaddrmsg ifa = { .ifa_family = AF_UNSPEC };
    for (long i = 0; i < n; i++) {
        nl_reset(nl);
        if (nl_dump(nl, RTM_GETLINK, &ifi, sizeof ifi, link_cb) ||
            nl_dump(nl, RTM_GETADDR, &ifa, sizeof ifa, addr_cb))
            return -1;
    }
    return 0;
}

static int g_route_protocol;

static int route_op(void *ctx, long n)
{
    struct nl *nl = ctx;
    struct rtmsg rtm = { .rtm_family = AF_UNSPEC };
    if (g_route_protocol >= 0)
        rtm.rtm_protocol = (unsigned char)g_route_protocol;
    for (long i = 0; i < n; i++) {
        nl_reset(nl);
        if (nl_dump(nl, RTM_GETROUTE, &rtm, sizeof rtm, route_cb))
            return -1;
    }
    return 0;
}

static void run_netlink_link_addr(void)
{
    const char *name = "netlink.link_addr";
    struct nl nl;
    if (nl_open(&nl, 0)) {
        emit_status(name, 0, "error", "netlink socket: %s", strerror(errno));
        return;
    }
    double vals[MAX_BATCHES];
    long long ops = measure(link_addr_op, &nl, 1, vals);
    if (ops < 0) {
        emit_status(name, 0, "error", "%s", strerror(errno));
    } else {
        char extra[192];
        snprintf(extra, sizeof extra, ",\"links\":%d,\"addrs\":%d,\"attrs\":%llu,\"bytes\":%llu,\"recvs\":%d,\"nl_buf\":%d",
                 nl.nlinks, nl.naddrs, nl.attrs, nl.bytes, nl.recvs, opt.nl_buf);
        scale(vals, opt.batches, 1000.0);
        emit(name, 0, "us/op", vals, opt.batches, ops, extra);
    }
    nl_close(&nl);
}

static void run_netlink_route(int protocol)
{
    const char *name = protocol >= 0 ? "netlink.route_proto" : "netlink.route";
    struct nl nl;
    if (nl_open(&nl, protocol >= 0)) {
        emit_status(name, 0, "error", "netlink socket: %s", strerror(errno));
        return;
    }
    g_route_protocol = protocol;
    double vals[MAX_BATCHES];
    long long ops = measure(route_op, &nl, 1, vals);
    if (ops < 0) {
        emit_status(name, 0, "error", "%s", strerror(errno));
    } else {
        char extra[192];
        int k = snprintf(extra, sizeof extra, ",\"routes\":%d,\"attrs\":%llu,\"bytes\":%llu,\"recvs\":%d,\"nl_buf\":%d",
                         nl.nroutes, nl.attrs, nl.bytes, nl.recvs, opt.nl_buf);
        if (protocol >= 0)
            snprintf(extra + k, sizeof extra - (size_t)k, ",\"protocol\":%d,\"strict\":true", protocol);
        scale(vals, opt.batches, 1e6);
        emit(name, 0, "ms/op", vals, opt.batches, ops, extra);
    }
    nl_close(&nl);
}

/* ------------------------------------------------------------------------------------------ */
/* main                                                                                        */

static const char *all_cases[] = {
    "pingpong.tcp", "pingpong.unix_stream", "pingpong.unix_seqpacket", "pingpong.unix_dgram", "pingpong.udp",
    "kernel.unix_stream", "kernel.tcp", "kernel.udp",
    "busypoll.unix_stream", "busypoll.tcp", "busypoll.udp",
    "udp_tput.sendto", "udp_tput.mmsg", "udp_tput.gso_gro",
    "tcp_bulk.tcp",
    "syscall.getsockopt",
    "netlink.link_addr", "netlink.route", "netlink.route_proto",
};

static void usage(FILE *f)
{
    fprintf(f,
        "usage: ffbench [options] [case|group|all ...]\n"
        "  cases run in the order listed by --list; a group (e.g. 'pingpong') selects group.*\n"
        "  default: all cases (netlink.route_proto only with --protocol)\n"
        "options:\n"
        "  --time S        measured seconds per case and size (default 2.5; --quick 0.25)\n"
        "  --warmup S      unmeasured warm-up seconds per case and size (default 0.5; --quick 0.05)\n"
        "  --batches N     timed batches = samples per case (default 10; --quick 5; max %d)\n"
        "  --quick         short run: --time 0.25 --warmup 0.05 --batches 5 (explicit flags win)\n"
        "  --sizes LIST    message sizes for pingpong/kernel/busypoll, comma separated\n"
        "                  (defaults: pingpong,kernel 1,64,1024,65536; busypoll 64)\n"
        "  --udp-size N    udp_tput datagram / GSO segment size (default 64)\n"
        "  --udp-batch N   udp_tput datagrams per sendmmsg/recvmmsg and segments per GSO send (default 32)\n"
        "  --window N      udp_tput max datagrams in flight, sent-received (default auto: half of\n"
        "                  SO_RCVBUF over an estimate of a datagram's truesize; 0 = unpaced)\n"
        "  --bulk-size N   tcp_bulk write size and read buffer (default 65536)\n"
        "  --protocol N    also run netlink.route_proto: strict-checked route dump, rtm_protocol=N\n"
        "  --pin MODE      blocking pingpong thread placement: none (default, scheduler decides),\n"
        "                  split (client on CPU A, server on CPU B), same (both on CPU A)\n"
        "  --nl-buf N      netlink: fixed N-byte receive buffer instead of sizing each recv with\n"
        "                  MSG_PEEK|MSG_TRUNC (default 0 = peek); a too small N is an error\n"
        "  --cpus A,B      CPUs for busypoll and --pin (default: first two allowed CPUs)\n"
        "  --max-iters N   cap on operations per batch (default 100000000)\n"
        "  --timeout-ms N  I/O timeout of blocking calls (default 2000)\n"
        "  --raw           add \"values\":[per-batch values] to each result line\n"
        "  --list          print case names and exit\n"
        "output: one JSON object per line on stdout; see README.md\n",
        MAX_BATCHES);
}

static double parse_double(const char *s, const char *flag)
{
    char *e;
    double v = strtod(s, &e);
    if (*s == 0 || *e || !(v >= 0))
        die("bad value for %s: '%s'", flag, s);
    return v;
}

static long long parse_ll(const char *s, const char *flag, long long lo, long long hi)
{
    char *e;
    errno = 0;
    long long v = strtoll(s, &e, 0);
    if (*s == 0 || *e || errno || v < lo || v > hi)
        die("bad value for %s: '%s' (range %lld..%lld)", flag, s, lo, hi);
    return v;
}

static int parse_list(const char *s, int *out, int max, const char *flag, int lo, int hi)
{
    int n = 0;
    char *copy = strdup(s), *save = NULL;
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        if (n >= max)
            die("too many values for %s", flag);
        out[n++] = (int)parse_ll(tok, flag, lo, hi);
    }
    free(copy);
    if (n == 0)
        die("empty list for %s", flag);
    return n;
}

int main(int argc, char **argv)
{
    double time_s = -1, warmup_s = -1;
    int batches = -1;
    g_patterns = calloc((size_t)argc, sizeof *g_patterns);
    for (int i = 1; i < argc; i++) {
        char *a = argv[i], *val = NULL;
        if (strncmp(a, "--", 2) != 0) {
            g_patterns[g_npatterns++] = a;
            continue;
        }
        char flag[64];
        char *eq = strchr(a, '=');
        if (eq) {
            snprintf(flag, sizeof flag, "%.*s", (int)(eq - a), a);
            val = eq + 1;
        } else {
            snprintf(flag, sizeof flag, "%s", a);
        }
#define NEEDVAL() do { if (!val) { if (i + 1 >= argc) die("%s needs a value", flag); val = argv[++i]; } } while (0)
        if (!strcmp(flag, "--help") || !strcmp(flag, "-h")) {
            usage(stdout);
            return 0;
        } else if (!strcmp(flag, "--list")) {
            for (size_t k = 0; k < sizeof all_cases / sizeof *all_cases; k++)
                printf("%s\n", all_cases[k]);
            return 0;
        } else if (!strcmp(flag, "--quick")) {
            opt.quick = 1;
        } else if (!strcmp(flag, "--raw")) {
            opt.raw = 1;
        } else if (!strcmp(flag, "--time")) {
            NEEDVAL(); time_s = parse_double(val, flag);
        } else if (!strcmp(flag, "--warmup")) {
            NEEDVAL(); warmup_s = parse_double(val, flag);
        } else if (!strcmp(flag, "--batches")) {
            NEEDVAL(); batches = (int)parse_ll(val, flag, 1, MAX_BATCHES);
        } else if (!strcmp(flag, "--sizes")) {
            NEEDVAL(); opt.nsizes = parse_list(val, opt.sizes, MAX_SIZES, flag, 1, 1 << 20);
        } else if (!strcmp(flag, "--udp-size")) {
            NEEDVAL(); opt.udp_size = (int)parse_ll(val, flag, 1, UDP_MAX_PAYLOAD);
        } else if (!strcmp(flag, "--udp-batch")) {
            NEEDVAL(); opt.udp_batch = (int)parse_ll(val, flag, 1, 1024);
        } else if (!strcmp(flag, "--window")) {
            NEEDVAL();
            opt.window = !strcmp(val, "auto") ? -1 : (long)parse_ll(val, flag, 0, 1 << 30);
        } else if (!strcmp(flag, "--bulk-size")) {
            NEEDVAL(); opt.bulk_size = (int)parse_ll(val, flag, 1, 64 << 20);
        } else if (!strcmp(flag, "--protocol")) {
            NEEDVAL(); opt.protocol = (int)parse_ll(val, flag, 0, 255);
        } else if (!strcmp(flag, "--nl-buf")) {
            NEEDVAL(); opt.nl_buf = (int)parse_ll(val, flag, 0, 64 << 20);
        } else if (!strcmp(flag, "--pin")) {
            NEEDVAL();
            if (!strcmp(val, "none")) opt.pin = PIN_NONE;
            else if (!strcmp(val, "split")) opt.pin = PIN_SPLIT;
            else if (!strcmp(val, "same")) opt.pin = PIN_SAME;
            else die("--pin must be none, split or same");
        } else if (!strcmp(flag, "--cpus")) {
            NEEDVAL();
            if (parse_list(val, opt.cpus, 2, flag, 0, CPU_SETSIZE - 1) != 2)
                die("--cpus needs two CPUs");
            opt.cpus_set = 1;
        } else if (!strcmp(flag, "--max-iters")) {
            NEEDVAL(); opt.max_iters = parse_ll(val, flag, 1, 1LL << 40);
        } else if (!strcmp(flag, "--timeout-ms")) {
            NEEDVAL(); opt.timeout_ms = (int)parse_ll(val, flag, 1, 600000);
        } else {
            usage(stderr);
            die("unknown option %s", a);
        }
#undef NEEDVAL
    }
    if (opt.quick) {
        opt.time_s = 0.25;
        opt.warmup_s = 0.05;
        opt.batches = 5;
    }
    if (time_s >= 0)
        opt.time_s = time_s;
    if (warmup_s >= 0)
        opt.warmup_s = warmup_s;
    if (batches > 0)
        opt.batches = batches;
    if (opt.time_s <= 0 || opt.time_s > 3600 || opt.warmup_s > 3600)
        die("--time must be in (0, 3600], --warmup in [0, 3600]");
    for (int i = 0; i < g_npatterns; i++) {
        int ok = !strcmp(g_patterns[i], "all");
        for (size_t k = 0; k < sizeof all_cases / sizeof *all_cases && !ok; k++) {
            size_t l = strlen(g_patterns[i]);
            ok = !strcmp(all_cases[k], g_patterns[i]) ||
                 (!strncmp(all_cases[k], g_patterns[i], l) && all_cases[k][l] == '.');
        }
        if (!ok)
            die("unknown case or group '%s' (see --list)", g_patterns[i]);
    }
    if (selected("netlink.route_proto") && opt.protocol < 0 && g_npatterns > 0) {
        for (int i = 0; i < g_npatterns; i++)
            if (!strcmp(g_patterns[i], "netlink.route_proto"))
                die("netlink.route_proto needs --protocol N");
    }
    signal(SIGPIPE, SIG_IGN);
    setvbuf(stdout, NULL, _IOLBF, 0);

    struct utsname u;
    uname(&u);
    char la[64];
    loadavg(la, sizeof la);
    uint64_t t_start = now_ns();
    printf("{\"meta\":\"ffbench\",\"version\":1,\"kernel\":\"%s\",\"machine\":\"%s\",\"nproc\":%ld,"
           "\"time_s\":%g,\"warmup_s\":%g,\"batches\":%d,\"loadavg\":[%s]}\n",
           u.release, u.machine, sysconf(_SC_NPROCESSORS_ONLN), opt.time_s, opt.warmup_s, opt.batches, la);

    static const int pp_sizes[] = { 1, 64, 1024, 65536 };
    static const int bp_sizes[] = { 64 };
    const int *sz;
    int nsz;

    sz = opt.nsizes ? opt.sizes : pp_sizes;
    nsz = opt.nsizes ? opt.nsizes : 4;
    static const enum kind pp_kinds[] = { K_TCP, K_UNIX_STREAM, K_UNIX_SEQPACKET, K_UNIX_DGRAM, K_UDP };
    for (size_t k = 0; k < 5; k++) {
        char name[64];
        snprintf(name, sizeof name, "pingpong.%s", kind_name[pp_kinds[k]]);
        if (selected(name))
            for (int i = 0; i < nsz; i++)
                run_pingpong("pingpong", pp_kinds[k], sz[i], 0);
    }
    static const enum kind kr_kinds[] = { K_UNIX_STREAM, K_TCP, K_UDP };
    for (size_t k = 0; k < 3; k++) {
        char name[64];
        snprintf(name, sizeof name, "kernel.%s", kind_name[kr_kinds[k]]);
        if (selected(name))
            for (int i = 0; i < nsz; i++)
                run_kernel(kr_kinds[k], sz[i]);
    }
    sz = opt.nsizes ? opt.sizes : bp_sizes;
    nsz = opt.nsizes ? opt.nsizes : 1;
    for (size_t k = 0; k < 3; k++) {
        char name[64];
        snprintf(name, sizeof name, "busypoll.%s", kind_name[kr_kinds[k]]);
        if (selected(name))
            for (int i = 0; i < nsz; i++)
                run_pingpong("busypoll", kr_kinds[k], sz[i], 1);
    }
    for (int m = U_SENDTO; m <= U_GSO; m++) {
        char name[64];
        snprintf(name, sizeof name, "udp_tput.%s", udp_mode_name[m]);
        if (selected(name))
            run_udp_tput((enum udp_mode)m);
    }
    if (selected("tcp_bulk.tcp"))
        run_tcp_bulk();
    if (selected("syscall.getsockopt"))
        run_syscall();
    if (selected("netlink.link_addr"))
        run_netlink_link_addr();
    if (selected("netlink.route"))
        run_netlink_route(-1);
    if (selected("netlink.route_proto") && opt.protocol >= 0)
        run_netlink_route(opt.protocol);
    loadavg(la, sizeof la);
    printf("{\"meta\":\"end\",\"errors\":%d,\"elapsed_s\":%.1f,\"loadavg\":[%s]}\n", g_errors,
           (double)(now_ns() - t_start) / 1e9, la);
    return g_errors ? 1 : 0;
}
