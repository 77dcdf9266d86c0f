"""Another holder of a descriptor ffsock passes over SCM_RIGHTS (IoCoreTest).

    holder.py accept SOCKPATH   receive a listening socket; after "go" on stdin accept one
                                connection on it and send b"accepted by python"
    holder.py send SOCKPATH     receive a connected stream socket; after "go" send b"from python"

Prints "ready" once it holds the descriptor, and the outcome ("ok" or the error) at the end.
"""
import socket
import sys


def receive(path):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as c:
        c.connect(path)
        _, fds, _, _ = socket.recv_fds(c, 16, 1)
    if len(fds) != 1:
        raise SystemExit("expected one descriptor, got %r" % (fds,))
    return socket.socket(fileno=fds[0])


def main():
    mode, path = sys.argv[1], sys.argv[2]
    s = receive(path)
    print("ready", flush=True)
    if sys.stdin.readline().strip() != "go":
        raise SystemExit("no go")
    s.settimeout(10)
    try:
        if mode == "accept":
            conn, _ = s.accept()
            conn.sendall(b"accepted by python")
            conn.close()
        elif mode == "send":
            s.sendall(b"from python")
        else:
            raise SystemExit("unknown mode " + mode)
    except OSError as e:
        print("error %s" % e, flush=True)
        raise SystemExit(1)
    print("ok", flush=True)


main()
