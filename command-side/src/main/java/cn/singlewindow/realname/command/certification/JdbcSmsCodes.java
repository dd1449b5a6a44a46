package cn.singlewindow.realname.command.certification;

import cn.singlewindow.realname.messages.certification.IdentitySubject;
import cn.singlewindow.realname.messages.common.ChinaTime;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The SMS codes in {@code sms_code}, each as a salted hash bound to the phone and card. */
@Component
class JdbcSmsCodes implements SmsCodes {

    private final JdbcTemplate jdbc;
    private final SmsCodePolicy policy;
    private final SecureRandom random = new SecureRandom();

    JdbcSmsCodes(JdbcTemplate jdbc, SmsCodePolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    @Override
    public Issue issue(String attemptId, IdentitySubject subject, String phone, String cardNumber, Instant now) {
        List<Timestamp> resendAfter = jdbc.queryForList("SELECT resend_after FROM sms_code WHERE attempt_id = ?"
                + " AND subject = ?", Timestamp.class, attemptId, subject.name());
        if (!resendAfter.isEmpty() && resendAfter.get(0).toInstant().isAfter(now)) {
            return new Issue(null, Refusal.RESEND_TOO_SOON);
        }
        LocalDate today = LocalDate.ofInstant(now, ChinaTime.ZONE);
        if (sendsToday("phone:" + Hashing.sha256("phone", phone), today) >= policy.maxSendsPerPhonePerDay()) {
            return new Issue(null, Refusal.PHONE_DAILY_LIMIT);
        }
        if (sendsToday("attempt:" + attemptId, today) >= policy.maxSendsPerAttemptPerDay()) {
            return new Issue(null, Refusal.ATTEMPT_DAILY_LIMIT);
        }
        countSend("phone:" + Hashing.sha256("phone", phone), today);
        countSend("attempt:" + attemptId, today);
        String code = String.format("%06d", random.nextInt(1_000_000));
        byte[] saltBytes = new byte[16];
        random.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        Issued issued = new Issued(code, now.plus(policy.validity()), now.plus(policy.resendInterval()));
        // A new code does not restart the wrong entries: asking for one is no way around their limit.
        jdbc.update("INSERT INTO sms_code (attempt_id, subject, code_hash, salt, binding_hash, expires_at,"
                        + " resend_after, wrong_entries) VALUES (?, ?, ?, ?, ?, ?, ?, 0)"
                        + " ON CONFLICT (attempt_id, subject) DO UPDATE SET code_hash = EXCLUDED.code_hash,"
                        + " salt = EXCLUDED.salt, binding_hash = EXCLUDED.binding_hash,"
                        + " expires_at = EXCLUDED.expires_at, resend_after = EXCLUDED.resend_after",
                attemptId, subject.name(), Hashing.sha256(salt, code), salt, Hashing.sha256(phone, cardNumber),
                Timestamp.from(issued.expiresAt()), Timestamp.from(issued.resendAfter()));
        return new Issue(issued, null);
    }

    @Override
    public void withdraw(String attemptId, IdentitySubject subject, String phone, Instant now) {
        jdbc.update("UPDATE sms_code SET code_hash = '', expires_at = ?, resend_after = ? WHERE attempt_id = ?"
                + " AND subject = ?", Timestamp.from(now), Timestamp.from(now), attemptId, subject.name());
        LocalDate today = LocalDate.ofInstant(now, ChinaTime.ZONE);
        for (String key : List.of("phone:" + Hashing.sha256("phone", phone), "attempt:" + attemptId)) {
            jdbc.update("UPDATE sms_send_quota SET sends = sends - 1 WHERE quota_key = ? AND day = ? AND sends > 0",
                    key, Date.valueOf(today));
        }
    }

    private int sendsToday(String key, LocalDate today) {
        List<Integer> sends = jdbc.queryForList("SELECT sends FROM sms_send_quota WHERE quota_key = ? AND day = ?",
                Integer.class, key, Date.valueOf(today));
        return sends.isEmpty() ? 0 : sends.get(0);
    }

    private void countSend(String key, LocalDate today) {
        jdbc.update("INSERT INTO sms_send_quota (quota_key, day, sends) VALUES (?, ?, 1) ON CONFLICT (quota_key, day)"
                + " DO UPDATE SET sends = sms_send_quota.sends + 1", key, Date.valueOf(today));
    }

    @Override
    public Check check(String attemptId, IdentitySubject subject, String phone, String cardNumber, String presented,
                       Instant now) {
        List<Stored> found = jdbc.query("SELECT code_hash, salt, binding_hash, expires_at, wrong_entries"
                        + " FROM sms_code WHERE attempt_id = ? AND subject = ? FOR UPDATE",
                (rs, row) -> new Stored(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant(), rs.getInt(5)),
                attemptId, subject.name());
        if (found.isEmpty()) {
            return Check.NONE;
        }
        Stored stored = found.get(0);
        if (stored.wrongEntries() >= policy.maxWrongEntries()) {
            return Check.TOO_MANY_WRONG;
        }
        if (!stored.expiresAt().isAfter(now)) {
            return Check.EXPIRED;
        }
        String presentedCode = presented == null ? "" : presented.strip();
        boolean right = equal(stored.codeHash(), Hashing.sha256(stored.salt(), presentedCode))
                && equal(stored.bindingHash(), Hashing.sha256(phone, cardNumber));
        if (!right) {
            jdbc.update("UPDATE sms_code SET wrong_entries = wrong_entries + 1 WHERE attempt_id = ? AND subject = ?",
                    attemptId, subject.name());
            return Check.INVALID;
        }
        jdbc.update("DELETE FROM sms_code WHERE attempt_id = ? AND subject = ?", attemptId, subject.name());
        return Check.OK;
    }

    private static boolean equal(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

    private record Stored(String codeHash, String salt, String bindingHash, Instant expiresAt, int wrongEntries) {
    }
}
