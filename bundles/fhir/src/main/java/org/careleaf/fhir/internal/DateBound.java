package org.careleaf.fhir.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * One {@code _lastUpdated} value: a prefix and the time range its value stands for at its precision
 * ({@code 2026-11} is the whole month). Values without a time zone are read as UTC.
 *
 * @param prefix eq, gt, lt, ge or le
 * @param from start of the value's range, inclusive
 * @param to end of the value's range, exclusive
 */
record DateBound(String prefix, Instant from, Instant to, String text) {

    private static final Pattern VALUE = Pattern.compile(
            "\\d{4}(-\\d{2}(-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?)?)?)?");

    static DateBound parse(String raw) {
        String prefix = "eq";
        String v = raw;
        if (v.length() > 2 && Character.isLetter(v.charAt(0)) && Character.isLetter(v.charAt(1))) {
            prefix = v.substring(0, 2);
            v = v.substring(2);
        }
        if (!prefix.matches("eq|gt|lt|ge|le")) {
            throw FhirException.invalid("_lastUpdated prefix '" + prefix + "' is not supported; use eq, gt, lt, ge or le");
        }
        if (!VALUE.matcher(v).matches()) {
            throw FhirException.invalid("_lastUpdated='" + raw + "' is not a FHIR date such as 2026-11-28 or 2026-11-28T10:00:00Z");
        }
        try {
            Instant from;
            Instant to;
            if (v.length() == 4) {
                from = LocalDate.of(Integer.parseInt(v), 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
                to = LocalDate.of(Integer.parseInt(v) + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
            } else if (v.length() == 7) {
                YearMonth m = YearMonth.parse(v);
                from = m.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
                to = m.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            } else if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                from = d.atStartOfDay().toInstant(ZoneOffset.UTC);
                to = d.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            } else {
                boolean zoned = v.endsWith("Z") || v.lastIndexOf('+') > 10 || v.lastIndexOf('-') > 10;
                from = zoned ? OffsetDateTime.parse(v).toInstant() : LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
                // a time is precise to the unit it names: a minute, a second or the fraction given
                String time = v.substring(11).replaceFirst("(Z|[+-]\\d{2}:\\d{2})$", "");
                int fraction = time.indexOf('.');
                long step = fraction > 0 ? (long) Math.pow(10, 9 - (time.length() - fraction - 1))
                        : time.length() == 8 ? 1_000_000_000L : 60_000_000_000L;
                to = from.plusNanos(step);
            }
            return new DateBound(prefix, from, to, raw);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw FhirException.invalid("_lastUpdated='" + raw + "' is not a valid date");
        }
    }

    /** Whether a point in time (a resource's lastUpdated) satisfies this bound, as FHIR's date search defines. */
    boolean matches(Instant t) {
        return switch (prefix) {
            case "eq" -> !t.isBefore(from) && t.isBefore(to);
            case "gt" -> !t.isBefore(to);
            case "ge" -> !t.isBefore(from);
            case "lt" -> t.isBefore(from);
            case "le" -> t.isBefore(to);
            default -> false;
        };
    }
}
