package dev.ffsock.cli;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON object for {@link Json#write} that keeps its members in order and may repeat a key, as
 * iproute2's printers sometimes do ({@code tc -j filter show} prints one {@code "match"} per u32 key in
 * the same object). Lookups return the first member of that name.
 */
final class JsonObject extends AbstractMap<String, Object> {
    private final List<Map.Entry<String, Object>> members = new ArrayList<>();

    /** Appends a member, even if the key is already there. */
    void add(String key, Object value) {
        members.add(new SimpleImmutableEntry<>(key, value));
    }

    @Override
    public Object put(String key, Object value) {
        add(key, value);
        return null;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return members.iterator();
            }

            @Override
            public int size() {
                return members.size();
            }
        };
    }
}
