package cn.singlewindow.realname.command.certification;

import cn.singlewindow.realname.messages.certification.IdentitySubject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * SMS codes of the bank-card route: six digits from a secure generator, kept only as a salted hash bound to the
 * phone and card, valid 5 minutes, used once, at most 5 wrong entries, a new one no sooner than 60 s after the
 * last.
 */
public interface SmsCodes {

    Duration VALIDITY = Duration.ofMinutes(5);
    Duration RESEND_INTERVAL = Duration.ofSeconds(60);
    int MAX_WRONG_ENTRIES = 5;

    enum Check { OK, NONE, INVALID, EXPIRED, TOO_MANY_WRONG }

    record Issued(String code, Instant expiresAt, Instant resendAfter) {
    }

    /** A new code replacing any earlier one, or empty when the last was sent less than the interval ago. */
    Optional<Issued> issue(String attemptId, IdentitySubject subject, String phone, String cardNumber, Instant now);

    /** Checks a presented code; a right one is used up, a wrong one counts. */
    Check check(String attemptId, IdentitySubject subject, String phone, String cardNumber, String presented,
                Instant now);
}
