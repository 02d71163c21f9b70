package org.careleaf.catalog.internal.library;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.careleaf.admin.Approval;
import org.careleaf.admin.ApprovalPolicy;
import org.careleaf.model.ApprovalState;
import org.careleaf.model.ModuleDocument;

/**
 * What the site's approvals decide, as the library applies them: the policy, the approvals in force by
 * what they cover ({@link #key}), the approved copies of module versions that their bundles may no longer
 * offer, and how a reviewer is named to readers. Immutable.
 */
public record ApprovalRules(ApprovalPolicy policy, Map<String, Approval> approved,
        Map<String, List<Candidate<ModuleDocument>>> copies, Function<Approval, String> shownAs) {

    public static final ApprovalRules OFF = new ApprovalRules(ApprovalPolicy.OFF, Map.of(), Map.of(), Approval::reviewer);

    public ApprovalRules {
        approved = Map.copyOf(approved);
        copies = Map.copyOf(copies);
    }

    /** What an approval of this content is filed under: module, language and content hash. */
    public static String key(String module, String locale, String contentHash) {
        return module + "|" + locale + "|" + contentHash;
    }

    boolean covers(String module, String locale, String contentHash) {
        return approved.containsKey(key(module, locale, contentHash));
    }

    boolean requires() {
        return policy == ApprovalPolicy.REQUIRE;
    }

    /** What readers are told about the approval of this content; null when the policy shows nothing. */
    ApprovalState state(String module, String locale, String contentHash) {
        if (policy == ApprovalPolicy.OFF) {
            return null;
        }
        Approval a = approved.get(key(module, locale, contentHash));
        return a == null ? ApprovalState.none(locale)
                : new ApprovalState(true, shownAs.apply(a), a.at().substring(0, Math.min(10, a.at().length())),
                        a.version(), locale);
    }

    List<Candidate<ModuleDocument>> copiesOf(String module) {
        return copies.getOrDefault(module, List.of());
    }
}
