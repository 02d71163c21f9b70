package org.careleaf.catalog.internal.library;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * An immutable map that is cheap to change: {@link #with} and {@link #without} copy only the one of
 * {@value #SHARDS} shards the key falls in, and share the rest with the map they came from. So a
 * library of ten thousand modules publishes a new snapshot per change by copying a few dozen entries.
 */
final class ShardedMap<K, V> {

    static final int SHARDS = 256;
    private static final ShardedMap<?, ?> EMPTY = new ShardedMap<>(new Map<?, ?>[SHARDS], 0);

    private final Map<K, V>[] shards;
    private final int size;

    private ShardedMap(Map<?, ?>[] shards, int size) {
        @SuppressWarnings("unchecked")
        Map<K, V>[] typed = (Map<K, V>[]) shards;
        this.shards = typed;
        this.size = size;
    }

    @SuppressWarnings("unchecked")
    static <K, V> ShardedMap<K, V> empty() {
        return (ShardedMap<K, V>) EMPTY;
    }

    private static int shard(Object key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (SHARDS - 1);
    }

    V get(Object key) {
        Map<K, V> s = shards[shard(key)];
        return s == null ? null : s.get(key);
    }

    boolean containsKey(Object key) {
        return get(key) != null;
    }

    int size() {
        return size;
    }

    ShardedMap<K, V> with(K key, V value) {
        int i = shard(key);
        Map<K, V> old = shards[i];
        if (old != null && old.get(key) == value) {
            return this;
        }
        Map<K, V> copy = old == null ? new HashMap<>(4) : new HashMap<>(old);
        boolean added = copy.put(key, value) == null;
        Map<?, ?>[] next = Arrays.copyOf(shards, SHARDS);
        next[i] = copy;
        return new ShardedMap<>(next, added ? size + 1 : size);
    }

    ShardedMap<K, V> without(Object key) {
        int i = shard(key);
        Map<K, V> old = shards[i];
        if (old == null || !old.containsKey(key)) {
            return this;
        }
        Map<K, V> copy = new HashMap<>(old);
        copy.remove(key);
        Map<?, ?>[] next = Arrays.copyOf(shards, SHARDS);
        next[i] = copy.isEmpty() ? null : copy;
        return new ShardedMap<>(next, size - 1);
    }

    void forEach(BiConsumer<? super K, ? super V> action) {
        for (Map<K, V> s : shards) {
            if (s != null) {
                s.forEach(action);
            }
        }
    }

    Collection<V> values() {
        List<V> out = new ArrayList<>(size);
        forEach((k, v) -> out.add(v));
        return out;
    }
}
