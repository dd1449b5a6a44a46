package cn.singlewindow.realname.command.certification;

import cn.singlewindow.realname.messages.certification.IdentitySubject;
import java.time.Instant;

/**
 * SMS codes of the bank-card route: six digits from a secure generator, kept only as a salted hash bound to the
 * phone and card, used once, within the limits of {@link SmsCodePolicy}.
 */
public interface SmsCodes {

    enum Check { OK, NONE, INVALID, EXPIRED, TOO_MANY_WRONG }

    /** Why no code was sent. */
    enum Refusal { RESEND_TOO_SOON, PHONE_DAILY_LIMIT, ATTEMPT_DAILY_LIMIT }

    record Issued(String code, Instant expiresAt, Instant resendAfter) {
    }

    /** A code was sent ({@code issued}), or why not ({@code refusal}). */
    record Issue(Issued issued, Refusal refusal) {
        public boolean sent() {
            return issued != null;
        }
    }

    /** A new code replacing any earlier one (its wrong entries kept), unless a limit refuses it. */
    Issue issue(String attemptId, IdentitySubject subject, String phone, String cardNumber, Instant now);

    /**
     * The gateway did not take the code just issued: it is void (no entry can match it, a new one may be asked for at
     * once) and the sends it counted are taken back. Its wrong entries stay.
     */
    void withdraw(String attemptId, IdentitySubject subject, String phone, Instant now);

    /** Checks a presented code; a right one is used up, a wrong one counts. */
    Check check(String attemptId, IdentitySubject subject, String phone, String cardNumber, String presented,
                Instant now);
}
