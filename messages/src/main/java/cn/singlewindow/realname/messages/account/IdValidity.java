package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.common.AcceptedDates;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The validity period printed on an ID card, YYYYMMDD as the manual writes it; {@code 00000000} as the end
 * means long-term. Checked on input: real dates, start before end, started and not yet expired.
 */
public record IdValidity(String from, String to) {

    public static final String LONG_TERM = "00000000";
    private static final DateTimeFormatter YYYYMMDD =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    public static final Rejection INVALID_DATE = Rejection.of("VALIDATION_FAILED",
            "Validity dates are YYYYMMDD (00000000 for long-term), the start before the end.",
            "证件有效日期格式为YYYYMMDD，长期有效请输入8个0，起始日期须早于截止日期。").onField("idValidTo");

    public static final Rejection EXPIRED = Rejection.of("DOCUMENT_EXPIRED",
            "The identity document has expired.", "证件已过有效期，请使用有效证件。").onField("idValidTo");

    public static IdValidity of(String from, String to, LocalDate today) {
        LocalDate start = parse(from);
        if (start == null || start.isAfter(today)) {
            throw new RejectedException(INVALID_DATE.onField("idValidFrom"));
        }
        if (LONG_TERM.equals(to)) {
            return new IdValidity(from, to);
        }
        LocalDate end = parse(to);
        if (end == null || !end.isAfter(start)) {
            throw new RejectedException(INVALID_DATE);
        }
        if (end.isBefore(today)) {
            throw new RejectedException(EXPIRED);
        }
        return new IdValidity(from, to);
    }

    private static LocalDate parse(String yyyymmdd) {
        if (yyyymmdd == null || yyyymmdd.length() != 8) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(yyyymmdd, YYYYMMDD);
            return AcceptedDates.contains(date) ? date : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
