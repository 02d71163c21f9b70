package org.careleaf.search.internal;

import java.util.Locale;

import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.ar.ArabicNormalizationFilter;
import org.apache.lucene.analysis.ar.ArabicStemFilter;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.DecimalDigitFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.es.SpanishLightStemFilter;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.fr.FrenchLightStemFilter;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.hi.HindiNormalizationFilter;
import org.apache.lucene.analysis.hi.HindiStemFilter;
import org.apache.lucene.analysis.in.IndicNormalizationFilter;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.it.ItalianLightStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.pt.PortugueseAnalyzer;
import org.apache.lucene.analysis.pt.PortugueseLightStemFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.shingle.ShingleFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.util.ElisionFilter;

/**
 * How one language's text is cut into terms. Every chain is split in two: {@link #normalise} (tokenise,
 * lower-case, fold, bigram: what a synonym rule is matched against) and {@link #reduce} (stop words,
 * stemming). The index runs both; a query runs normalise, then the synonyms, then reduce, so a synonym's
 * words are stemmed exactly like the indexed text they must meet.
 *
 * <p>Accents are folded everywhere a reader may leave them out (patients type "quimio", "nausea",
 * "Ubelkeit"); folding runs before stop words and stemmers, whose word lists are folded to match.
 */
enum Language {

    /**
     * Porter stemmer (as Lucene's EnglishAnalyzer): "flashes"/"flushes" meet "flash"/"flush". Lucene's
     * English stop list is tiny; readers ask questions ("how do I take my …"), so question words and
     * pronouns are stop words too, as they already are in Lucene's lists for the other languages.
     */
    EN("en", with(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, "i", "me", "my", "mine", "myself", "we", "our", "us",
            "you", "your", "yours", "he", "him", "his", "she", "her", "hers", "its", "them", "what", "which",
            "who", "whom", "how", "why", "when", "where", "do", "does", "did", "doing", "can", "could", "should",
            "would", "shall", "may", "might", "must", "am", "been", "being", "have", "has", "had", "having",
            "about", "from", "so", "than", "too", "very", "just", "also", "any", "some", "get", "got", "still",
            "like", "feel", "im", "i'm", "ive", "i've", "dont", "don't", "much", "many", "more", "most", "help",
            "please", "need", "want", "know", "tell", "mean", "means", "long")),
    /** Light stemmer: plural and gender endings, not derivations (keeps "quimio" apart from "química"). */
    ES("es", SpanishAnalyzer.getDefaultStopSet()),
    /** Light stemmer plus German umlaut/ß normalisation, so "Übelkeit" and "Ubelkeit" or "Uebelkeit" meet. */
    DE("de", GermanAnalyzer.getDefaultStopSet()),
    /** Elision ("l'hormone") and light stemmer. */
    FR("fr", FrenchAnalyzer.getDefaultStopSet()),
    IT("it", ItalianAnalyzer.getDefaultStopSet()),
    /** European and Brazilian Portuguese share the light stemmer. */
    PT("pt", PortugueseAnalyzer.getDefaultStopSet()),
    RU("ru", RussianAnalyzer.getDefaultStopSet()),
    /** Arabic normalisation (alef forms, teh marbuta, diacritics) and light prefix/suffix stemming. */
    AR("ar", ArabicAnalyzer.getDefaultStopSet()),
    HI("hi", HindiAnalyzer.getDefaultStopSet()),
    /**
     * Chinese, Japanese and Korean: overlapping bigrams of Han, kana and Hangul. No dictionary segmenter
     * (smartcn, kuromoji, nori) is served here; bigrams need none, recall is high and a phrase of two
     * characters still matches as a whole, which is what readers type.
     */
    CJK("cjk", CharArraySet.EMPTY_SET),
    /**
     * Vietnamese writes a word as syllables separated by spaces ("tuyến tiền liệt", "hóa trị"): syllable
     * bigrams are indexed beside the syllables, so a word outranks its syllables met apart. Folded like
     * PLAIN (tone marks, đ→d) on both sides, for readers who type without them. Bigrams are made after the
     * synonyms, so rules are written in plain syllables.
     */
    VI("vi", CharArraySet.EMPTY_SET),
    /**
     * Tagalog, Haitian Creole, Polish and any language without its own chain: words as Unicode
     * segments them, lower-cased and folded. Vietnamese is isolating and Creole nearly so (nothing to stem);
     * Lucene has no Tagalog stemmer, and Polish's (Stempel) is not served here. Folding lets a reader leave
     * out Vietnamese tone marks and Polish diacritics, as many do on a phone.
     */
    PLAIN("plain", CharArraySet.EMPTY_SET);

