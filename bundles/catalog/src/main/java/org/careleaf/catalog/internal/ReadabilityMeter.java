package org.careleaf.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.careleaf.model.Block;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.Readability;
import org.careleaf.model.Section;

/**
 * Readability by the published formula for each language. Every text field of a block (title,
 * text, term, each list item) counts as at least one sentence, since a list item is read as one.
 * A section's score uses all its blocks together; the module's score is the mean of its sections'.
 *
 * <p>Syllables are counted as groups of vowels (y counts as a vowel; accented vowels of the language
 * too). For English a silent final "e" (not "-le") and the silent "e" of "-es"/"-ed" endings are
 * dropped, the method of common Flesch–Kincaid implementations; every word has at least one syllable
 * and a number counts as one.
 */
public final class ReadabilityMeter {

    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’]*|\\d[\\d.,%]*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?¿¡]+(?=\\s|$)");
    private static final Pattern ENDS_SENTENCE = Pattern.compile("[.!?:]\\s*$");
    private static final Pattern SILENT_E = Pattern.compile(".*[aeiouy]e");
    private static final Pattern ES_ED = Pattern.compile(".*[^aeiouy](es|ed)");
    private static final Pattern SOUNDED_ES_ED = Pattern.compile(".*([td]ed|[sxz]es|[cs]hes|[cg]es)");

    /** A formula: language vowels, then the score from words per sentence and syllables per word. */
    private record Formula(String name, String scale, String vowels, String note) {
    }

    private static final Map<String, Formula> FORMULAS = Map.of(
            "en", new Formula("flesch-kincaid-grade", Readability.US_GRADE, "aeiouy",
                    "Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59; "
                            + "US school grade, lower is easier; aim at 8 or below."),
            "es", new Formula("fernandez-huerta", Readability.EASE, "aeiouáéíóúüy",
                    "Fernández-Huerta reading ease: 206.84 − 0.60 × syllables per 100 words − 1.02 × sentences per 100 "
                            + "words; 0–100, higher is easier; 60–70 is plain."),
            "de", new Formula("amstad", Readability.EASE, "aeiouyäöü",
                    "Amstad reading ease (Flesch for German): 180 − words per sentence − 58.5 × syllables per word; "
                            + "0–100, higher is easier; 60–70 is plain."),
            "fr", new Formula("kandel-moles", Readability.EASE, "aeiouyàâéèêëîïôûùüÿœæ",
                    "Kandel–Moles reading ease (Flesch for French): 207 − 1.015 × words per sentence − 73.6 × syllables "
                            + "per word; 0–100, higher is easier; 60–70 is plain."),
            "it", new Formula("gulpease", Readability.EASE, "aeiouàèéìíòóùú",
                    "Gulpease index (Italian; counts letters, not syllables): 89 + (300 × sentences − 10 × letters) / "
                            + "words; 0–100, higher is easier; below 80 is hard for readers with primary schooling, "
                            + "below 60 for lower secondary."),
            "pt", new Formula("flesch-martins", Readability.EASE, "aeiouáâãàéêíóôõúüy",
                    "Flesch reading ease adapted for Brazilian Portuguese (Martins et al., 1996): 248.835 − 1.015 × "
                            + "words per sentence − 84.6 × syllables per word; 0–100, higher is easier; 75 or more is easy."));

    private static final String NO_FORMULA = "No standard readability formula is widely used for this language, "
            + "so none is given; plain language was aimed for by the writers.";

    private ReadabilityMeter() {
    }

    /** Readability of a module's text in the given language (the language's primary subtag decides). */
    public static Readability measure(ModuleDocument module, String locale) {
        Formula f = FORMULAS.get(primary(locale));
        if (f == null) {
            return new Readability(null, null, null, Map.of(), NO_FORMULA);
        }
        Map<String, Double> sections = new LinkedHashMap<>();
        for (Section s : module.parts()) {
            Double score = score(f, texts(s));
            if (score != null) {
                sections.put(s.id(), round(score));
            }
        }
        Double mean = sections.isEmpty() ? null
                : round(sections.values().stream().mapToDouble(Double::doubleValue).average().orElse(0));
        return new Readability(f.name(), f.scale(), mean, sections, f.note());
    }

    static List<String> texts(Section s) {
        List<String> out = new ArrayList<>();
        for (Block b : s.blocks()) {
            for (String t : new String[] {b.title(), b.text(), b.term()}) {
                if (t != null && !t.isBlank()) {
                    out.add(t);
                }
            }
            out.addAll(b.items());
        }
        return out;
    }

    private static Double score(Formula f, List<String> texts) {
        long words = 0;
        long syllables = 0;
        long sentences = 0;
        long letters = 0;
        for (String raw : texts) {
            String t = raw.replace("**", "").strip();
            Matcher m = WORD.matcher(t);
            while (m.find()) {
                String w = m.group();
                if (Character.isDigit(w.charAt(0))) {
                    words++;
                    syllables++;
                    continue;
                }
                for (String part : w.split("-")) {
                    if (!part.isEmpty()) {
                        words++;
                        syllables += syllables(part, f);
                        letters += part.codePoints().filter(Character::isLetter).count();
                    }
                }
            }
            long s = SENTENCE_END.matcher(t).results().count();
            if (!ENDS_SENTENCE.matcher(t).find()) {
                s++;
            }
            sentences += Math.max(1, s);
        }
        if (words == 0) {
            return null;
        }
        double wps = (double) words / sentences;
        double spw = (double) syllables / words;
        double score = switch (f.name()) {
            case "flesch-kincaid-grade" -> 0.39 * wps + 11.8 * spw - 15.59;
            case "fernandez-huerta" -> 206.84 - 0.60 * (spw * 100) - 1.02 * (100.0 / wps);
            case "amstad" -> 180 - wps - 58.5 * spw;
            case "gulpease" -> 89 + (300.0 * sentences - 10.0 * letters) / words;
            case "flesch-martins" -> 248.835 - 1.015 * wps - 84.6 * spw;
            case "kandel-moles" -> 207 - 1.015 * wps - 73.6 * spw;
            default -> throw new IllegalStateException("no score for " + f.name());
        };
        // reading-ease scales are defined from 0 to 100; very short sentences would go past 100
        return Readability.EASE.equals(f.scale()) ? Math.max(0, Math.min(100, score)) : score;
    }

    static int syllables(String word, String lang) {
        return syllables(word, FORMULAS.get(lang));
    }

    private static int syllables(String word, Formula f) {
        String w = word.toLowerCase(Locale.ROOT).replace("'", "").replace("’", "");
        int n = 0;
        boolean inVowel = false;
        for (int i = 0; i < w.length(); i++) {
            boolean v = f.vowels().indexOf(w.charAt(i)) >= 0;
            if (v && !inVowel) {
                n++;
            }
            inVowel = v;
        }
        if ("flesch-kincaid-grade".equals(f.name())) {
            if (n > 1 && w.endsWith("e") && !w.endsWith("le") && !SILENT_E.matcher(w).matches()) {
                n--;
            }
            if (n > 1 && (w.endsWith("es") || w.endsWith("ed")) && ES_ED.matcher(w).matches()
                    && !SOUNDED_ES_ED.matcher(w).matches()) {
                n--;
            }
        }
        return Math.max(1, n);
    }

    private static String primary(String locale) {
        if (locale == null) {
            return "";
        }
        int dash = locale.indexOf('-');
        return (dash < 0 ? locale : locale.substring(0, dash)).toLowerCase(Locale.ROOT);
    }

    private static double round(double d) {
        return Math.round(d * 100) / 100.0;
    }
}
