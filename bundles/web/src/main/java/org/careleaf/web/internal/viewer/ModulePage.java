package org.careleaf.web.internal.viewer;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.careleaf.model.Block;
import org.careleaf.model.BlockType;
import org.careleaf.model.CalloutLevel;
import org.careleaf.model.ModuleDocument;
import org.careleaf.model.ModuleView;
import org.careleaf.model.Review;
import org.careleaf.model.Section;
import org.careleaf.model.Source;
import org.careleaf.model.TranslationStatus;
import org.careleaf.web.internal.http.WebJson;

/**
 * One topic as template {@code viewer/module.ftlh} shows it: each part with the language it is served in,
 * so parts shown in the source language (their translation missing or stale) carry that language in
 * {@code lang} and {@code dir} and, where the rest is translated, a short note saying so.
 *
 * @param titleLang the language of the title (likewise {@code summaryLang})
 * @param titleNote whether the title carries the note that it is shown in the source language
 * @param notice the viewer string of the notice on how the topic is translated, or null
 * @param keyPoints the easy-to-read tier shown first, or null
 */
public record ModulePage(String id, String title, String titleLang, boolean titleNote, String summary,
        String summaryLang, boolean summaryNote, String notice, Part keyPoints, List<Part> sections, About about,
        List<SourceItem> sources, String sourceLocale) {

    /** A section (or the key points): its blocks, consecutive glossary terms gathered into one list. */
    public record Part(String id, String title, String lang, boolean note, List<Piece> pieces) {
    }

    /**
     * One block, or a run of glossary blocks ({@code kind} {@code glossary}, the terms in {@code entries}).
     *
     * @param kind {@code paragraph}, {@code list}, {@code callout}, {@code question}, {@code glossary},
     *        {@code term} (an entry of a glossary) or {@code figure}
     * @param fallback whether the block is shown in the source language
     * @param note whether it carries the note that says so
     * @param level callouts only: {@code urgent}, {@code important} or {@code info}
     */
    public record Piece(String kind, String id, String lang, boolean fallback, boolean note, Block block,
            String level, List<Piece> entries) {
    }

    /** A date as written ({@code datetime}, null when not an ISO date) and as the reader reads it. */
    public record Time(String datetime, String shown) {

        static Time of(String iso, String locale) {
            if (iso == null || iso.isBlank()) {
                return null;
            }
            try {
                LocalDate d = LocalDate.parse(iso);
                return new Time(d.toString(), DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                        .withLocale(Locale.forLanguageTag(locale)).format(d));
            } catch (DateTimeParseException notIso) {
                return new Time(null, iso);
            }
        }
    }

    /**
     * Who checked the content: {@code reviewed} only with a named, dated clinical sign-off; anything short
     * of that is shown as not reviewed.
     */
    /**
     * @param approvalShown the site shows its clinicians' approvals (policy show or require)
     * @param approved an approval covers the version shown; {@code approvedBy} and {@code approvedOn} say whose
     */
    public record About(boolean reviewed, String reviewer, Time reviewedOn, Time written, Time next,
            String version, boolean approvalShown, boolean approved, String approvedBy, Time approvedOn) {
    }

    /** A source, linked when its address is a web link. */
    public record SourceItem(String title, String url, String publisher, Time accessed) {
    }

    static ModulePage of(ModuleView v, String locale) {
        ModuleDocument m = v.content();
        Set<String> fallback = new HashSet<>(v.fallbackIds());
        // A module with no translation is in the source language throughout: one notice says so, not a note per part.
        boolean notePerPart = v.translationStatus() != TranslationStatus.MISSING
                && v.translationStatus() != TranslationStatus.AWAITING_APPROVAL;
        Parts parts = new Parts(v, fallback, notePerPart);
        List<Part> sections = m.sections().stream().map(parts::part).toList();
        return new ModulePage(v.id(), m.title(), parts.lang(ModuleView.TITLE_ID),
                parts.note(ModuleView.TITLE_ID), m.summary(), parts.lang(ModuleView.SUMMARY_ID),
                parts.note(ModuleView.SUMMARY_ID), notice(v.translationStatus()),
                m.keyPoints() == null ? null : parts.part(m.keyPoints()), sections, about(m, v.approval(), locale),
                sources(m.sources(), locale), v.sourceLocale());
    }

    private static String notice(TranslationStatus status) {
        return switch (status) {
            case SOURCE -> null;
            case MISSING -> "translation.missing";
            case AWAITING_APPROVAL -> "translation.awaiting-approval";
            case REVIEWED -> "translation.reviewed";
            case MACHINE_ASSISTED -> "translation.machine-assisted";
        };
    }

    private static About about(ModuleDocument m, org.careleaf.model.ApprovalState approval, String locale) {
        Review r = m.review();
        boolean reviewed = r != null && r.clinicallyReviewed() && present(r.reviewer()) && present(r.reviewedOn());
        boolean approved = approval != null && approval.approved();
        return new About(reviewed, reviewed ? r.reviewer() : null, reviewed ? Time.of(r.reviewedOn(), locale) : null,
                r == null ? null : Time.of(r.writtenOn(), locale), r == null ? null : Time.of(r.nextReviewDue(), locale),
                m.version(), approval != null, approved, approved ? approval.by() : null,
                approved ? Time.of(approval.on(), locale) : null);
    }

    private static List<SourceItem> sources(List<Source> sources, String locale) {
        return sources.stream().map(s -> new SourceItem(s.title(), isWebLink(s.url()) ? s.url() : null,
                present(s.publisher()) ? s.publisher() : null, Time.of(s.accessed(), locale))).toList();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    private static boolean isWebLink(String url) {
        return url != null && (url.startsWith("https://") || url.startsWith("http://")) && url.length() <= 2048;
    }

    /** The language and note of each part of one module view. */
    private record Parts(ModuleView v, Set<String> fallback, boolean notePerPart) {

        String lang(String partId) {
            return fallback.contains(partId) ? v.sourceLocale() : v.locale();
        }

        boolean note(String partId) {
            return notePerPart && fallback.contains(partId);
        }

        Part part(Section s) {
            List<Piece> pieces = new ArrayList<>();
            List<Block> blocks = s.blocks();
            for (int i = 0; i < blocks.size(); i++) {
                Block b = blocks.get(i);
                if (b.type() == BlockType.GLOSSARY) {
                    List<Piece> terms = new ArrayList<>();
                    while (i < blocks.size() && blocks.get(i).type() == BlockType.GLOSSARY) {
                        terms.add(piece("term", blocks.get(i++)));
                    }
                    i--;
                    pieces.add(new Piece("glossary", null, null, false, false, null, null, List.copyOf(terms)));
                } else {
                    BlockType type = b.type() == null ? BlockType.PARAGRAPH : b.type();
                    pieces.add(piece(WebJson.name(type), b));
                }
            }
            return new Part(s.id(), s.title(), lang(s.id()), note(s.id()), List.copyOf(pieces));
        }

        private Piece piece(String kind, Block b) {
            String level = b.type() == BlockType.CALLOUT
                    ? WebJson.name(b.level() == null ? CalloutLevel.INFO : b.level()) : null;
            return new Piece(kind, b.id(), lang(b.id()), fallback.contains(b.id()), note(b.id()), b, level, List.of());
        }
    }
}
