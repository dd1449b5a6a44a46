package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.command.certification.IdentityCheckQuota;
import cn.singlewindow.realname.command.certification.SmsCodePolicy;
import cn.singlewindow.realname.command.certification.SmsCodes;
import cn.singlewindow.realname.messages.certification.IdentitySubject;
import cn.singlewindow.realname.messages.testing.SampleCodes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The SMS code rules and the daily allowance of checks, on the real database. */
class SmsCodePolicyTest extends RunningService {

    private static final String CARD = "6222021234567890123";

    @Autowired
    SmsCodes codes;
    @Autowired
    SmsCodePolicy policy;
    @Autowired
    IdentityCheckQuota quota;

    /** A phone of this test's own: the daily limits count per phone. */
    private final String phone = "138" + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current()
            .nextInt(100_000_000));

    private final String attempt = UUID.randomUUID().toString();
    private final Instant now = Instant.parse("2026-11-28T08:00:00Z");

    private SmsCodes.Issued issue(Instant at) {
        SmsCodes.Issue issue = codes.issue(attempt, IdentitySubject.LEGAL_REP, phone, CARD, at);
        assertThat(issue.sent()).as("sent, not refused for %s", issue.refusal()).isTrue();
        return issue.issued();
    }

    @Test
    void a_code_has_six_digits_is_stored_only_hashed_and_works_once() {
        SmsCodes.Issued issued = issue(now);
        assertThat(issued.code()).matches("\\d{6}");
        assertThat(jdbc.queryForList("SELECT code_hash FROM sms_code WHERE attempt_id = ?", String.class, attempt))
                .singleElement().asString().hasSize(64).doesNotContain(issued.code());
        assertThat(codes.check(attempt, IdentitySubject.LEGAL_REP, phone, CARD, issued.code(), now.plusSeconds(10)))
                .isEqualTo(SmsCodes.Check.OK);
        assertThat(codes.check(attempt, IdentitySubject.LEGAL_REP, phone, CARD, issued.code(), now.plusSeconds(20)))
                .isEqualTo(SmsCodes.Check.NONE);
    }

    @Test
    void a_code_expires_after_five_minutes() {
        SmsCodes.Issued issued = issue(now);
        assertThat(codes.check(attempt, IdentitySubject.LEGAL_REP, phone, CARD, issued.code(), now.plusSeconds(301)))
                .isEqualTo(SmsCodes.Check.EXPIRED);
    }

    @Test
    void a_code_is_bound_to_the_phone_and_card_it_was_sent_for() {
        SmsCodes.Issued issued = issue(now);
        assertThat(codes.check(attempt, IdentitySubject.LEGAL_REP, "13900000000", CARD, issued.code(), now))
                .isEqualTo(SmsCodes.Check.INVALID);
        assertThat(codes.check(attempt, IdentitySubject.ADMINISTRATOR, phone, CARD, issued.code(), now))
                .isEqualTo(SmsCodes.Check.NONE);
    }

    @Test
    void after_five_wrong_entries_even_the_right_code_is_refused() {
        SmsCodes.Issued issued = issue(now);
        String wrong = issued.code().equals("000000") ? "111111" : "000000";
        for (int i = 0; i < policy.maxWrongEntries(); i++) {
            assertThat(codes.check(attempt, IdentitySubject.LEGAL_REP, phone, CARD, wrong, now))
                    .isEqualTo(SmsCodes.Check.INVALID);
        }
        assertThat(codes.check(attempt, IdentitySubject.LEGAL_REP, phone, CARD, issued.code(), now))
                .isEqualTo(SmsCodes.Check.TOO_MANY_WRONG);
    }

    @Test
    void a_new_code_comes_no_sooner_than_sixty_seconds_and_replaces_the_old_one() {
        SmsCodes.Issued first = issue(now);
        assertThat(codes.issue(attempt, IdentitySubject.LEGAL_REP, phone, CARD, now.plusSeconds(59)).refusal())
                .isEqualTo(SmsCodes.Refusal.RESEND_TOO_SOON);
        SmsCodes.Issued second = issue(now.plusSeconds(60));
        if (!second.code().equals(first.code())) {
            assertThat(codes.check(attempt, IdentitySubject.LEGAL_REP, phone, CARD, first.code(), now.plusSeconds(61)))
                    .isEqualTo(SmsCodes.Check.INVALID);
        }
        assertThat(codes.check(attempt, IdentitySubject.LEGAL_REP, phone, CARD, second.code(), now.plusSeconds(62)))
                .isEqualTo(SmsCodes.Check.OK);
    }

    @Test
    void a_new_code_does_not_restart_the_count_of_wrong_entries() {
        issue(now);
        for (int i = 0; i < policy.maxWrongEntries(); i++) {
            // Not six digits: never the code sent.
            codes.check(attempt, IdentitySubject.LEGAL_REP, phone, CARD, "wrong", now);
        }
        SmsCodes.Issued fresh = issue(now.plusSeconds(60));
        assertThat(codes.check(attempt, IdentitySubject.LEGAL_REP, phone, CARD, fresh.code(), now.plusSeconds(61)))
                .isEqualTo(SmsCodes.Check.TOO_MANY_WRONG);
    }

    @Test
    void a_phone_and_an_attempt_are_sent_a_limited_number_of_codes_a_day() {
        for (int i = 0; i < policy.maxSendsPerAttemptPerDay(); i++) {
            issue(now.plusSeconds(60L * i));
        }
        assertThat(codes.issue(attempt, IdentitySubject.LEGAL_REP, phone, CARD, now.plusSeconds(3600)).refusal())
                .isEqualTo(SmsCodes.Refusal.ATTEMPT_DAILY_LIMIT);
        // Other attempts to the same phone, until the phone's own limit.
        int sentToPhone = policy.maxSendsPerAttemptPerDay();
        while (sentToPhone < policy.maxSendsPerPhonePerDay()) {
            assertThat(codes.issue(UUID.randomUUID().toString(), IdentitySubject.LEGAL_REP, phone, CARD,
                    now.plusSeconds(3600)).sent()).isTrue();
            sentToPhone++;
        }
        assertThat(codes.issue(UUID.randomUUID().toString(), IdentitySubject.LEGAL_REP, phone, CARD,
                now.plusSeconds(3600)).refusal()).isEqualTo(SmsCodes.Refusal.PHONE_DAILY_LIMIT);
        assertThat(codes.issue(UUID.randomUUID().toString(), IdentitySubject.LEGAL_REP, phone, CARD,
                now.plusSeconds(24 * 3600)).sent()).as("the next day").isTrue();
    }

    @Test
    void a_person_gets_ten_identity_checks_a_day() {
        String person = SampleCodes.randomResidentId();
        LocalDate day = LocalDate.of(2026, 11, 28);
        for (int i = 0; i < 10; i++) {
            assertThat(quota.tryConsume(person, day)).isTrue();
        }
        assertThat(quota.tryConsume(person, day)).isFalse();
        assertThat(quota.tryConsume(person, day.plusDays(1))).isTrue();
    }
}
