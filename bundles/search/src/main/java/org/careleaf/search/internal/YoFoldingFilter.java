package org.careleaf.search.internal;

import java.io.IOException;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/** Russian: "ё" as "е", as most readers type it (after lower-casing). */
final class YoFoldingFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    YoFoldingFilter(TokenStream in) {
        super(in);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        char[] b = term.buffer();
        for (int i = 0; i < term.length(); i++) {
            if (b[i] == 'ё') {
                b[i] = 'е';
            }
        }
        return true;
    }
}
