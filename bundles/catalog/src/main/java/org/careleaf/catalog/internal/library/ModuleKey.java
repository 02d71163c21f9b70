package org.careleaf.catalog.internal.library;

/** Where a module stands in every list: by its order, then its id. */
record ModuleKey(int order, String id) implements Comparable<ModuleKey> {

    @Override
    public int compareTo(ModuleKey o) {
        int c = Integer.compare(order, o.order);
        return c != 0 ? c : id.compareTo(o.id);
    }
}
