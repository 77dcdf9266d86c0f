/*
 * echoserver.c — the C floor of the many-connection echo benchmark (benchmarks/servers.py).
 *
 * One thread, epoll (level-triggered), non-blocking sockets. Each connection reads into one shared
 * 64 KiB buffer and writes the bytes straight back; what a write does not take waits in the
 * connection's own pending buffer, EPOLLOUT is requested while it is not empty and reading pauses
 * meanwhile (so a client that does not read cannot make the server buffer without bound).
 * A connection is closed at end of stream or on any error.
 *
 *   echoserver HOST:PORT      (IPv4; PORT 0 picks a free port)
 *
 * Prints "listening on HOST:PORT" once bound, then serves until SIGINT or SIGTERM (exit 0) or, when
 * its standard input is a pipe or FIFO (benchmarks/servers.py's control FIFO), until the last writer
 * closes it, so the server never outlives a harness that was killed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <sys/stat.h>

#define CHUNK 65536

struct conn {
    char *pending; /* unsent bytes (CHUNK capacity, allocated on first need) */
    int start, end;
};

static struct conn *conns; /* indexed by fd */
static int nconns;
static int epfd;
static volatile sig_atomic_t stopping;
static char chunk[CHUNK];

static void die(const char *what)
{
    fprintf(stderr, "echoserver: %s: %s\n", what, strerror(errno));
    exit(1);
}

static void on_signal(int sig)
{
    (void)sig;
    stopping = 1;
}

static struct conn *conn_of(int fd)
{
    if (fd >= nconns) {
        int n = nconns ? nconns : 1024;
        while (n <= fd)
            n *= 2;
        struct conn *bigger = realloc(conns, sizeof *conns * (size_t)n);
        if (!bigger)
            die("realloc");
        memset(bigger + nconns, 0, sizeof *conns * (size_t)(n - nconns));
        conns = bigger;
        nconns = n;
    }
    return &conns[fd];
}

static void drop(int fd)
{
    struct conn *c = conn_of(fd);
    free(c->pending);
    memset(c, 0, sizeof *c);
    close(fd); /* also leaves the epoll set */
}

static void want(int fd, int out)
{
    struct epoll_event e = { .events = out ? EPOLLOUT : EPOLLIN, .data.fd = fd };
    if (epoll_ctl(epfd, EPOLL_CTL_MOD, fd, &e) < 0)
        die("epoll_ctl");
}

/* Sends the pending bytes; 1 when all are out, 0 when the socket is full, -1 on error. */
static int flush(int fd, struct conn *c)
{
    while (c->start < c->end) {
        ssize_t n = send(fd, c->pending + c->start, (size_t)(c->end - c->start), MSG_NOSIGNAL);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errno == EAGAIN ? 0 : -1;
        }
        c->start += (int)n;
    }
    c->start = c->end = 0;
    return 1;
}

/* One read and its echo; a partial write parks the rest and switches the connection to EPOLLOUT. */
static void serve(int fd)
{
    struct conn *c = conn_of(fd);
    ssize_t n = recv(fd, chunk, CHUNK, 0);
    if (n < 0 && (errno == EAGAIN || errno == EINTR))
        return;
    if (n <= 0) {
        drop(fd);
        return;
    }
    ssize_t sent = 0;
    while (sent < n) {
        ssize_t w = send(fd, chunk + sent, (size_t)(n - sent), MSG_NOSIGNAL);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN) {
                drop(fd);
                return;
            }
            break;
        }
        sent += w;
    }
    if (sent < n) {
        if (!c->pending && !(c->pending = malloc(CHUNK)))
            die("malloc");
        memcpy(c->pending, chunk + sent, (size_t)(n - sent));
        c->start = 0;
        c->end = (int)(n - sent);
        want(fd, 1);
    }
}

static void accept_all(int lfd)
{
    for (;;) {
        int fd = accept4(lfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EAGAIN || errno == EINTR)
                return;
            if (errno == ECONNABORTED)
                continue;
            if (errno == EMFILE || errno == ENFILE) {
                fprintf(stderr, "echoserver: accept4: %s\n", strerror(errno));
                return;
            }
            die("accept4");
        }
        int one = 1;
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        conn_of(fd);
        struct epoll_event e = { .events = EPOLLIN, .data.fd = fd };
        if (epoll_ctl(epfd, EPOLL_CTL_ADD, fd, &e) < 0) {
            close(fd);
            continue;
        }
    }
}

int main(int argc, char **argv)
{
    if (argc != 2 || !strchr(argv[1], ':')) {
        fprintf(stderr, "usage: echoserver HOST:PORT\n");
        return 2;
    }
    char host[64];
    const char *colon = strrchr(argv[1], ':');
    snprintf(host, sizeof host, "%.*s", (int)(colon - argv[1]), argv[1]);
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((unsigned short)atoi(colon + 1)) };
    if (inet_pton(AF_INET, host, &a.sin_addr) != 1) {
        fprintf(stderr, "echoserver: %s is not an IPv4 address\n", host);
        return 2;
    }
    struct sigaction sa = { .sa_handler = on_signal };
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    int lfd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    int one = 1;
    if (lfd < 0)
        die("socket");
    setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (bind(lfd, (struct sockaddr *)&a, sizeof a) < 0)
        die("bind");
    if (listen(lfd, 4096) < 0)
        die("listen");
    socklen_t len = sizeof a;
    getsockname(lfd, (struct sockaddr *)&a, &len);
    printf("listening on %s:%d\n", host, ntohs(a.sin_port));
    fflush(stdout);
    if ((epfd = epoll_create1(EPOLL_CLOEXEC)) < 0)
        die("epoll_create1");
    struct epoll_event e = { .events = EPOLLIN, .data.fd = lfd };
    if (epoll_ctl(epfd, EPOLL_CTL_ADD, lfd, &e) < 0)
        die("epoll_ctl");
    struct stat st;
    if (fstat(0, &st) == 0 && S_ISFIFO(st.st_mode)) {
        struct epoll_event in = { .events = EPOLLIN, .data.fd = 0 };
        if (epoll_ctl(epfd, EPOLL_CTL_ADD, 0, &in) < 0)
            die("epoll_ctl");
    }
    struct epoll_event evs[256];
    while (!stopping) {
        int n = epoll_wait(epfd, evs, 256, -1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            die("epoll_wait");
        }
        for (int i = 0; i < n; i++) {
            int fd = evs[i].data.fd;
            if (fd == lfd) {
                accept_all(lfd);
                continue;
            }
            if (fd == 0) { /* control input: lines are ignored, end of input ends the server */
                if (read(0, chunk, CHUNK) <= 0)
                    stopping = 1;
                continue;
            }
            struct conn *c = conn_of(fd);
            if (c->end > c->start || (evs[i].events & EPOLLOUT)) {
                int r = flush(fd, c);
                if (r < 0)
                    drop(fd);
                else if (r > 0)
                    want(fd, 0);
                continue;
            }
            serve(fd);
        }
    }
    return 0;
}
