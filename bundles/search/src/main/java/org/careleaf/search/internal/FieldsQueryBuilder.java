package org.careleaf.search.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds the query of a reader's words over several fields at once: each word (or set of synonyms) is
 * looked for in every field and counts by its best field. So a section that matches more of the words
 * wins over one that matches one common word in a short title.
 */
final class FieldsQueryBuilder extends QueryBuilder {

    /** How much a word's other matching fields add to its best one. */
    static final float TIE = 0.2f;

    private final String[] fields;
    private final float[] boosts;

    FieldsQueryBuilder(Analyzer analyzer, String[] fields, float[] boosts) {
        super(analyzer);
        this.fields = fields.clone();
        this.boosts = boosts.clone();
        // a many-word synonym ("hot flushes") needs all its words, not their order; a phrase clause rewards order
        setAutoGenerateMultiTermSynonymsPhraseQuery(false);
    }

    /** The words as one query over all the fields; null when no word survives analysis. */
    Query build(String text) {
        return createBooleanQuery(fields[0], text);
    }

    @Override
    protected Query newTermQuery(Term term, float boost) {
        List<Query> each = new ArrayList<>(fields.length);
        for (int i = 0; i < fields.length; i++) {
            each.add(new BoostQuery(new TermQuery(new Term(fields[i], term.bytes())), boosts[i] * boost));
        }
        return new DisjunctionMaxQuery(each, TIE);
    }

    @Override
    protected Query newSynonymQuery(String field, TermAndBoost[] terms) {
        List<Query> each = new ArrayList<>(fields.length);
        for (int i = 0; i < fields.length; i++) {
            SynonymQuery.Builder b = new SynonymQuery.Builder(fields[i]);
            for (TermAndBoost t : terms) {
                b.addTerm(new Term(fields[i], t.term), t.boost);
            }
            each.add(new BoostQuery(b.build(), boosts[i]));
        }
        return new DisjunctionMaxQuery(each, TIE);
    }
}