    final String key;
    private final CharArraySet stopWords;

    Language(String key, CharArraySet stopWords) {
        this.key = key;
        this.stopWords = folded(stopWords);
    }

    /** The chain for a BCP 47 tag ({@code es-MX} as {@code es}, {@code zh-Hant} as CJK). */
    static Language of(String tag) {
        String lang = tag == null ? "" : tag.toLowerCase(Locale.ROOT);
        int dash = lang.indexOf('-');
        if (dash > 0) {
            lang = lang.substring(0, dash);
        }
        return switch (lang) {
            case "en" -> EN;
            case "es" -> ES;
            case "de" -> DE;
            case "fr" -> FR;
            case "it" -> IT;
            case "pt" -> PT;
            case "ru" -> RU;
            case "ar" -> AR;
            case "hi" -> HI;
            case "vi" -> VI;
            case "zh", "ja", "ko" -> CJK;
            default -> PLAIN;
        };
    }

    /** Words shorter than this are never matched fuzzily; CJK bigrams never are. */
    boolean fuzzy() {
        return this != CJK;
    }

    Tokenizer tokenizer() {
        return new StandardTokenizer();
    }

    /** Tokenise to comparable surface forms: what synonym rules are written in. */
    TokenStream normalise(TokenStream in) {
        TokenStream t = in;
        switch (this) {
            case EN -> t = new EnglishPossessiveFilter(t);
            case FR -> t = new ElisionFilter(t, FrenchAnalyzer.DEFAULT_ARTICLES);
            case IT -> t = new ElisionFilter(t, ITALIAN_ARTICLES);
            case CJK -> t = new CJKWidthFilter(t);
            default -> {
            }
        }
        t = new LowerCaseFilter(t);
        switch (this) {
            case AR -> {
                t = new DecimalDigitFilter(t);
                t = new ArabicNormalizationFilter(t);
            }
            case HI -> {
                t = new DecimalDigitFilter(t);
                t = new IndicNormalizationFilter(t);
                t = new HindiNormalizationFilter(t);
            }
            case DE -> {
                // before folding: ä→a, ö→o, ü→u, ß→ss and "ue"→"u" for readers without umlauts
                t = new GermanNormalizationFilter(t);
                t = new ASCIIFoldingFilter(t);
            }
            case RU -> {
                // "ё" is written as "е" by most readers
                t = new YoFoldingFilter(t);
            }
            case CJK -> t = new CJKBigramFilter(t);
            default -> t = new ASCIIFoldingFilter(t);
        }
        return t;
    }

    /** Stop words and stemming, after the synonyms. */
    TokenStream reduce(TokenStream in) {
        TokenStream t = stopWords.isEmpty() ? in : new StopFilter(in, stopWords);
        return switch (this) {
            case EN -> new PorterStemFilter(t);
            case ES -> new SpanishLightStemFilter(t);
            case DE -> new GermanLightStemFilter(t);
            case FR -> new FrenchLightStemFilter(t);
            case IT -> new ItalianLightStemFilter(t);
            case PT -> new PortugueseLightStemFilter(t);
            case RU -> new RussianLightStemFilter(t);
            case AR -> new ArabicStemFilter(t);
            case HI -> new HindiStemFilter(t);
            case VI -> new StackedGramFilter(new ShingleFilter(t, 2, 2), ShingleFilter.DEFAULT_TOKEN_TYPE);
            default -> t;
        };
    }

    private static final CharArraySet ITALIAN_ARTICLES = CharArraySet.unmodifiableSet(new CharArraySet(
            java.util.List.of("c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl",
                    "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d"), true));

    private static CharArraySet with(CharArraySet base, String... more) {
        CharArraySet out = new CharArraySet(base, true);
        out.addAll(java.util.List.of(more));
        return CharArraySet.unmodifiableSet(out);
    }

    /** The stop list as the folded tokens it must meet. */
    private static CharArraySet folded(CharArraySet words) {
        if (words.isEmpty()) {
            return words;
        }
        CharArraySet out = new CharArraySet(words.size(), true);
        for (Object w : words) {
            char[] chars = (char[]) w;
            String s = new String(chars);
            out.add(s);
            char[] buf = new char[chars.length * 4];
            int n = ASCIIFoldingFilter.foldToASCII(chars, 0, buf, 0, chars.length);
            out.add(new String(buf, 0, n));
        }
        return CharArraySet.unmodifiableSet(out);
    }
}
