package org.careleaf.catalog.internal;

/** Compares content versions MAJOR.MINOR.PATCH numerically. */
record Versions(int major, int minor, int patch) implements Comparable<Versions> {

    static Versions parse(String v) {
        String[] p = v == null ? new String[0] : v.split("\\.");
        return new Versions(part(p, 0), part(p, 1), part(p, 2));
    }

    private static int part(String[] p, int i) {
        try {
            return i < p.length ? Integer.parseInt(p[i]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public int compareTo(Versions o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c == 0 ? Integer.compare(patch, o.patch) : c;
    }
}
