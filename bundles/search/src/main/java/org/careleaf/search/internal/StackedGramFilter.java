package org.careleaf.search.internal;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;

/**
 * Word bigrams (shingles) as terms stacked on their first word, position length 1. A shingle spans two
 * positions, which makes a query's tokens a graph; Lucene's query builder would then enumerate every path
 * through the sentence (exponentially many). Stacked, each bigram is one more term at its position.
 */
final class StackedGramFilter extends TokenFilter {

    private final String type;
    private final TypeAttribute typeAtt = addAttribute(TypeAttribute.class);
    private final PositionLengthAttribute posLen = addAttribute(PositionLengthAttribute.class);

    StackedGramFilter(TokenStream in, String type) {
        super(in);
        this.type = type;
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (type.equals(typeAtt.type())) {
            posLen.setPositionLength(1);
        }
        return true;
    }
}
