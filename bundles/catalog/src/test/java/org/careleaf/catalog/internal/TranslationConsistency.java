package org.careleaf.catalog.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.careleaf.model.Block;
import org.careleaf.model.BlockType;
import org.careleaf.model.CalloutLevel;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.Section;
import org.careleaf.model.TranslatedBlock;
import org.careleaf.model.TranslationDocument;

/**
 * Checks that a translation says what its English says where a mistake would hurt a reader: the
 * numbers (doses, temperatures, percentages, phone numbers, years) and the medicine names of every
 * block whose translation is current, and that every urgent callout is translated. A reviewed exception
 * list may let a block carry other numbers (a crisis line of the reader's country, say).
 */
public final class TranslationConsistency {

    /**
     * Digits, with decimal or thousands separators inside. Digits after a letter and a hyphen (radium-223,
     * راديوم-223) or right after a Latin letter (BRCA1) are names, not numbers; a prefix such as Arabic و ("and")
     * glued to a number does not hide it.
     */
    private static final Pattern NUMBER = Pattern.compile("(?<!\\p{L}[-‑])(?<![\\p{IsLatin}\\d])\\d+(?:[.,]\\d+)*");
    private static final Pattern GROUPED = Pattern.compile("(?<=\\d)[\\u00a0\\u202f\\u2009](?=\\d{3}(?!\\d))");

    private TranslationConsistency() {
    }

    /** A medicine: its English name and the spellings each language may use for it. */
    public record Drug(String english, Map<String, List<String>> local) {
    }

    /** A reviewed exception: in this language, module and block, these numbers may be added or left out. */
    public record Exception(String lang, String module, String block, Set<String> mayAdd, Set<String> mayOmit) {
        boolean applies(String l, String m, String b) {
            return (lang.equals("*") || lang.equals(l)) && (module.equals("*") || module.equals(m))
                    && (block.equals("*") || block.equals(b));
        }
    }

