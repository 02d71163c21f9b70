package org.careleaf.web.internal.hl7;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HL7 Infobutton knowledge request in the URL-based form (as MedlinePlus Connect accepts it), checked
 * and normalised. Parameters Careleaf does not use (patient age, gender, encounter, performer…) are
 * accepted within the size limits and ignored.
 *
 * @param criteria the {@code mainSearchCriteria} codes: the plain parameters first, then the numbered
 *        ones ({@code mainSearchCriteria.v.c1}, {@code .c2}…) by number
 * @param subTopics the {@code subTopic} codes that narrow the answer
 * @param recipient {@code PAT} or {@code PROV}
 * @param language {@code informationRecipient.languageCode.c}, or null when absent
 * @param responseType the media type asked for in {@code knowledgeResponseType}
 * @param taskContexts the {@code taskContext.c} codes, checked and echoed, not used
 */
record InfobuttonRequest(List<Coded> criteria, List<Coded> subTopics, String recipient, String language,
        String responseType, List<Coded> taskContexts) {

    /**
     * One coded parameter as sent.
     *
     * @param parameter the code parameter's name, e.g. {@code mainSearchCriteria.v.c1}
     * @param system the code system OID (without {@code urn:oid:}), or null when not sent
     * @param code the code
     * @param displayName the display name sent with it, or null
     */
    record Coded(String parameter, String system, String code, String displayName) {
    }

    static final String MAIN = "mainSearchCriteria.v";
    static final String SUB_TOPIC = "subTopic.v";
    static final String TASK = "taskContext.c";
    static final String RECIPIENT = "informationRecipient";
    static final String LANGUAGE = "informationRecipient.languageCode.c";
    static final String RESPONSE_TYPE = "knowledgeResponseType";

    static final String JSON = "application/json";
    static final String TEXT_XML = "text/xml";
    static final String ATOM = "application/atom+xml";
    private static final List<String> RESPONSE_TYPES = List.of(JSON, TEXT_XML, ATOM);
    private static final List<String> RECIPIENTS = List.of("PAT", "PROV");

    static final int MAX_CODES = 20;
    static final int MAX_CODE = 64;
    static final int MAX_DISPLAY_NAME = 256;
    static final int MAX_PARAMETERS = 100;
    static final int MAX_NAME = 128;
    static final int MAX_VALUE = 512;
    /** Numbered forms run from 0 to 99 without leading zeros, so each number names one code. */
    private static final Pattern NUMBERED = Pattern.compile("(c|cs|dn)(0|[1-9][0-9]?)?");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]*");
    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]{0,19}))+");

    /** True when the answer is an Atom XML feed rather than Atom-in-JSON. */
    boolean atom() {
        return !JSON.equals(responseType);
    }

    /**
     * Everything that shapes the answer, in a fixed order: two requests with the same key get the same
     * bytes (with the same served locale and origin), whatever order their parameters came in.
     */
    String cacheKey() {
        StringBuilder sb = new StringBuilder(responseType).append('\n').append(recipient).append('\n')
                .append(language == null ? "" : language);
        for (List<Coded> list : List.of(criteria, subTopics, taskContexts)) {
            sb.append("\n#");
            for (Coded c : list) {
                sb.append('\n').append(c.parameter()).append('\t').append(c.system() == null ? "" : c.system())
                        .append('\t').append(c.code()).append('\t')
                        .append(c.displayName() == null ? "" : c.displayName());
            }
        }
        return sb.toString();
    }

    /** Checks and normalises the query parameters; the exception says what is wrong. */
    static InfobuttonRequest parse(Map<String, String[]> params) throws RequestRejected {
        if (params.size() > MAX_PARAMETERS) {
            throw bad("too-many-parameters", "at most " + MAX_PARAMETERS + " query parameters are accepted");
        }
        for (Map.Entry<String, String[]> e : params.entrySet()) {
            if (e.getKey().length() > MAX_NAME) {
                throw bad("bad-parameter", "parameter names are at most " + MAX_NAME + " characters");
            }
            if (e.getValue().length > MAX_CODES) {
                throw bad("bad-parameter", "'" + e.getKey() + "' is repeated more than " + MAX_CODES + " times");
            }
            for (String v : e.getValue()) {
                if (v != null && v.length() > MAX_VALUE) {
                    throw bad("bad-parameter", "'" + e.getKey() + "' is longer than " + MAX_VALUE + " characters");
                }
            }
        }
        List<Coded> criteria = coded(params, MAIN, true);
        if (criteria.isEmpty()) {
            throw bad("missing-code", "mainSearchCriteria.v.c is required: the clinical code to find education"
                    + " for, with mainSearchCriteria.v.cs, its code system OID");
        }
        List<Coded> subTopics = coded(params, SUB_TOPIC, false);
        List<Coded> tasks = coded(params, TASK, false);
        if (criteria.size() > MAX_CODES || subTopics.size() > MAX_CODES || tasks.size() > MAX_CODES) {
            throw bad("too-many-codes", "at most " + MAX_CODES + " codes per parameter are accepted");
        }
        return new InfobuttonRequest(criteria, subTopics, recipient(params), language(params),
                responseType(params), tasks);
    }

    /**
     * The codes of one coded parameter: the plain form, which may repeat (paired with the plain code
     * system by position, or sharing a single one), and the numbered forms, each with its own system.
     */
    private static List<Coded> coded(Map<String, String[]> params, String prefix, boolean systemRequired)
            throws RequestRejected {
        // index ("" for the plain form) -> field (c, cs, dn) -> values
        Map<String, Map<String, String[]>> groups = new TreeMap<>((a, b) -> a.isEmpty() || b.isEmpty()
                ? Boolean.compare(!a.isEmpty(), !b.isEmpty())
                : Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
        for (Map.Entry<String, String[]> e : params.entrySet()) {
            String name = e.getKey();
            if (!name.startsWith(prefix + ".")) {
                continue;
            }
            Matcher m = NUMBERED.matcher(name.substring(prefix.length() + 1));
            if (!m.matches()) {
                continue; // e.g. .ot (original text) or .csn (code system name): not used
            }
            String index = m.group(2) == null ? "" : m.group(2);
            groups.computeIfAbsent(index, k -> new TreeMap<>()).put(m.group(1), e.getValue());
        }
        List<Coded> out = new ArrayList<>();
        for (Map.Entry<String, Map<String, String[]>> g : groups.entrySet()) {
            String index = g.getKey();
            Map<String, String[]> fields = g.getValue();
            String codeName = prefix + ".c" + index;
            String[] codes = present(fields.get("c"));
            String[] systems = present(fields.get("cs"));
            String[] names = present(fields.get("dn"));
            if (codes.length == 0) {
                if (systems.length > 0 || names.length > 0) {
                    throw bad("missing-code", "'" + (systems.length > 0 ? prefix + ".cs" : prefix + ".dn") + index
                            + "' is sent without '" + codeName + "'");
                }
                continue;
            }
            if (!index.isEmpty() && (codes.length > 1 || systems.length > 1 || names.length > 1)) {
                throw bad("bad-parameter", "'" + codeName + "' and its code system and display name may be sent"
                        + " once each; use another number for another code");
            }
            if (systems.length == 0 && systemRequired) {
                throw bad("missing-code-system", "'" + prefix + ".cs" + index + "' is required with '" + codeName
                        + "': the OID of the code system, e.g. 2.16.840.1.113883.6.90 for ICD-10-CM");
            }
            if (systems.length > 1 && systems.length != codes.length
                    || names.length > 1 && names.length != codes.length) {
                throw bad("bad-parameter", "'" + codeName + "' is sent " + codes.length + " times: send its code"
                        + " system and display name once (shared) or as many times (paired in order)");
            }
            for (int i = 0; i < codes.length; i++) {
                String system = systems.length == 0 ? null : oid(systems[systems.length == 1 ? 0 : i], prefix
                        + ".cs" + index);
                String name = names.length == 0 ? null : displayName(names[names.length == 1 ? 0 : i], prefix
                        + ".dn" + index);
                out.add(new Coded(codeName, system, code(codes[i], codeName), name));
            }
        }
        return out;
    }

    private static String[] present(String[] values) {
        if (values == null) {
            return new String[0];
        }
        return Arrays.stream(values).filter(v -> v != null && !v.isBlank()).toArray(String[]::new);
    }

    private static String code(String value, String parameter) throws RequestRejected {
        String c = value.trim();
        if (c.length() > MAX_CODE || !CODE.matcher(c).matches()) {
            throw bad("bad-code", "'" + parameter + "' must be a code of letters, digits, '.', '-' or '_', at most "
                    + MAX_CODE + " characters");
        }
        return c;
    }

    private static String oid(String value, String parameter) throws RequestRejected {
        String s = value.trim();
        if (s.regionMatches(true, 0, "urn:oid:", 0, 8)) {
            s = s.substring(8);
        }
        if (s.length() > MAX_CODE || !OID.matcher(s).matches()) {
            throw bad("bad-code-system", "'" + parameter + "' must be a code system OID such as"
                    + " 2.16.840.1.113883.6.90, at most " + MAX_CODE + " characters");
        }
        return s;
    }

    private static String displayName(String value, String parameter) throws RequestRejected {
        String s = value.strip();
        if (s.length() > MAX_DISPLAY_NAME || s.chars().anyMatch(Character::isISOControl)) {
            throw bad("bad-display-name", "'" + parameter + "' must be one line of at most " + MAX_DISPLAY_NAME
                    + " characters");
        }
        return s;
    }

    private static String single(Map<String, String[]> params, String name) throws RequestRejected {
        String[] values = present(params.get(name));
        if (values.length > 1) {
            throw bad("bad-parameter", "'" + name + "' may be sent once");
        }
        return values.length == 0 ? null : values[0].trim();
    }

    private static String recipient(Map<String, String[]> params) throws RequestRejected {
        String r = single(params, RECIPIENT);
        if (r == null) {
            return "PAT";
        }
        String upper = r.toUpperCase(Locale.ROOT);
        if (!RECIPIENTS.contains(upper)) {
            throw bad("bad-recipient", "informationRecipient must be PAT (patient) or PROV (provider)");
        }
        return upper;
    }

    private static String language(Map<String, String[]> params) throws RequestRejected {
        String l = single(params, LANGUAGE);
        if (l != null && !org.careleaf.model.Identifiers.isLanguageTag(l)) {
            throw bad("bad-language", LANGUAGE + " must be a language tag such as en, es or es-MX");
        }
        return l;
    }

    private static String responseType(Map<String, String[]> params) throws RequestRejected {
        String t = single(params, RESPONSE_TYPE);
        if (t == null) {
            return JSON;
        }
        String lower = t.toLowerCase(Locale.ROOT);
        if (!RESPONSE_TYPES.contains(lower)) {
            throw bad("unsupported-response-type", "knowledgeResponseType must be application/json (Atom in"
                    + " JSON, the default) or text/xml (an Atom 1.0 feed)");
        }
        return lower;
    }

    private static RequestRejected bad(String code, String message) {
        return new RequestRejected(400, code, message);
    }
}
