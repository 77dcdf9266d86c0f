package dev.ffsock.cli;

import dev.ffsock.Domain;
import dev.ffsock.SockAddr;
import dev.ffsock.SockAddrIn;
import dev.ffsock.SockAddrIn6;
import dev.ffsock.SockAddrUn;
import dev.ffsock.Type;

/**
 * Where a command talks: an address and a socket type, from {@code --tcp HOST:PORT},
 * {@code --udp HOST:PORT} or {@code --unix PATH|@NAME} with {@code --seqpacket}/{@code --dgram}.
 *
 * @param address the socket address
 * @param type    STREAM, DGRAM or SEQPACKET
 */
record Endpoint(SockAddr address, Type type) {

    /** {@return the address family} */
    Domain domain() {
        return address.domain();
    }

    /** The largest message or stream chunk the commands handle: 1 MiB. */
    static final int MAX_MESSAGE = 1 << 20;

    /** {@return whether this is a datagram socket (UDP or AF_UNIX SOCK_DGRAM)} */
    boolean dgram() {
        return type.equals(Type.DGRAM);
    }

    /** {@return whether this is a SOCK_SEQPACKET socket} */
    boolean seqpacket() {
        return type.equals(Type.SEQPACKET);
    }

    /** {@return whether this is an AF_UNIX address} */
    boolean unix() {
        return address instanceof SockAddrUn;
    }

    /** {@return the port of an IP address; -1 for AF_UNIX} */
    int port() {
        if (address instanceof SockAddrIn a) return a.port();
        if (address instanceof SockAddrIn6 a) return a.port();
        return -1;
    }

    /** Collects the address options of a command line and checks they fit together. */
    static final class Builder {
        private String given;
        private SockAddr address;
        private Type type;
        private String typeFlag;

        /**
         * Handles the current option if it is one of the address options.
         *
         * @return false if the option is not an address option
         */
        boolean accept(Options o) throws UsageException {
            switch (o.option()) {
                case "--tcp" -> ip(o, Type.STREAM);
                case "--udp" -> ip(o, Type.DGRAM);
                case "--unix" -> unix(o);
                case "--seqpacket", "--dgram" -> {
                    o.flag();
                    if (typeFlag != null && !typeFlag.equals(o.option())) {
                        throw new UsageException("--seqpacket and --dgram exclude each other");
                    }
                    typeFlag = o.option();
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        private void one(Options o) throws UsageException {
            if (given != null) throw new UsageException("give one address: " + given + " and " + o.option());
            given = o.option();
        }

        private void ip(Options o, Type t) throws UsageException {
            one(o);
            String v = o.value();
            SockAddr a;
            try {
                a = SockAddr.parse(v);
            } catch (IllegalArgumentException e) {
                throw new UsageException(o.option() + ": " + e.getMessage());
            }
            if (!(a instanceof SockAddrIn) && !(a instanceof SockAddrIn6)) {
                throw new UsageException(o.option() + " needs HOST:PORT, not '" + v + "' (use --unix for AF_UNIX)");
            }
            address = a;
            type = t;
        }

        private void unix(Options o) throws UsageException {
            one(o);
            String v = o.value();
            try {
                if (v.startsWith("@")) {
                    if (v.length() == 1) throw new UsageException("--unix: empty abstract name '@'");
                    address = SockAddrUn.abstractName(v.substring(1));
                } else {
                    address = SockAddrUn.path(v);
                }
            } catch (IllegalArgumentException e) {
                throw new UsageException("--unix: " + e.getMessage());
            }
            type = Type.STREAM;
        }

        /** {@return the endpoint} @throws UsageException if no address was given, or a type flag without --unix */
        Endpoint build() throws UsageException {
            if (address == null) throw new UsageException("missing address: give --tcp, --udp or --unix");
            if (typeFlag != null) {
                if (!(address instanceof SockAddrUn)) throw new UsageException(typeFlag + " needs --unix");
                type = typeFlag.equals("--seqpacket") ? Type.SEQPACKET : Type.DGRAM;
            }
            return new Endpoint(address, type);
        }
    }
}