    /** {@code docetaxel | es: docetaxel | fr: docétaxel, docetaxel | ar: دوسيتاكسيل}; # starts a comment. */
    public static List<Drug> readDrugs(Path file) throws IOException {
        List<Drug> out = new ArrayList<>();
        for (String line : lines(file)) {
            String[] parts = line.split("\\|");
            Map<String, List<String>> local = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split(":", 2);
                if (kv.length == 2) {
                    List<String> names = new ArrayList<>();
                    for (String n : kv[1].split(",")) {
                        if (!n.isBlank()) {
                            names.add(n.strip());
                        }
                    }
                    local.put(kv[0].strip(), names);
                }
            }
            out.add(new Drug(parts[0].strip(), local));
        }
        return out;
    }

    /** {@code es | mpc-living-well | feelings-mood-c1 | +024 -116 -123}; * matches any language, module or block. */
    public static List<Exception> readExceptions(Path file) throws IOException {
        List<Exception> out = new ArrayList<>();
        for (String line : lines(file)) {
            String[] p = line.split("\\|");
            if (p.length < 4) {
                throw new IllegalArgumentException(file + ": '" + line + "' is not lang | module | block | +n -n");
            }
            Set<String> add = new TreeSet<>();
            Set<String> omit = new TreeSet<>();
            for (String tok : p[3].trim().split("\\s+")) {
                if (tok.startsWith("+")) {
                    add.addAll(numbers(tok.substring(1)));
                } else if (tok.startsWith("-")) {
                    omit.addAll(numbers(tok.substring(1)));
                }
            }
            out.add(new Exception(p[0].strip(), p[1].strip(), p[2].strip(), add, omit));
        }
        return out;
    }

    private static List<String> lines(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = l.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                out.add(t);
            }
        }
        return out;
    }

    /**
     * The numbers in a text as digit strings: any script's digits become 0-9, separators are dropped
     * (so 28.7, 28,7 and 1 822 compare with 28.7, 28,7 and 1,822).
     */
    public static Set<String> numbers(String text) {
        StringBuilder ascii = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> ascii.appendCodePoint(Character.isDigit(cp) ? '0' + Character.digit(cp, 10) : cp));
        String t = GROUPED.matcher(ascii).replaceAll("");
        Set<String> out = new TreeSet<>();
        Matcher m = NUMBER.matcher(t);
        while (m.find()) {
            out.add(m.group().replace(".", "").replace(",", ""));
        }
        return out;
    }

    /** The problems of one translation against its English; only current blocks are compared. */
    public static List<String> problems(ModuleDocument english, TranslationDocument t, List<Drug> drugs,
            List<Exception> exceptions) {
        List<String> out = new ArrayList<>();
        String lang = t.locale().split("-")[0];
        for (Section s : english.parts()) {
            for (Block b : s.blocks()) {
                TranslatedBlock tb = t.blocks().get(b.id());
                if (b.type() == BlockType.CALLOUT && b.level() == CalloutLevel.URGENT && tb == null) {
                    out.add(b.id() + ": the urgent callout is not translated");
                }
                if (tb == null || !fits(b, tb) || !tb.source().equals(SourceHash.of(b))) {
                    continue; // missing or stale: the completeness check reports it
                }
                String en = join(b.title(), b.text(), b.term(), b.alt(), b.items());
                String tr = join(tb.title(), tb.text(), tb.term(), tb.alt(), tb.items());
                Set<String> missing = new TreeSet<>(numbers(en));
                missing.removeAll(numbers(tr));
                Set<String> extra = new TreeSet<>(numbers(tr));
                extra.removeAll(numbers(en));
                // "June 2025" may be written 2025年6月 or 06/2025: a month the English names may appear as its number
                extra.removeAll(monthNumbers(en));
                for (Exception e : exceptions) {
                    if (e.applies(t.locale(), english.id(), b.id()) || e.applies(lang, english.id(), b.id())) {
                        missing.removeAll(e.mayOmit());
                        extra.removeAll(e.mayAdd());
                    }
                }
                if (!missing.isEmpty() || !extra.isEmpty()) {
                    out.add(b.id() + ": numbers differ from the English" + (missing.isEmpty() ? "" : "; missing " + missing)
                            + (extra.isEmpty() ? "" : "; not in the English " + extra));
                }
                String trFolded = fold(tr);
                for (Drug d : drugs) {
                    if (!mentions(en, d.english())) {
                        continue;
                    }
                    List<String> names = new ArrayList<>();
                    names.add(d.english());
                    // the full tag's spellings when listed (zh-Hans and zh-Hant differ), else the language's
                    names.addAll(d.local().getOrDefault(t.locale(), d.local().getOrDefault(lang, List.of())));
                    if (names.stream().noneMatch(n -> trFolded.contains(fold(n)))) {
                        out.add(b.id() + ": the medicine " + d.english() + " is not named (accepted for " + lang + ": "
                                + names + ")");
                    }
                }
            }
        }
        return out;
    }

    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");

    /** The numbers (1 to 12, also with a leading zero) of the months an English text names. */
    static Set<String> monthNumbers(String english) {
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < MONTHS.size(); i++) {
            // "may" is also a verb: only a capitalised May followed by a year or a day counts
            Pattern p = i == 4 ? Pattern.compile("\\bMay\\s+\\d") : Pattern.compile("(?i)\\b" + MONTHS.get(i) + "\\b");
            if (p.matcher(english).find()) {
                out.add(String.valueOf(i + 1));
                out.add(String.format(Locale.ROOT, "%02d", i + 1));
            }
        }
        return out;
    }

    static boolean mentions(String text, String name) {
        return Pattern.compile("(?<![\\p{L}])" + Pattern.quote(name) + "(?![\\p{L}])", Pattern.CASE_INSENSITIVE)
                .matcher(text).find();
    }

    /** Lower case without accents, for comparing names across spellings. */
    static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    /** A translation has exactly the fields its source block has, and as many items (as the catalog requires). */
    static boolean fits(Block b, TranslatedBlock tr) {
        return (b.title() == null) == (tr.title() == null) && (b.text() == null) == (tr.text() == null)
                && (b.term() == null) == (tr.term() == null) && (b.alt() == null) == (tr.alt() == null)
                && b.items().size() == tr.items().size() && Objects.nonNull(tr.source());
    }

    private static String join(String a, String b, String c, String d, List<String> items) {
        List<String> all = new ArrayList<>();
        for (String s : new String[] {a, b, c, d}) {
            if (s != null) {
                all.add(s);
            }
        }
        all.addAll(items);
        return String.join(" \n ", all);
    }
}
