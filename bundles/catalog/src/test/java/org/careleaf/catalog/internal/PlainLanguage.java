package org.careleaf.catalog.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.careleaf.model.Block;
import org.careleaf.model.BlockType;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.Section;

/**
 * The plain-language items of AHRQ's Patient Education Materials Assessment Tool (PEMAT, print) that a
 * program can judge on an English module: every section has a heading (item 5), sections are short
 * (item 4, chunking), the reader is addressed as "you" (item 3, conversational style), the module tells
 * the reader at least one thing to do (items 20 to 22, actionability), medical terms are defined (item 4),
 * numbers are written as numerals and percentages are explained (items 8 and 9). The figures are
 * measured here; {@link Thresholds} decides what fails.
 */
public final class PlainLanguage {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’]*|\\d[\\d.,%]*");
    private static final Pattern YOU = Pattern.compile("\\b(you|your|yours|yourself)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern SENTENCE = Pattern.compile("[^.!?]+[.!?]*");
    /** Verbs that open an instruction to the reader ("Call your team…", "Do not stop…"). */
    static final Set<String> ACTION_VERBS = Set.of("ask", "call", "tell", "take", "keep", "bring", "write", "go", "get",
            "stop", "start", "use", "wear", "clear", "drink", "eat", "check", "see", "talk", "share", "follow", "rest",
            "choose", "plan", "avoid", "wash", "look", "read", "make", "let", "do", "don't", "accept", "add", "build",
            "brush", "have", "search", "stay", "put", "try", "find", "give", "sit", "contact", "record");
    /** Number words from 2 up; "one" is left out because it is mostly idiom ("one of", "no one"). */
    static final Set<String> NUMBER_WORDS = Set.of("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
            "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
            "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million");
    /** A definition near the first use of a term: "X means", "X is a", "called X", "(X)", "X, which". */
    private static final Pattern DEFINES = Pattern.compile(
            "\\bmeans?\\b|\\bis an?\\b|\\bare\\b|\\bcalled\\b|\\bstands for\\b|\\bshort for\\b|\\bis when\\b|\\(|\\bwhich\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PERCENT_EXPLAINED = Pattern.compile("\\b(in|out of) (every )?100\\b|\\bevery 100\\b",
            Pattern.CASE_INSENSITIVE);

    private PlainLanguage() {
    }

    /** The measured figures of one module. */
    public record Figures(String module, int sections, int untitledSections, int maxSectionWords, String longestSection,
            int keyPointsWords, int proseSections, int youSections, int actions, List<String> undefinedTerms,
            List<String> spelledNumbers, boolean usesPercent, boolean percentExplained) {

        public double youShare() {
            return proseSections == 0 ? 1.0 : (double) youSections / proseSections;
        }
    }

    /** What fails; the defaults are those the build uses (see docs/content-authoring.md). */
    public record Thresholds(int maxSectionWords, int maxKeyPointsWords, double minYouShare, int minActions,
            int maxUndefinedTerms, int maxSpelledNumbers) {

        public static Thresholds fromSystemProperties() {
            return new Thresholds(
                    Integer.parseInt(System.getProperty("careleaf.pemat.max-section-words", "300")),
                    Integer.parseInt(System.getProperty("careleaf.pemat.max-key-points-words", "150")),
                    Double.parseDouble(System.getProperty("careleaf.pemat.min-you-share", "0.75")),
                    Integer.parseInt(System.getProperty("careleaf.pemat.min-actions", "3")),
                    Integer.parseInt(System.getProperty("careleaf.pemat.max-undefined-terms", "0")),
                    Integer.parseInt(System.getProperty("careleaf.pemat.max-spelled-numbers", "0")));
        }
    }

    /** Reads a term list: one term a line; blank lines and lines starting with # are ignored. */
    public static Set<String> readTerms(Path file) throws IOException {
        Set<String> terms = new LinkedHashSet<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (!t.isEmpty() && !t.startsWith("#")) {
                terms.add(t);
            }
        }
        return terms;
    }

    public static Figures measure(ModuleDocument m, Set<String> terms) {
        int untitled = 0;
        int maxWords = 0;
        String longest = "";
        int prose = 0;
        int withYou = 0;
        int actions = 0;
        List<String> spelled = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        int keyPointsWords = 0;
        for (Section s : m.parts()) {
            if (s.title() == null || s.title().isBlank()) {
                untitled++;
            }
            List<String> texts = ReadabilityMeter.texts(s);
            int words = 0;
            for (String t : texts) {
                words += words(t);
                all.append(' ').append(t.replace("**", ""));
                for (String w : tokens(t)) {
                    if (NUMBER_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
                        spelled.add(s.id() + ": " + w);
                    }
                }
            }
            if (s == m.keyPoints()) {
                keyPointsWords = words;
            } else if (words > maxWords) {
                maxWords = words;
                longest = s.id();
            }
            boolean isProse = s.blocks().stream().anyMatch(b -> b.type() == BlockType.PARAGRAPH
                    || b.type() == BlockType.LIST || b.type() == BlockType.CALLOUT);
            if (isProse) {
                prose++;
                if (texts.stream().anyMatch(t -> YOU.matcher(t).find())) {
                    withYou++;
                }
            }
            for (Block b : s.blocks()) {
                if (b.type() == BlockType.PARAGRAPH || b.type() == BlockType.LIST || b.type() == BlockType.CALLOUT) {
                    List<String> parts = new ArrayList<>();
                    if (b.text() != null) {
                        parts.add(b.text());
                    }
                    parts.addAll(b.items());
                    for (String p : parts) {
                        Matcher sm = SENTENCE.matcher(p.replace("**", ""));
                        while (sm.find()) {
                            List<String> ws = tokens(sm.group());
                            if (!ws.isEmpty() && ACTION_VERBS.contains(ws.get(0).toLowerCase(Locale.ROOT))) {
                                actions++;
                            }
                        }
                    }
                }
            }
        }
        String text = all.toString();
        boolean percent = text.contains("%");
        return new Figures(m.id(), m.parts().size(), untitled, maxWords, longest, keyPointsWords, prose, withYou, actions,
                undefinedTerms(m, terms), spelled, percent, !percent || PERCENT_EXPLAINED.matcher(text).find());
    }

    /** The problems of one module against the thresholds; empty when it passes. */
    public static List<String> problems(Figures f, Thresholds t) {
        List<String> p = new ArrayList<>();
        if (f.untitledSections() > 0) {
            p.add(f.untitledSections() + " section(s) without a heading");
        }
        if (f.maxSectionWords() > t.maxSectionWords()) {
            p.add("section '" + f.longestSection() + "' has " + f.maxSectionWords() + " words; split it (at most "
                    + t.maxSectionWords() + ")");
        }
        if (f.keyPointsWords() > t.maxKeyPointsWords()) {
            p.add("the key points have " + f.keyPointsWords() + " words (at most " + t.maxKeyPointsWords() + ")");
        }
        if (f.youShare() < t.minYouShare()) {
            p.add(String.format(Locale.ROOT, "only %d of %d prose sections address the reader as 'you' (at least %.0f%%)",
                    f.youSections(), f.proseSections(), t.minYouShare() * 100));
        }
        if (f.actions() < t.minActions()) {
            p.add(f.actions() + " sentence(s) tell the reader what to do (at least " + t.minActions() + ")");
        }
        if (f.undefinedTerms().size() > t.maxUndefinedTerms()) {
            p.add("medical terms used but not defined in the glossary or on first use: " + f.undefinedTerms());
        }
        if (f.spelledNumbers().size() > t.maxSpelledNumbers()) {
            p.add("numbers written as words; write numerals: " + f.spelledNumbers());
        }
        if (!f.percentExplained()) {
            p.add("a percentage is used but never explained (say once, for example, '30% means 30 in every 100')");
        }
        return p;
    }

    /** One line of the build's figures table. */
    public static String row(Figures f) {
        return String.format(Locale.ROOT, "%-28s %8d %10d %8s %7d %9d %8d %9s", f.module(), f.maxSectionWords(),
                f.keyPointsWords(), f.youSections() + "/" + f.proseSections(), f.actions(), f.undefinedTerms().size(),
                f.spelledNumbers().size(), f.usesPercent() ? (f.percentExplained() ? "yes" : "NO") : "-");
    }

    public static String header() {
        return String.format(Locale.ROOT, "%-28s %8s %10s %8s %7s %9s %8s %9s", "module", "maxWords", "keyPtWords",
                "you", "actions", "undefined", "spelled#", "%explain");
    }

    /**
     * Terms from the list that the module uses but defines neither in its glossary (a glossary term names
     * it, also as a part in brackets, e.g. "Hormone therapy (ADT)") nor in the sentence where it first appears.
     */
    static List<String> undefinedTerms(ModuleDocument m, Set<String> terms) {
        Set<String> glossary = new TreeSet<>();
        for (Section s : m.parts()) {
            for (Block b : s.blocks()) {
                if (b.type() == BlockType.GLOSSARY && b.term() != null) {
                    for (String part : b.term().split("[()/]")) {
                        if (!part.isBlank()) {
                            glossary.add(part.strip().toLowerCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        Map<String, String> firstUse = new LinkedHashMap<>();
        for (Section s : m.parts()) {
            for (Block b : s.blocks()) {
                if (b.type() == BlockType.GLOSSARY || b.type() == BlockType.QUESTION) {
                    continue;
                }
                for (String t : ReadabilityMeter.texts(new Section(s.id(), s.title(), List.of(b)))) {
                    String plain = t.replace("**", "");
                    Matcher sm = SENTENCE.matcher(plain);
                    while (sm.find()) {
                        String sentence = sm.group();
                        for (String term : terms) {
                            if (!firstUse.containsKey(term) && termPattern(term).matcher(sentence).find()) {
                                firstUse.put(term, sentence);
                            }
                        }
                    }
                }
            }
        }
        List<String> undefined = new ArrayList<>();
        for (Map.Entry<String, String> e : firstUse.entrySet()) {
            String term = e.getKey().toLowerCase(Locale.ROOT);
            boolean inGlossary = glossary.stream().anyMatch(g -> g.equals(term) || g.startsWith(term + " ")
                    || g.equals(term + "s") || termPattern(term).matcher(g).find());
            if (!inGlossary && !DEFINES.matcher(e.getValue()).find()) {
                undefined.add(e.getKey());
            }
        }
        return undefined;
    }

    private static Pattern termPattern(String term) {
        return Pattern.compile("(?<![\\p{L}\\d-])" + Pattern.quote(term) + "(e?s)?(?![\\p{L}\\d])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private static int words(String t) {
        int n = 0;
        Matcher m = WORD.matcher(t.replace("**", ""));
        while (m.find()) {
            String w = m.group();
            if (Character.isDigit(w.charAt(0))) {
                n++;
            } else {
                for (String part : w.split("-")) {
                    if (!part.isEmpty()) {
                        n++;
                    }
                }
            }
        }
        return n;
    }

    private static List<String> tokens(String t) {
        List<String> out = new ArrayList<>();
        Matcher m = WORD.matcher(t.replace("**", ""));
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
