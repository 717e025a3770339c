package dev.crashwatch.watchdog.store.counters;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A read-only counter map over two arrays, as the cache decodes it: no hashing at load time, iteration in file
 * order. Lookups scan; every reader of counter files iterates instead.
 */
final class CompactCounts extends AbstractMap<String, Long> {
    private final List<String> names;
    private final int[] nameIds;
    private final long[] counts;

    CompactCounts(List<String> names, int[] nameIds, long[] counts) {
        this.names = names;
        this.nameIds = nameIds;
        this.counts = counts;
    }

    @Override
    public int size() {
        return counts.length;
    }

    @Override
    public Set<Map.Entry<String, Long>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public int size() {
                return counts.length;
            }

            @Override
            public Iterator<Map.Entry<String, Long>> iterator() {
                return new Iterator<>() {
                    private int i;

                    @Override
                    public boolean hasNext() {
                        return i < counts.length;
                    }

                    @Override
                    public Map.Entry<String, Long> next() {
                        if (i >= counts.length) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<String, Long> e = Map.entry(names.get(nameIds[i]), counts[i]);
                        i++;
                        return e;
                    }
                };
            }
        };
    }

    @Override
    public void forEach(java.util.function.BiConsumer<? super String, ? super Long> action) {
        for (int i = 0; i < counts.length; i++) {
            action.accept(names.get(nameIds[i]), counts[i]);
        }
    }
}
