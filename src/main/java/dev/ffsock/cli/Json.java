package dev.ffsock.cli;

import java.util.List;
import java.util.Map;

/**
 * A tiny JSON writer for the {@code --json} output: values are {@code Map<String, ?>} (objects, in
 * the map's iteration order), {@code List<?>} (arrays), {@code String}, {@code Number},
 * {@code Boolean} and {@code null}. Output is compact like {@code ip -j}: no spaces. Strings are
 * escaped as iproute2's json_writer does, plus every other control character as {@code \\uXXXX}.
 */
final class Json {
    private Json() {
    }

    /** {@return {@code value} as compact JSON text} */
    static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        write(sb, value);
        return sb.toString();
    }

    /** Appends {@code value} as compact JSON to {@code sb}. */
    static void write(StringBuilder sb, Object value) {
        switch (value) {
            case null -> sb.append("null");
            case String s -> string(sb, s);
            case Boolean b -> sb.append(b.booleanValue());
            case Double d -> {
                if (d.isNaN() || d.isInfinite()) throw new IllegalArgumentException("not a JSON number: " + d);
                sb.append(d);
            }
            case Float f -> write(sb, f.doubleValue());
            case Number n -> sb.append(n.longValue());
            case Map<?, ?> m -> {
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) sb.append(',');
                    first = false;
                    string(sb, (String) e.getKey());
                    sb.append(':');
                    write(sb, e.getValue());
                }
                sb.append('}');
            }
            case List<?> l -> {
                sb.append('[');
                for (int i = 0; i < l.size(); i++) {
                    if (i > 0) sb.append(',');
                    write(sb, l.get(i));
                }
                sb.append(']');
            }
            default -> throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\f' -> sb.append("\\f");
                case '\b' -> sb.append("\\b");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
                }
            }
        }
        sb.append('"');
    }
}
