package org.careleaf.search.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.careleaf.search.SearchHit.Fragment;

/**
 * Turns the highlighter's passages into plain-text fragments flagged where the query matched: no markup
 * at all, so each host escapes and marks matches its own way.
 */
final class Snippets extends PassageFormatter {

    static final String ELLIPSIS = "…";

    @Override
    public Object format(Passage[] passages, String content) {
        List<Fragment> out = new ArrayList<>();
        int last = -1;
        for (Passage p : passages) {
            int start = p.getStartOffset();
            int end = Math.min(p.getEndOffset(), content.length());
            if (start > 0 && start != last) {
                add(out, ELLIPSIS + " ", false);
            }
            int pos = start;
            for (int i = 0; i < p.getNumMatches(); i++) {
                int ms = Math.max(p.getMatchStarts()[i], pos);
                int me = Math.min(p.getMatchEnds()[i], end);
                if (me <= ms) {
                    continue;
                }
                add(out, content.substring(pos, ms), false);
                add(out, content.substring(ms, me), true);
                pos = me;
            }
            add(out, content.substring(pos, end), false);
            last = end;
        }
        if (last >= 0 && last < content.length()) {
            add(out, " " + ELLIPSIS, false);
        }
        return List.copyOf(joinPhrases(out));
    }

    /** Words matched one by one but typed together ("hot flashes") are marked as one match. */
    static List<Fragment> joinPhrases(List<Fragment> in) {
        List<Fragment> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            Fragment f = in.get(i);
            if (!f.match() && f.text().isBlank() && !out.isEmpty() && out.get(out.size() - 1).match()
                    && i + 1 < in.size() && in.get(i + 1).match()) {
                Fragment prev = out.remove(out.size() - 1);
                out.add(new Fragment(prev.text() + f.text() + in.get(i + 1).text(), true));
                i++;
            } else {
                out.add(f);
            }
        }
        return out;
    }

    /** Adds text, merged with the previous fragment when it has the same flag; blocks are joined by newlines. */
    static void add(List<Fragment> out, String text, boolean match) {
        String t = text.replace('\n', ' ');
        if (t.isEmpty()) {
            return;
        }
        if (!out.isEmpty() && out.get(out.size() - 1).match() == match) {
            Fragment prev = out.remove(out.size() - 1);
            t = prev.text() + t;
        }
        out.add(new Fragment(t, match));
    }

    /**
     * At most about {@code max} characters of a snippet, starting a little before its first match: a
     * passage is a sentence, and a list joined into one can be long.
     */
    static List<Fragment> window(List<Fragment> in, int max) {
        int total = in.stream().mapToInt(f -> f.text().length()).sum();
        if (total <= max) {
            return in;
        }
        int firstMatch = 0;
        for (Fragment f : in) {
            if (f.match()) {
                break;
            }
            firstMatch += f.text().length();
        }
        int from = Math.max(0, firstMatch - max / 3);
        int to = Math.min(total, from + max);
        List<Fragment> out = new ArrayList<>();
        int pos = 0;
        for (Fragment f : in) {
            int s = pos;
            int e = pos + f.text().length();
            pos = e;
            int a = Math.max(s, from);
            int b = Math.min(e, to);
            if (a >= b) {
                continue;
            }
            String t = f.text().substring(a - s, b - s);
            if (!f.match()) {
                // cut at spaces, not inside words
                if (a == from && a > 0 && a > s) {
                    int sp = t.indexOf(' ');
                    t = sp < 0 ? t : t.substring(sp + 1);
                }
                if (b == to && b < total && b < e) {
                    int sp = t.lastIndexOf(' ');
                    t = sp < 0 ? t : t.substring(0, sp);
                }
            }
            add(out, t, f.match());
        }
        if (from > 0 && !(in.get(0).text().startsWith(ELLIPSIS) && from < 3)) {
            out.add(0, new Fragment(ELLIPSIS + " ", false));
            merge(out);
        }
        if (to < total) {
            add(out, " " + ELLIPSIS, false);
        }
        return List.copyOf(out);
    }

    private static void merge(List<Fragment> out) {
        if (out.size() > 1 && !out.get(1).match()) {
            Fragment a = out.remove(0);
            Fragment b = out.remove(0);
            out.add(0, new Fragment(a.text() + b.text(), false));
        }
    }

    /** The opening of a text, unmarked: for a hit whose words matched only its titles. */
    static List<Fragment> opening(String content, int max) {
        List<Fragment> out = new ArrayList<>();
        if (content == null || content.isEmpty()) {
            return out;
        }
        if (content.length() <= max) {
            add(out, content, false);
            return out;
        }
        int cut = content.lastIndexOf(' ', max);
        add(out, content.substring(0, cut > max / 2 ? cut : max) + " " + ELLIPSIS, false);
        return out;
    }
}
