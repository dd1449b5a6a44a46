package cn.singlewindow.realname.messages.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The dates and instants any input may name, defined once: from 1900 to the end of 2199. Nothing this service
 * records lies outside them (an ID card issued before 1900 has expired, statistics start with the service), and a
 * value far outside (year +999999999, or BC) would otherwise reach PostgreSQL, whose dates end in 294276.
 */
public final class AcceptedDates {

    public static final LocalDate FIRST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LAST = LocalDate.of(2199, 12, 31);
    private static final Instant START = FIRST.atStartOfDay(ZoneOffset.UTC).toInstant();
    private static final Instant END = LAST.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();

    public static final Rejection OUTSIDE = Rejection.of("VALIDATION_FAILED",
            "Dates lie between 1900-01-01 and 2199-12-31.", "日期须在1900-01-01至2199-12-31之间。");

    private AcceptedDates() {
    }

    public static boolean contains(LocalDate date) {
        return !date.isBefore(FIRST) && !date.isAfter(LAST);
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(START) && instant.isBefore(END);
    }
}
