#!/usr/bin/env python3
"""Echo peer for ffsock's interop tests, built on Python's own socket module.

  peer.py server FAMILY TYPE ADDR
      Binds ADDR, prints "listening on ADDR" (the bound address: port filled in) on stdout, then
      echoes: streams byte for byte until EOF, one connection per thread; datagrams and
      seqpackets message for message, empty messages included. Runs until killed, or at most
      PEER_TIMEOUT seconds (default 120).

  peer.py client FAMILY TYPE ADDR SIZES...
      Connects to ADDR and, for each size, sends that many random bytes and checks the echo
      byte for byte. Exits 0 if every echo matched, 1 with the reason on stderr otherwise.

FAMILY: inet | inet6 | unix.  TYPE: stream | dgram | seqpacket.
ADDR: 127.0.0.1:PORT, [::1]:PORT, /path, or @name (abstract AF_UNIX name).
"""
import os
import select
import signal
import socket
import sys
import threading

FAMILIES = {"inet": socket.AF_INET, "inet6": socket.AF_INET6, "unix": socket.AF_UNIX}
TYPES = {"stream": socket.SOCK_STREAM, "dgram": socket.SOCK_DGRAM, "seqpacket": socket.SOCK_SEQPACKET}
# Largest message the datagram modes receive; bigger ones are reported as truncated.
MAX_MESSAGE = 1 << 20
BUFFER_BYTES = 4 << 20  # asked for; the kernel caps it at net.core.[rw]mem_max (and doubles it)


class Failure(Exception):
    pass


def parse_addr(family, text):
    if family == socket.AF_UNIX:
        if text.startswith("@"):
            return b"\0" + text[1:].encode()
        return text
    host, _, port = text.rpartition(":")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    return (host, int(port))


def format_addr(family, addr):
    if family == socket.AF_UNIX:
        if isinstance(addr, bytes):
            return "@" + addr[1:].decode() if addr.startswith(b"\0") else addr.decode()
        return "@" + addr[1:] if addr.startswith("\0") else addr
    if family == socket.AF_INET6:
        return "[%s]:%d" % (addr[0], addr[1])
    return "%s:%d" % (addr[0], addr[1])


def big_buffers(sock):
    for opt in (socket.SO_SNDBUF, socket.SO_RCVBUF):
        sock.setsockopt(socket.SOL_SOCKET, opt, BUFFER_BYTES)


def peer_closed(sock):
    """After a 0-byte read on a SEQPACKET socket: EOF (peer gone) rather than an empty message?"""
    p = select.poll()
    p.register(sock, select.POLLIN | select.POLLRDHUP)
    return any(ev & (select.POLLRDHUP | select.POLLHUP) for _, ev in p.poll(0))


# ---- server -------------------------------------------------------------------------------------

def echo_stream(conn):
    with conn:
        while True:
            data = conn.recv(65536)
            if not data:
                return
            conn.sendall(data)


def echo_seqpacket(conn):
    with conn:
        while True:
            data, _, flags, _ = conn.recvmsg(MAX_MESSAGE)
            if flags & socket.MSG_TRUNC:
                raise Failure("message longer than %d bytes" % MAX_MESSAGE)
            if not data and peer_closed(conn):
                return
            conn.send(data)


def serve(family, type_, addr):
    sock = socket.socket(family, type_)
    if family != socket.AF_UNIX:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if type_ != socket.SOCK_STREAM:
        big_buffers(sock)
    sock.bind(parse_addr(family, addr))
    if type_ != socket.SOCK_DGRAM:
        sock.listen(16)
    print("listening on " + format_addr(family, sock.getsockname()), flush=True)
    if type_ == socket.SOCK_DGRAM:
        while True:
            data, _, flags, sender = sock.recvmsg(MAX_MESSAGE)
            if flags & socket.MSG_TRUNC:
                raise Failure("datagram longer than %d bytes" % MAX_MESSAGE)
            sock.sendto(data, sender)
    handler = echo_stream if type_ == socket.SOCK_STREAM else echo_seqpacket
    while True:
        conn, _ = sock.accept()
        if type_ == socket.SOCK_SEQPACKET:
            big_buffers(conn)
        threading.Thread(target=handler, args=(conn,), daemon=True).start()


# ---- client -------------------------------------------------------------------------------------

def recv_exactly(sock, n):
    chunks = []
    while n > 0:
        data = sock.recv(min(n, 1 << 20))
        if not data:
            raise Failure("end of stream with %d bytes still expected" % n)
        chunks.append(data)
        n -= len(data)
    return b"".join(chunks)


def check(size, sent, got):
    if got == sent:
        return
    if len(got) != len(sent):
        raise Failure("size %d: echo has %d bytes" % (size, len(got)))
    first = next(i for i in range(len(sent)) if sent[i] != got[i])
    raise Failure("size %d: echo differs first at byte %d (sent 0x%02x, got 0x%02x)"
                  % (size, first, sent[first], got[first]))


def client_stream(sock, sizes):
    for size in sizes:
        payload = os.urandom(size)
        errors = []

        def send():
            try:
                sock.sendall(payload)
            except OSError as e:
                errors.append(e)

        # Send from a second thread: a 1 MiB echo does not fit in the socket buffers, so the
        # echo has to be read while the payload is still going out.
        sender = threading.Thread(target=send, daemon=True)
        sender.start()
        got = recv_exactly(sock, size)
        sender.join()
        if errors:
            raise Failure("size %d: send failed: %s" % (size, errors[0]))
        check(size, payload, got)
    sock.shutdown(socket.SHUT_WR)
    rest = sock.recv(1)
    if rest:
        raise Failure("extra bytes after the last echo")


def client_messages(sock, sizes):
    for size in sizes:
        payload = os.urandom(size)
        sent = sock.send(payload)
        if sent != size:
            raise Failure("size %d: send took %d bytes" % (size, sent))
        got, _, flags, _ = sock.recvmsg(MAX_MESSAGE)
        if flags & socket.MSG_TRUNC:
            raise Failure("size %d: echo longer than %d bytes" % (size, MAX_MESSAGE))
        check(size, payload, got)


def client(family, type_, addr, sizes):
    sock = socket.socket(family, type_)
    with sock:
        sock.settimeout(float(os.environ.get("PEER_IO_TIMEOUT", "20")))
        if type_ != socket.SOCK_STREAM:
            big_buffers(sock)
        if family == socket.AF_UNIX and type_ == socket.SOCK_DGRAM:
            sock.bind("")  # autobind to an abstract name, so that the echo has somewhere to go
        sock.connect(parse_addr(family, addr))
        if type_ == socket.SOCK_STREAM:
            client_stream(sock, sizes)
        else:
            client_messages(sock, sizes)


def main(argv):
    if len(argv) < 4 or argv[0] not in ("server", "client") or argv[1] not in FAMILIES or argv[2] not in TYPES:
        print(__doc__, file=sys.stderr)
        return 2
    mode, family, type_, addr = argv[0], FAMILIES[argv[1]], TYPES[argv[2]], argv[3]
    signal.signal(signal.SIGALRM, signal.SIG_DFL)
    signal.alarm(int(os.environ.get("PEER_TIMEOUT", "120")))  # never outlive a stuck test
    try:
        if mode == "server":
            serve(family, type_, addr)
        else:
            client(family, type_, addr, [int(s) for s in argv[4:]])
    except Failure as e:
        print("peer.py %s: %s" % (mode, e), file=sys.stderr)
        return 1
    except OSError as e:
        print("peer.py %s: %s" % (mode, e), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
