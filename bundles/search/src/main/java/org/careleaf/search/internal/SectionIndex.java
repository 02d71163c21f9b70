package org.careleaf.search.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.QueryBuilder;
import org.careleaf.model.Block;
import org.careleaf.model.CatalogView;
import org.careleaf.model.EducationCatalog;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.ModuleView;
import org.careleaf.model.Section;
import org.careleaf.search.SearchHit;
import org.careleaf.search.SearchQuery;
import org.careleaf.search.SearchResult;

/**
 * The Lucene index of what the catalog serves: one document per (module, section, reader language), the
 * text of each part in the language it is actually served in (a translation's missing or stale block is
 * indexed, and searched, as the source text it falls back to). Changes cost the changed module's
 * documents only; readers see a change at the next near-real-time refresh, right after it.
 *
 * <p>Writes are serialised by the caller (one indexing thread); searches run concurrently, each on one
 * searcher, so every hit of one answer comes from one state of the index.
 */
final class SectionIndex implements Closeable {

    static final String ID = "id";
    static final String MODULE = "module";
    static final String LOCALE = "locale";
    static final String SECTION = "section";
    static final String MODULE_TITLE = "moduleTitle";
    static final String SECTION_TITLE = "sectionTitle";
    static final String SERVED = "served";

    /** Field-name stems; each field ends in its language key ({@code body.en}) so it is analysed as that language. */
    static final String TITLE = "title.";
    static final String BODY = "body.";
    static final String ABOUT = "about.";

    // boosts: a section's own title says most about what it answers; the module's title places it
    static final float TITLE_BOOST = 1.5f;
    static final float BODY_BOOST = 1.0f;
    static final float ABOUT_BOOST = 0.6f;
    static final float PHRASE_BOOST = 1.5f;
    static final float FUZZY_BOOST = 0.3f;
    /** Words typed are capped so no question can blow Lucene's clause limit. */
    static final int MAX_WORDS = 32;
    static final int MAX_FUZZY_WORDS = 8;
    static final int FUZZY_MIN_LETTERS = 5;
    static final int SNIPPET_CHARS = 240;
    /**
     * BM25 with less length normalisation than Lucene's default (b 0.75): a glossary line that names a
     * word is short, and should not outrank the section that explains it.
     */
    static final BM25Similarity SIMILARITY = new BM25Similarity(1.2f, 0.4f);

    private final EducationCatalog catalog;
    private final Synonyms synonyms;
    private final Analyzer indexAnalyzer = Analyzers.perField();
    private final Map<Language, Analyzer> plain = new HashMap<>();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    // written by the indexing thread only
    private final Set<String> indexedModules = new HashSet<>();
    private List<String> indexedLocales = List.of();
    private boolean built;
    private volatile long revision = -1;
    private volatile int documents;
    /** Documents written by the last pass: what a change cost (tests and the benchmark check it). */
    private int written;

    SectionIndex(EducationCatalog catalog, Synonyms synonyms) {
        this(catalog, synonyms, null);
    }

