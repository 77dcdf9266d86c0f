#!/usr/bin/env python3
"""SCM_RIGHTS interop peer for ffsock's PythonFdInteropTest.

  fds.py send SOCKET FILE  connect to the AF_UNIX stream SOCKET, open FILE and pass its descriptor
                           (socket.send_fds) with the data b"P"; wait for one byte of acknowledgement.
  fds.py recv SOCKET       connect to SOCKET, receive one descriptor (socket.recv_fds), read the
                           file it refers to from the start and send its whole content back, then
                           close the connection.
Exit status 0 on success; errors go to stderr.
"""
import os
import socket
import sys


def main():
    mode, path = sys.argv[1], sys.argv[2]
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(20)
        s.connect(path)
        if mode == "send":
            fd = os.open(sys.argv[3], os.O_RDONLY)
            try:
                socket.send_fds(s, [b"P"], [fd])
            finally:
                os.close(fd)
            if s.recv(1) != b"A":
                sys.exit("no acknowledgement")
        elif mode == "recv":
            data, fds, flags, _ = socket.recv_fds(s, 16, 4)
            if data != b"J" or len(fds) != 1:
                sys.exit("unexpected message: %r fds=%r flags=%r" % (data, fds, flags))
            chunks = []
            try:
                os.lseek(fds[0], 0, os.SEEK_SET)
                while True:
                    chunk = os.read(fds[0], 4096)
                    if not chunk:
                        break
                    chunks.append(chunk)
            finally:
                for fd in fds:
                    os.close(fd)
            s.sendall(b"".join(chunks))
            s.shutdown(socket.SHUT_WR)
        else:
            sys.exit("unknown mode " + mode)


if __name__ == "__main__":
    main()
