package org.careleaf.search.internal;

import java.io.IOException;
import java.io.StringReader;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The synonym rules every synonym source (a bundle with the {@code Careleaf-Synonyms} header) brings, one
 * file per language in Solr's synonym format, and the query analysers made from them. A file that does
 * not parse is refused with its name and line, and what that source last brought for that language
 * keeps serving. A change rebuilds only the query analysers; the index never depends on synonyms.
 */
final class Synonyms {

    /** One file: where it came from (for messages) and its text. */
    record File(String path, String text) {
    }

    /** Good rules per source, then per language tag; sources in the order they came. */
    private final Map<String, Map<String, File>> serving = new LinkedHashMap<>();
    /** The last rules of a source that parsed, per language, kept across an update or removal of the source. */
    private final Map<String, Map<String, File>> lastGood = new HashMap<>();
    private final Map<String, String> problems = new TreeMap<>();
    private final Map<String, Analyzer> queryAnalyzers = new ConcurrentHashMap<>();
    private volatile long generation;

    /**
     * A source came or changed: its files replace what it served before. Returns the problems of its files
     * (empty when all parsed).
     */
    synchronized List<String> put(String source, Map<String, File> files) {
        Map<String, File> good = new TreeMap<>();
        Map<String, File> kept = lastGood.computeIfAbsent(source, k -> new HashMap<>());
        List<String> found = new ArrayList<>();
        problems.keySet().removeIf(k -> k.startsWith(source + "|"));
        for (Map.Entry<String, File> e : files.entrySet()) {
            String tag = e.getKey();
            try {
                parse(Language.of(tag), List.of(e.getValue()));
                good.put(tag, e.getValue());
                kept.put(tag, e.getValue());
            } catch (IllegalArgumentException x) {
                String message = x.getMessage();
                File previous = kept.get(tag);
                if (previous != null) {
                    good.put(tag, previous);
                    message += "; the rules it had before keep serving";
                }
                found.add(message);
                problems.put(source + "|" + tag, message);
            }
        }
        Map<String, File> before = serving.put(source, good);
        changed(before, good);
        return found;
    }

    /** A source went away: its rules stop serving (and are remembered in case it comes back broken). */
    synchronized void remove(String source) {
        Map<String, File> before = serving.remove(source);
        problems.keySet().removeIf(k -> k.startsWith(source + "|"));
        changed(before, Map.of());
    }

    /** What is wrong with the synonym files now, one sentence each. */
    synchronized List<String> problems() {
        return List.copyOf(problems.values());
    }

    /** Changes whenever the rules in force change (for caches of query results). */
    long generation() {
        return generation;
    }

    /** The language tags with rules, for the shell and tests. */
    synchronized Set<String> languages() {
        Set<String> out = new TreeSet<>();
        serving.values().forEach(m -> out.addAll(m.keySet()));
        return out;
    }

    /** The query analyser for readers of {@code locale}: its language's chain with the rules that apply to it. */
    Analyzer queryAnalyzer(String locale) {
        Analyzer a = queryAnalyzers.get(locale);
        if (a != null) {
            return a;
        }
        synchronized (this) {
            return queryAnalyzers.computeIfAbsent(locale, l -> {
                Language lang = Language.of(l);
                List<File> rules = rulesFor(l);
                SynonymMap map = rules.isEmpty() ? null : parse(lang, rules);
                return Analyzers.query(lang, map);
            });
        }
    }

    /** Rules of a language tag itself and of its primary language ({@code es} rules serve {@code es-MX}). */
    private List<File> rulesFor(String locale) {
        String primary = primary(locale);
        List<File> out = new ArrayList<>();
        for (Map<String, File> files : serving.values()) {
            files.forEach((tag, f) -> {
                if (tag.equalsIgnoreCase(locale) || tag.equalsIgnoreCase(primary)) {
                    out.add(f);
                }
            });
        }
        return out;
    }

    private void changed(Map<String, File> before, Map<String, File> after) {
        Set<String> tags = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        if (before != null) {
            before.forEach((t, f) -> {
                if (!f.equals(after.get(t))) {
                    tags.add(t);
                }
            });
        }
        after.forEach((t, f) -> {
            if (before == null || !f.equals(before.get(t))) {
                tags.add(t);
            }
        });
        if (tags.isEmpty()) {
            return;
        }
        // only the analysers these rules feed are rebuilt, on next use
        queryAnalyzers.keySet().removeIf(l -> tags.contains(l) || tags.contains(primary(l)));
        generation++;
    }

    private static String primary(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    /**
     * Parses rule files as one map; @throws IllegalArgumentException naming the file and line of the
     * first rule that is wrong.
     */
    static SynonymMap parse(Language lang, List<File> files) {
        Analyzer analyzer = Analyzers.rules(lang);
        SolrSynonymParser parser = new SolrSynonymParser(true, true, analyzer);
        for (File f : files) {
            try {
                parser.parse(new StringReader(f.text()));
            } catch (ParseException e) {
                String why = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
                throw new IllegalArgumentException(f.path() + " line " + lineOf(e) + ": " + why, e);
            } catch (IOException | RuntimeException e) {
                throw new IllegalArgumentException(f.path() + ": " + e.getMessage(), e);
            }
        }
        try {
            return parser.build();
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The parser says "Invalid synonym rule at line N". */
    private static String lineOf(ParseException e) {
        String m = String.valueOf(e.getMessage());
        int at = m.lastIndexOf("line ");
        return at < 0 ? "?" : m.substring(at + 5).trim();
    }
}
