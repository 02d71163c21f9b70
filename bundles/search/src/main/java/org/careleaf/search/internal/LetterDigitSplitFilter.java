package org.careleaf.search.internal;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Index only: a word that mixes letters and digits ("brca2", "lu177") is also indexed as its letter part
 * at the same position, so a reader who types "BRCA" finds "BRCA1" and "BRCA2". The whole word stays,
 * so "brca2" still finds exactly that.
 */
final class LetterDigitSplitFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private String pending;
    private State saved;

    LetterDigitSplitFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (pending != null) {
            restoreState(saved);
            term.setEmpty().append(pending);
            position.setPositionIncrement(0);
            pending = null;
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        String letters = lettersOf(term);
        if (letters != null) {
            pending = letters;
            saved = captureState();
        }
        return true;
    }

    /** The letters before the first digit of a letters-then-digits word of 2+ letters; else null. */
    private static String lettersOf(CharTermAttribute t) {
        int n = t.length();
        int i = 0;
        while (i < n && Character.isLetter(t.charAt(i))) {
            i++;
        }
        if (i < 2 || i == n || !Character.isDigit(t.charAt(i))) {
            return null;
        }
        return t.subSequence(0, i).toString();
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = null;
        saved = null;
    }
}
