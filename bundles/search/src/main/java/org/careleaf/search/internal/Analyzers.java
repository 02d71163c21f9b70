package org.careleaf.search.internal;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/** The analysers made from a {@link Language}'s chain: for the index, for synonym rules, for queries. */
final class Analyzers {

    private Analyzers() {
    }

    /** Indexed text: normalise, then reduce. */
    static Analyzer index(Language l) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = l.tokenizer();
                return new TokenStreamComponents(t, l.reduce(new LetterDigitSplitFilter(l.normalise(t))));
            }
        };
    }

    /** What synonym rules are parsed with: the chain up to where the synonym filter sits. */
    static Analyzer rules(Language l) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = l.tokenizer();
                return new TokenStreamComponents(t, l.normalise(t));
            }
        };
    }

    /** A reader's words: normalise, expand with the synonyms (when any), reduce like the index. */
    static Analyzer query(Language l, SynonymMap synonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String field) {
                Tokenizer t = l.tokenizer();
                TokenStream s = l.normalise(t);
                if (synonyms != null && synonyms.fst != null) {
                    s = new SynonymGraphFilter(s, synonyms, true);
                }
                return new TokenStreamComponents(t, l.reduce(s));
            }
        };
    }

    /** The index analyser of every field, by the language key its name ends in ({@code body.en}). */
    static Analyzer perField() {
        java.util.Map<String, Analyzer> byKey = new java.util.HashMap<>();
        for (Language l : Language.values()) {
            byKey.put(l.key, index(l));
        }
        Analyzer plain = byKey.get(Language.PLAIN.key);
        return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String fieldName) {
                int dot = fieldName.lastIndexOf('.');
                return dot < 0 ? plain : byKey.getOrDefault(fieldName.substring(dot + 1), plain);
            }
        };
    }
}
