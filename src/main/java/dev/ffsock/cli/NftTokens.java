package dev.ffsock.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of an nft command line, as nft's scanner splits them: the shell's words joined and
 * split again so that {@code {}, {@code }}, {@code ,} and {@code ;} stand alone however they were
 * quoted ({@code '{ type filter hook input priority 0; }'} and {@code { type … }} read the same);
 * a double-quoted string stays one word, quotes included.
 */
final class NftTokens {
    private final List<String> words;
    private int next;

    NftTokens(List<String> args) throws UsageException {
        words = split(String.join(" ", args));
    }

    static List<String> split(String s) throws UsageException {
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) throw new UsageException("unterminated string: " + s.substring(i));
                w.append(s, i, end + 1);
                i = end;
            } else if (Character.isWhitespace(c) || c == '{' || c == '}' || c == ',' || c == ';') {
                if (!w.isEmpty()) out.add(w.toString());
                w.setLength(0);
                if (!Character.isWhitespace(c)) out.add(String.valueOf(c));
            } else {
                w.append(c);
            }
        }
        if (!w.isEmpty()) out.add(w.toString());
        return out;
    }

    boolean hasNext() {
        return next < words.size();
    }

    String peek() {
        return hasNext() ? words.get(next) : null;
    }

    /** {@return the next word} @throws UsageException naming {@code what} when there is none */
    String next(String what) throws UsageException {
        if (!hasNext()) throw new UsageException("missing " + what);
        return words.get(next++);
    }

    /** Takes the next word if it is {@code w}; {@return whether it was} */
    boolean accept(String w) {
        if (w.equals(peek())) {
            next++;
            return true;
        }
        return false;
    }

    void expect(String w) throws UsageException {
        if (!accept(w)) throw new UsageException("expected '" + w + "'" + (hasNext() ? " before '" + peek() + "'" : " at the end"));
    }

    /** The words of a brace list {@code { a, b, c }} (the opening brace already taken), without the commas. */
    List<String> list() throws UsageException {
        List<String> items = new ArrayList<>();
        while (!accept("}")) {
            String w = next("'}'");
            if (!w.equals(",")) items.add(w);
        }
        return items;
    }

    void end() throws UsageException {
        if (hasNext()) throw new UsageException("unexpected '" + peek() + "'");
    }
}
