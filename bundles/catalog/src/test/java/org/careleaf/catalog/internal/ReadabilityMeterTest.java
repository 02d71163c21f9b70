package org.careleaf.catalog.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.careleaf.model.Block;
import org.careleaf.model.BlockType;
import org.careleaf.model.Category;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.Readability;
import org.careleaf.model.Review;
import org.careleaf.model.Section;
import org.junit.jupiter.api.Test;

class ReadabilityMeterTest {

    @Test
    void englishSyllablesFollowTheDocumentedMethod() {
        assertEquals(1, ReadabilityMeter.syllables("cake", "en"));     // silent final e
        assertEquals(2, ReadabilityMeter.syllables("table", "en"));    // -le keeps its syllable
        assertEquals(1, ReadabilityMeter.syllables("jumped", "en"));   // silent -ed
        assertEquals(2, ReadabilityMeter.syllables("wanted", "en"));   // -ted is spoken
        assertEquals(3, ReadabilityMeter.syllables("medicine", "en"));
        assertEquals(1, ReadabilityMeter.syllables("the", "en"));
        assertEquals(2, ReadabilityMeter.syllables("people", "en"));
        // the method counts vowel groups, so "ia" is one: radiation scores 3, not 4 (a known undercount)
        assertEquals(3, ReadabilityMeter.syllables("radiation", "en"));
    }

    @Test
    void fleschKincaidGradeOfAKnownText() {
        // 2 sentences, 12 words, 14 syllables: 0.39*6 + 11.8*14/12 - 15.59 = 0.5167
        Readability r = ReadabilityMeter.measure(module("en", "The cat sat on the mat. It was a very happy cat."), "en");
        assertEquals("flesch-kincaid-grade", r.formula());
        assertEquals(0.52, r.score(), 0.001);
        assertEquals(Readability.US_GRADE, r.scale());
    }

    @Test
    void harderTextScoresHigher() {
        double easy = ReadabilityMeter.measure(module("en", "You may feel tired. Rest when you can."), "en").score();
        double hard = ReadabilityMeter.measure(module("en", "Androgen deprivation therapy frequently precipitates "
                + "considerable musculoskeletal deterioration alongside metabolic complications."), "en").score();
        assertTrue(hard > easy + 8, easy + " vs " + hard);
    }

    @Test
    void otherLanguagesUseTheirOwnFormula() {
        assertEquals("fernandez-huerta", ReadabilityMeter.measure(module("es", "El gato duerme."), "es").formula());
        assertEquals("amstad", ReadabilityMeter.measure(module("de", "Die Katze schläft."), "de").formula());
        assertEquals("kandel-moles", ReadabilityMeter.measure(module("fr", "Le chat dort."), "fr").formula());
        assertEquals(2, ReadabilityMeter.syllables("schläft", "de") + 1);
        assertEquals("gulpease", ReadabilityMeter.measure(module("it", "Il gatto dorme."), "it").formula());
        assertEquals("flesch-martins", ReadabilityMeter.measure(module("pt", "O gato dorme."), "pt").formula());
    }

    @Test
    void italianAndPortugueseEaseFallsWithLongWordsAndSentences() {
        double itEasy = ReadabilityMeter.measure(module("it", "Può sentirsi stanco. Riposi quando può."), "it").score();
        double itHard = ReadabilityMeter.measure(module("it", "La terapia di deprivazione androgenica determina "
                + "frequentemente considerevoli deterioramenti muscoloscheletrici e complicanze metaboliche."), "it").score();
        assertTrue(itEasy > itHard + 10, itEasy + " vs " + itHard);
        double ptEasy = ReadabilityMeter.measure(module("pt", "Você pode se sentir cansado. Descanse quando puder."), "pt").score();
        double ptHard = ReadabilityMeter.measure(module("pt", "A terapia de privação androgênica frequentemente "
                + "desencadeia considerável deterioração musculoesquelética e complicações metabólicas."), "pt").score();
        assertTrue(ptEasy > ptHard + 10, ptEasy + " vs " + ptHard);
    }

    @Test
    void arabicHasNoFormulaAndSaysSo() {
        Readability r = ReadabilityMeter.measure(module("ar", "القط نائم."), "ar");
        assertNull(r.formula());
        assertNull(r.score());
        assertTrue(r.note().contains("No standard readability formula"));
    }

    static ModuleDocument module(String locale, String text) {
        Block b = new Block("s-p1", BlockType.PARAGRAPH, null, null, text, null, List.of(), null, null);
        return new ModuleDocument(1, "m", "1.0.0", locale, "t", "Title", "Summary", Category.OVERVIEW, 1, List.of(),
                List.of(), List.of(), null, new Review(org.careleaf.model.ReviewStatus.NOT_CLINICALLY_REVIEWED, "2026-01-01", null, null, "2027-01-01", "n"), List.of(),
                List.of(new Section("s", "Section", List.of(b))));
    }
}
