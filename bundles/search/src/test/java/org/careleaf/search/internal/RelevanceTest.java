package org.careleaf.search.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.careleaf.catalog.internal.library.TestCatalog;
import org.careleaf.search.SearchHit;
import org.careleaf.search.SearchQuery;
import org.careleaf.search.SearchResult;
import org.junit.jupiter.api.Test;

/**
 * Do readers find the section that answers them, in their own words and language? Every file in
 * {@code relevance/} is a language's questions; a language whose translation is unfinished is skipped
 * (and says so). The build fails when any language finds an answer in its top 3 for fewer than
 * {@value #MIN_RECALL_AT_3} of its questions.
 */
class RelevanceTest {

    static final double MIN_RECALL_AT_3 = 0.85;
    static final int MIN_ENGLISH = 40;
    static final int MIN_TRANSLATED = 10;

    record Question(int line, String text, List<String> answers) {
    }

    @Test
    void everyLanguageFindsItsAnswersInTheTopThree() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getClassLoader().getResource("relevance").toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".tsv")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no relevance files");
        List<String> languages = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path f : files) {
            String lang = lang(f);
            if (lang.equals("en")) {
                continue;
            }
            if (ShippedLibrary.finished(lang)) {
                languages.add(lang);
            } else {
                skipped.add(lang);
                System.out.println("RELEVANCE " + lang + " skipped: its localisation bundle is missing or still has "
                        + ShippedLibrary.UNFINISHED + " parts");
            }
        }
        TestCatalog catalog = ShippedLibrary.catalog(languages);
        SectionIndex index = new SectionIndex(catalog, ShippedLibrary.synonyms());
        index.rebuild();

        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            String lang = lang(f);
            if (skipped.contains(lang)) {
                continue;
            }
            List<Question> questions = read(f);
            int min = lang.equals("en") ? MIN_ENGLISH : MIN_TRANSLATED;
            assertTrue(questions.size() >= min, f.getFileName() + " has " + questions.size() + " questions; at least "
                    + min + " are needed");
            int inTop3 = 0;
            double reciprocal = 0;
            List<String> missed = new ArrayList<>();
            for (Question q : questions) {
                SearchResult r = index.search(new SearchQuery(q.text(), lang, 0, 10));
                assertEquals(lang, r.locale(), "searched in " + lang + ": " + q.text());
                int rank = 0;
                for (int i = 0; i < r.hits().size(); i++) {
                    SearchHit h = r.hits().get(i);
                    if (q.answers().contains(h.module() + "#" + h.section())) {
                        rank = i + 1;
                        break;
                    }
                }
                if (rank > 0) {
                    reciprocal += 1.0 / rank;
                }
                if (rank >= 1 && rank <= 3) {
                    inTop3++;
                } else {
                    missed.add("  " + f.getFileName() + ":" + q.line() + " \"" + q.text() + "\" wants " + q.answers()
                            + "; top 3: " + r.hits().stream().limit(3).map(h -> h.module() + "#" + h.section()).toList());
                }
            }
            double recall = (double) inTop3 / questions.size();
            double mrr = reciprocal / questions.size();
            System.out.println(String.format(Locale.ROOT, "RELEVANCE %s questions=%d recall@3=%.2f mrr=%.2f", lang,
                    questions.size(), recall, mrr));
            missed.forEach(System.out::println);
            if (recall < MIN_RECALL_AT_3) {
                failures.add(String.format(Locale.ROOT, "%s recall@3=%.2f < %.2f:%n%s", lang, recall, MIN_RECALL_AT_3,
                        String.join("\n", missed)));
            }
        }
        index.close();
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static String lang(Path f) {
        String n = f.getFileName().toString();
        return n.substring(0, n.length() - ".tsv".length());
    }

    /** {@code question<TAB>answers}, answers separated by single spaces; {@code #} starts a comment line. */
    static List<Question> read(Path f) throws IOException {
        List<Question> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int tab = line.indexOf('\t');
            if (tab < 0 || line.indexOf('\t', tab + 1) >= 0) {
                throw new IllegalArgumentException(f.getFileName() + ":" + (i + 1) + ": want question<TAB>answers");
            }
            List<String> answers = Arrays.asList(line.substring(tab + 1).strip().split(" "));
            for (String a : answers) {
                if (!a.matches("[a-z0-9-]+#[a-z0-9-]+")) {
                    throw new IllegalArgumentException(f.getFileName() + ":" + (i + 1) + ": '" + a
                            + "' is not module-id#section-id");
                }
            }
            out.add(new Question(i + 1, line.substring(0, tab).strip(), answers));
        }
        return out;
    }
}