    /**
     * @param folder where the index lives, rebuilt at each start: on disk, the operating system caches it
     *        and the heap holds none of it (at 10,000 modules in 16 languages it is gigabytes); null keeps
     *        it in memory (tests, benchmarks)
     */
    SectionIndex(EducationCatalog catalog, Synonyms synonyms, java.nio.file.Path folder) {
        this.catalog = catalog;
        this.synonyms = synonyms;
        try {
            this.directory = folder == null ? new ByteBuffersDirectory() : FSDirectory.open(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Language l : Language.values()) {
            plain.put(l, Analyzers.index(l));
        }
        try {
            writer = new IndexWriter(directory, new IndexWriterConfig(indexAnalyzer).setSimilarity(SIMILARITY)
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE).setCommitOnClose(false));
            searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) {
                    IndexSearcher s = new IndexSearcher(reader);
                    s.setSimilarity(SIMILARITY);
                    return s;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the whole library has been indexed once. */
    boolean built() {
        return built;
    }

    /** The catalog revision the index last caught up with. */
    long revision() {
        return revision;
    }

    int documents() {
        return documents;
    }

    int written() {
        return written;
    }

    Set<String> modules() {
        return Set.copyOf(indexedModules);
    }

    // ---- writing (one thread)

    /** Indexes the whole enabled library in every language, replacing everything. */
    void rebuild() throws IOException {
        Views v = views();
        written = 0;
        writer.deleteAll();
        indexedModules.clear();
        for (ModuleView m : v.source.modules()) {
            add(m.id(), v.byLocale);
            indexedModules.add(m.id());
        }
        indexedLocales = List.copyOf(v.byLocale.keySet());
        built = true;
        publish(v);
    }

    /**
     * Re-indexes these modules (their content, a translation or their enablement changed) and, when
     * {@code reconcile}, also whatever modules and languages came or went since the last pass, found by
     * comparing ids and languages only.
     */
    void update(Collection<String> changed, boolean reconcile) throws IOException {
        if (!built) {
            rebuild();
            return;
        }
        Views v = views();
        written = 0;
        Set<String> ids = new TreeSet<>(changed);
        List<String> locales = List.copyOf(v.byLocale.keySet());
        if (reconcile) {
            Set<String> now = new HashSet<>();
            for (ModuleView m : v.source.modules()) {
                now.add(m.id());
            }
            for (String id : now) {
                if (!indexedModules.contains(id)) {
                    ids.add(id);
                }
            }
            for (String id : indexedModules) {
                if (!now.contains(id)) {
                    ids.add(id);
                }
            }
            if (!locales.equals(indexedLocales)) {
                for (String gone : indexedLocales) {
                    if (!v.byLocale.containsKey(gone)) {
                        writer.deleteDocuments(new Term(LOCALE, gone));
                    }
                }
                for (Map.Entry<String, CatalogView> e : v.byLocale.entrySet()) {
                    if (!indexedLocales.contains(e.getKey())) {
                        // a language added: its documents for every module not re-indexed anyway below
                        for (String id : indexedModules) {
                            if (!ids.contains(id)) {
                                e.getValue().module(id).ifPresent(m -> addAll(docs(e.getKey(), m)));
                            }
                        }
                    }
                }
                indexedLocales = locales;
            }
        }
        for (String id : ids) {
            writer.deleteDocuments(new Term(MODULE, id));
            if (add(id, v.byLocale)) {
                indexedModules.add(id);
            } else {
                indexedModules.remove(id);
            }
        }
        publish(v);
    }

    private void publish(Views v) throws IOException {
        searchers.maybeRefreshBlocking();
        documents = writer.getDocStats().numDocs;
        revision = v.source.revision();
    }

    /** The module's documents in every language; false when it is not served (unknown or disabled). */
    private boolean add(String id, Map<String, CatalogView> byLocale) {
        boolean any = false;
        for (Map.Entry<String, CatalogView> e : byLocale.entrySet()) {
            var m = e.getValue().module(id);
            if (m.isPresent()) {
                addAll(docs(e.getKey(), m.get()));
                any = true;
            }
        }
        return any;
    }

    private void addAll(List<Document> docs) {
        written += docs.size();
        try {
            writer.addDocuments(docs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One view per served language, all read now. */
    private Views views() {
        CatalogView first = catalog.view(null);
        Map<String, CatalogView> byLocale = new LinkedHashMap<>();
        for (String l : first.locales()) {
            CatalogView v = catalog.view(l);
            if (v.locale().equals(l)) {
                byLocale.put(l, v);
            }
        }
        CatalogView source = first.locales().isEmpty() ? first : byLocale.getOrDefault(first.locales().get(0), first);
        if (byLocale.isEmpty()) {
            byLocale.put(first.locale(), first);
        }
        return new Views(source, byLocale);
    }

    private record Views(CatalogView source, Map<String, CatalogView> byLocale) {
    }

    /** The documents of one module for readers of {@code reader}: one per part (key points, then sections). */
    static List<Document> docs(String reader, ModuleView m) {
        ModuleDocument c = m.content();
        Set<String> fallback = new HashSet<>(m.fallbackIds());
        String served = m.locale();
        String source = m.sourceLocale();
        List<Document> out = new ArrayList<>();
        for (Section part : c.parts()) {
            Document d = new Document();
            d.add(new StringField(ID, c.id() + "#" + part.id() + "|" + reader, Field.Store.NO));
            d.add(new StringField(MODULE, c.id(), Field.Store.YES));
            d.add(new StringField(LOCALE, reader, Field.Store.NO));
            d.add(new StoredField(SECTION, part.id()));
            d.add(new StoredField(MODULE_TITLE, c.title()));
            d.add(new StoredField(SECTION_TITLE, part.title()));
            String titleLocale = fallback.contains(part.id()) ? source : served;
            d.add(new TextField(TITLE + Language.of(titleLocale).key, part.title(), Field.Store.NO));
            String aboutLocale = fallback.contains(ModuleView.TITLE_ID) ? source : served;
            d.add(new TextField(ABOUT + Language.of(aboutLocale).key, c.title(), Field.Store.NO));
            // body text per language it is served in, in reading order
            Map<String, StringBuilder> body = new LinkedHashMap<>();
            if (part == c.keyPoints() && c.summary() != null) {
                append(body, fallback.contains(ModuleView.SUMMARY_ID) ? source : served, c.summary());
            }
            for (Block b : part.blocks()) {
                String l = fallback.contains(b.id()) ? source : served;
                append(body, l, b.title());
                append(body, l, b.term());
                append(body, l, b.text());
                for (String item : b.items()) {
                    append(body, l, item);
                }
                append(body, l, b.alt());
            }
            // the hit's language: the one most of the section's text is served in
            String most = titleLocale;
            int best = -1;
            Map<String, StringBuilder> byKey = new LinkedHashMap<>();
            for (Map.Entry<String, StringBuilder> e : body.entrySet()) {
                if (e.getValue().length() > best) {
                    best = e.getValue().length();
                    most = e.getKey();
                }
                byKey.computeIfAbsent(Language.of(e.getKey()).key, k -> new StringBuilder());
                StringBuilder sb = byKey.get(Language.of(e.getKey()).key);
                if (sb.length() > 0) {
                    sb.append('\n');
                }
                sb.append(e.getValue());
            }
            byKey.forEach((key, text) -> d.add(new Field(BODY + key, text.toString(), BODY_TYPE)));
            d.add(new StoredField(SERVED, most));
            out.add(d);
        }
        return out;
    }

    /**
     * Body text: stored for snippets, with offsets in the postings so the highlighter reads matches
     * (fuzzy ones too) from the index instead of analysing every hit's text again.
     */
    private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_STORED);

    static {
        BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
    }

    /** Sentence break iterators are costly to make and not thread-safe: one prototype per language, cloned. */
    private static final Map<Locale, BreakIterator> SENTENCES = new java.util.concurrent.ConcurrentHashMap<>();

    private static void append(Map<String, StringBuilder> body, String locale, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        StringBuilder sb = body.computeIfAbsent(locale, k -> new StringBuilder());
        if (sb.length() > 0) {
            sb.append('\n');
        }
        // the content's only inline markup is **bold**; readers never type it
        sb.append(text.replace("**", ""));
    }

    // ---- searching (any thread)

    SearchResult search(SearchQuery q) {
        CatalogView view = catalog.view(q.languages());
        String reader = view.locale();
        String source = view.locales().isEmpty() ? reader : view.locales().get(0);
        Query query = query(q.text(), reader, source);
        if (query == null) {
            return new SearchResult(q.text(), reader, 0, q.offset(), List.of());
        }
        IndexSearcher s;
        try {
            s = searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            int n = q.offset() + q.limit();
            TopDocs top;
            try {
                top = s.search(query, new TopScoreDocCollectorManager(n, null, Integer.MAX_VALUE));
            } catch (IndexSearcher.TooManyClauses e) {
                throw new IllegalArgumentException("the search text has too many words");
            }
            ScoreDoc[] page = top.scoreDocs.length <= q.offset() ? new ScoreDoc[0]
                    : Arrays.copyOfRange(top.scoreDocs, q.offset(), top.scoreDocs.length);
            List<SearchHit> hits = hits(s, query, page, reader, source);
            return new SearchResult(q.text(), reader, (int) Math.min(Integer.MAX_VALUE, top.totalHits.value), q.offset(), hits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                searchers.release(s);
            } catch (IOException e) {
                // a released searcher that fails to close leaves nothing behind to fix
            }
        }
    }

    private List<SearchHit> hits(IndexSearcher s, Query query, ScoreDoc[] page, String reader, String source)
            throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        String readerField = BODY + Language.of(reader).key;
        String sourceField = BODY + Language.of(source).key;
        String[] fields = readerField.equals(sourceField) ? new String[] {readerField} : new String[] {readerField, sourceField};
        int[] ids = new int[page.length];
        for (int i = 0; i < page.length; i++) {
            ids[i] = page[i].doc;
        }
        int[] passages = new int[fields.length];
        Arrays.fill(passages, 2);
        Locale locale = Locale.forLanguageTag(reader);
        Highlighter h = new Highlighter(UnifiedHighlighter.builder(s, indexAnalyzer)
                .withFormatter(new Snippets())
                .withMaxNoHighlightPassages(0)
                // term-by-term matches from the postings: the whole-query "weight matches" mode re-runs the
                // query (fuzzy expansion and all) per hit and tripled the cost of an answer
                .withWeightMatches(false)
                .withBreakIterator(() -> (BreakIterator) SENTENCES.computeIfAbsent(locale, BreakIterator::getSentenceInstance).clone()));
        Map<String, Object[]> snippets = h.objects(fields, query, ids, passages);
        List<SearchHit> out = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            Document d = s.storedFields().document(page[i].doc);
            List<SearchHit.Fragment> snippet = null;
            for (String f : fields) {
                Object o = snippets.get(f)[i];
                if (o instanceof List<?> l && !l.isEmpty()) {
                    snippet = Snippets.window(cast(l), SNIPPET_CHARS);
                    break;
                }
            }
            if (snippet == null) {
                String text = d.get(readerField);
                snippet = Snippets.opening(text != null ? text : d.get(sourceField), SNIPPET_CHARS);
            }
            out.add(new SearchHit(d.get(MODULE), d.get(SECTION), d.get(MODULE_TITLE), d.get(SECTION_TITLE), snippet,
                    d.get(SERVED), page[i].score));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<SearchHit.Fragment> cast(List<?> l) {
        return (List<SearchHit.Fragment>) l;
    }

    /** A subclass only to reach the highlighter's structured (non-string) answers. */
    private static final class Highlighter extends UnifiedHighlighter {
        Highlighter(Builder b) {
            super(b);
        }

        Map<String, Object[]> objects(String[] fields, Query q, int[] ids, int[] passages) throws IOException {
            return highlightFieldsAsObjects(fields, q, ids, passages);
        }
    }

    /**
     * The reader's words as a Lucene query built from analysed terms, never parsed as query syntax:
     * in the reader's language, and in the source language for the parts served in it. Null when no word
     * survives analysis (only stop words or punctuation).
     */
    Query query(String text, String reader, String source) {
        String words = capWords(text);
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean some = false;
        Set<String> keys = new HashSet<>();
        for (String locale : new LinkedHashSet<>(List.of(reader, source))) {
            Language l = Language.of(locale);
            if (!keys.add(l.key + "|" + locale)) {
                continue;
            }
            Analyzer analyzer = synonyms.queryAnalyzer(locale);
            FieldsQueryBuilder fq = new FieldsQueryBuilder(analyzer, new String[] {BODY + l.key, TITLE + l.key, ABOUT + l.key},
                    new float[] {BODY_BOOST, TITLE_BOOST, ABOUT_BOOST});
            some |= add(any, fq.build(words), 1f);
            QueryBuilder qb = new QueryBuilder(analyzer);
            qb.setAutoGenerateMultiTermSynonymsPhraseQuery(false);
            try {
                add(any, qb.createPhraseQuery(BODY + l.key, words, 2), PHRASE_BOOST);
            } catch (IndexSearcher.TooManyClauses e) {
                // the phrase is only a bonus: a question whose synonyms make too many paths does without it
            }
            if (l.fuzzy()) {
                for (String term : fuzzyTerms(l, words)) {
                    add(any, new FuzzyQuery(new Term(BODY + l.key, term), 1, 1, 10, true), FUZZY_BOOST);
                    add(any, new FuzzyQuery(new Term(TITLE + l.key, term), 1, 1, 10, true), FUZZY_BOOST * TITLE_BOOST);
                    some = true;
                }
            }
        }
        if (!some) {
            return null;
        }
        return new BooleanQuery.Builder()
                .add(any.build(), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term(LOCALE, reader)), BooleanClause.Occur.FILTER)
                .build();
    }

    private static boolean add(BooleanQuery.Builder b, Query q, float boost) {
        if (q == null) {
            return false;
        }
        b.add(new BoostQuery(q, boost), BooleanClause.Occur.SHOULD);
        return true;
    }

    private static String capWords(String text) {
        String[] w = text.strip().split("\\s+");
        return w.length <= MAX_WORDS ? text : String.join(" ", Arrays.copyOf(w, MAX_WORDS));
    }

    /** The analysed terms of words typed with at least {@value #FUZZY_MIN_LETTERS} letters: small typos still match. */
    private List<String> fuzzyTerms(Language l, String text) {
        Set<String> out = new LinkedHashSet<>();
        try (TokenStream ts = plain.get(l).tokenStream("", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken() && out.size() < MAX_FUZZY_WORDS) {
                String word = text.substring(offset.startOffset(), offset.endOffset());
                if (word.codePointCount(0, word.length()) >= FUZZY_MIN_LETTERS && term.length() >= 3) {
                    out.add(term.toString());
                }
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
