package dev.ffsock.netlink.diag;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * The filter words {@code ss} takes after its options, read into a state mask and an
 * {@link InetFilter}: leading {@code state NAME} / {@code exclude NAME} (names as ss spells them:
 * {@code established}, {@code syn-sent}, {@code syn-recv}, {@code fin-wait-1}, {@code fin-wait-2},
 * {@code time-wait}, {@code unconnected} ({@code close}), {@code close-wait}, {@code last-ack},
 * {@code listening}, {@code closing}, and the groups {@code all}, {@code connected},
 * {@code synchronized}, {@code bucket}, {@code big}), then an expression of
 * {@code dst HOST}, {@code src HOST}, {@code dport OP HOST}, {@code sport OP HOST},
 * {@code dev = NAME}, {@code fwmark = MARK[/MASK]}, {@code autobound}, joined by {@code and}
 * (or nothing), {@code or}, {@code not} and parentheses — left to right without precedence, as ss's
 * grammar does ({@code a or b and c} is {@code (a or b) and c}). {@code HOST} is {@code ADDR[/LEN]},
 * {@code ADDR:PORT}, {@code [IPV6]:PORT}, {@code :PORT} or {@code *}; {@code OP} is one of
 * {@code = == eq != ne neq >= ge <= le > gt < lt} (ss turns {@code !=}, {@code >} and {@code <} into
 * negated {@code =}, {@code <=} and {@code >=}, and so does this).
 *
 * @param states      the state mask the words ask for (bit {@code 1 << state}); {@link SocketState#ALL} when
 *                    {@code statesGiven} is false
 * @param statesGiven whether any {@code state}/{@code exclude} word was given (then it replaces ss's
 *                    {@code -a}/{@code -l} defaults)
 * @param expression  the socket condition, or null for none
 */
public record SsFilter(int states, boolean statesGiven, InetFilter expression) {
    private static final int ALL = SocketState.ALL;

    /**
     * {@return the filter the words describe}
     *
     * @param words     the words, one per element or several in one (split on blanks; parentheses may touch words)
     * @param devIndex  the interface index for a device name, or a negative number when there is none
     * @throws IllegalArgumentException naming the word that cannot be read
     */
    public static SsFilter parse(List<String> words, ToIntFunction<String> devIndex) {
        List<String> t = new ArrayList<>();
        for (String w : words) {
            for (String x : w.replace("(", " ( ").replace(")", " ) ").trim().split("\\s+")) if (!x.isEmpty()) t.add(x);
        }
        Parser p = new Parser(t, devIndex);
        int states = ALL;
        boolean given = false;
        while (p.peek("state") || p.peek("exclude") || p.peek("excl")) {
            boolean exclude = !p.next().equals("state");
            int s = state(p.word("a state name"));
            if (!given) states = exclude ? ALL : 0;
            states = exclude ? states & ~s : states | s;
            given = true;
        }
        InetFilter e = p.atEnd() ? null : p.or();
        if (!p.atEnd()) throw new IllegalArgumentException("unexpected \"" + p.next() + "\" in filter");
        return new SsFilter(states, given, e);
    }

    /**
     * {@return the state mask for an ss state name or group}
     *
     * @param name e.g. {@code established}, {@code listening}, {@code connected}
     * @throws IllegalArgumentException for an unknown name
     */
    public static int state(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "all" -> ALL;
            case "connected" -> ALL & ~SocketState.mask(SocketState.CLOSE, SocketState.LISTEN);
            case "synchronized" -> ALL & ~SocketState.mask(SocketState.CLOSE, SocketState.LISTEN, SocketState.SYN_SENT);
            case "bucket" -> SocketState.mask(SocketState.SYN_RECV, SocketState.TIME_WAIT);
            case "big" -> ALL & ~SocketState.mask(SocketState.SYN_RECV, SocketState.TIME_WAIT);
            case "established" -> SocketState.ESTABLISHED.bit();
            case "syn-sent" -> SocketState.SYN_SENT.bit();
            case "syn-recv", "syn-rcv" -> SocketState.SYN_RECV.bit();
            case "fin-wait-1" -> SocketState.FIN_WAIT1.bit();
            case "fin-wait-2" -> SocketState.FIN_WAIT2.bit();
            case "time-wait" -> SocketState.TIME_WAIT.bit();
            case "unconnected", "close", "closed" -> SocketState.CLOSE.bit();
            case "close-wait" -> SocketState.CLOSE_WAIT.bit();
            case "last-ack" -> SocketState.LAST_ACK.bit();
            case "listening", "listen" -> SocketState.LISTEN.bit();
            case "closing" -> SocketState.CLOSING.bit();
            default -> throw new IllegalArgumentException("wrong state name: " + name);
        };
    }

    /** Recursive descent over the tokens: list := unary ((and|or)? unary)*; unary := not unary | ( list ) | condition. */
    private static final class Parser {
        private final List<String> t;
        private final ToIntFunction<String> devIndex;
        private int i;

        Parser(List<String> t, ToIntFunction<String> devIndex) {
            this.t = t;
            this.devIndex = devIndex;
        }

        boolean atEnd() {
            return i >= t.size();
        }

        boolean peek(String... any) {
            if (atEnd()) return false;
            for (String a : any) if (t.get(i).equalsIgnoreCase(a)) return true;
            return false;
        }

        String next() {
            return t.get(i++);
        }

        String word(String what) {
            if (atEnd()) throw new IllegalArgumentException("filter ends where " + what + " should follow");
            return next();
        }

        /** ss's grammar has no precedence: and/or join left to right, {@code a or b and c} is {@code (a or b) and c}. */
        InetFilter or() {
            InetFilter f = unary();
            while (!atEnd() && !peek(")")) {
                if (peek("or", "||", "|")) {
                    next();
                    f = new InetFilter.Or(f, unary());
                } else {
                    if (peek("and", "&&", "&")) next();
                    f = new InetFilter.And(f, unary());
                }
            }
            return f;
        }

        InetFilter unary() {
            String w = word("a condition");
            switch (w.toLowerCase(Locale.ROOT)) {
                case "not", "!" -> {
                    return new InetFilter.Not(unary());
                }
                case "(" -> {
                    InetFilter f = or();
                    if (!peek(")")) throw new IllegalArgumentException("missing \")\" in filter");
                    next();
                    return f;
                }
                case "dst", "src" -> {
                    boolean src = w.equalsIgnoreCase("src");
                    if (peek("=", "==", "eq")) next();
                    else if (peek("!=", "ne", "neq")) {
                        next();
                        return new InetFilter.Not(host(src, word("an address")));
                    }
                    return host(src, word("an address"));
                }
                case "dport", "sport" -> {
                    return port(w.equalsIgnoreCase("sport"));
                }
                case "dev" -> {
                    boolean negate = eqOrNe("dev");
                    String name = word("a device");
                    int index;
                    try {
                        index = Integer.parseInt(name);
                    } catch (NumberFormatException e) {
                        index = devIndex.applyAsInt(name);
                        if (index < 0) throw new IllegalArgumentException("cannot find device \"" + name + "\"");
                    }
                    InetFilter f = new InetFilter.Device(index);
                    return negate ? new InetFilter.Not(f) : f;
                }
                case "fwmark" -> {
                    boolean negate = eqOrNe("fwmark");
                    String m = word("a mark");
                    int slash = m.indexOf('/');
                    int mark = number(slash < 0 ? m : m.substring(0, slash), "fwmark");
                    int mask = slash < 0 ? -1 : number(m.substring(slash + 1), "fwmark mask");
                    InetFilter f = new InetFilter.Mark(mark, mask);
                    return negate ? new InetFilter.Not(f) : f;
                }
                case "autobound" -> {
                    return new InetFilter.AutoBound();
                }
                default -> throw new IllegalArgumentException("unexpected \"" + w + "\" in filter");
            }
        }

        private boolean eqOrNe(String what) {
            if (peek("=", "==", "eq")) {
                next();
                return false;
            }
            if (peek("!=", "ne", "neq")) {
                next();
                return true;
            }
            throw new IllegalArgumentException(what + " takes = or != ");
        }

        private InetFilter port(boolean src) {
            String op = "=";
            if (peek("=", "==", "eq", "!=", "ne", "neq", ">=", "ge", "geq", "<=", "le", "leq", ">", "gt", "<", "lt")) {
                op = next().toLowerCase(Locale.ROOT);
            }
            String h = word("a port");
            if (op.equals("=") || op.equals("==") || op.equals("eq")) return host(src, h.contains(":") ? h : ":" + h);
            if (op.equals("!=") || op.equals("ne") || op.equals("neq")) return new InetFilter.Not(host(src, h.contains(":") ? h : ":" + h));
            int port = portOf(h.substring(h.lastIndexOf(':') + 1));
            if (port < 0) throw new IllegalArgumentException("a port comparison needs a port: " + h);
            return switch (op) {
                case ">=", "ge", "geq" -> new InetFilter.Port(src, InetFilter.Compare.GE, port);
                case "<=", "le", "leq" -> new InetFilter.Port(src, InetFilter.Compare.LE, port);
                case ">", "gt" -> new InetFilter.Not(new InetFilter.Port(src, InetFilter.Compare.LE, port));
                default -> new InetFilter.Not(new InetFilter.Port(src, InetFilter.Compare.GE, port));
            };
        }

        /** ADDR[/LEN], ADDR:PORT, [V6][/LEN]:PORT, :PORT, *, *:PORT; a bare IPv6 address has several colons. */
        private static InetFilter host(boolean src, String h) {
            String addr = h;
            int port = -1;
            if (h.startsWith("[")) {
                int close = h.indexOf(']');
                if (close < 0) throw new IllegalArgumentException("missing \"]\" in " + h);
                addr = h.substring(1, close);
                String rest = h.substring(close + 1);
                if (rest.startsWith("/")) {
                    int colon = rest.indexOf(':');
                    addr += colon < 0 ? rest : rest.substring(0, colon);
                    rest = colon < 0 ? "" : rest.substring(colon);
                }
                if (rest.startsWith(":")) port = portOf(rest.substring(1));
                else if (!rest.isEmpty()) throw new IllegalArgumentException("cannot read address " + h);
            } else if (h.indexOf(':') == h.lastIndexOf(':') && h.indexOf(':') >= 0) {
                addr = h.substring(0, h.indexOf(':'));
                port = portOf(h.substring(h.indexOf(':') + 1));
            }
            if (addr.isEmpty() || addr.equals("*")) return new InetFilter.Host(src, null, 0, port);
            int slash = addr.indexOf('/');
            InetAddress a;
            String literal = slash < 0 ? addr : addr.substring(0, slash);
            try {
                a = InetAddress.ofLiteral(literal);
                // Java reads ::ffff:a.b.c.d as an IPv4 address; the kernel tells the two apart
                if (a instanceof Inet4Address && literal.contains(":")) {
                    byte[] b = new byte[16];
                    b[10] = (byte) 0xff;
                    b[11] = (byte) 0xff;
                    System.arraycopy(a.getAddress(), 0, b, 12, 4);
                    a = java.net.Inet6Address.getByAddress(null, b, -1);
                }
            } catch (IllegalArgumentException | java.net.UnknownHostException e) {
                throw new IllegalArgumentException("not an address: " + addr);
            }
            int max = a instanceof Inet4Address ? 32 : 128;
            int len = slash < 0 ? max : number(addr.substring(slash + 1), "prefix length");
            if (len < 0 || len > max) throw new IllegalArgumentException("prefix length must be 0.." + max + ": " + addr);
            return new InetFilter.Host(src, a, len, port);
        }

        private static int portOf(String p) {
            if (p.equals("*")) return -1;
            int v = number(p, "port");
            if (v < 0 || v > 0xffff) throw new IllegalArgumentException("port must be 0..65535: " + p);
            return v;
        }

        private static int number(String s, String what) {
            try {
                return Integer.decode(s);
            } catch (NumberFormatException e) {
                try {
                    return Integer.parseUnsignedInt(s.startsWith("0x") ? s.substring(2) : s, s.startsWith("0x") ? 16 : 10);
                } catch (NumberFormatException e2) {
                    throw new IllegalArgumentException("not a " + what + ": " + s);
                }
            }
        }
    }
}
