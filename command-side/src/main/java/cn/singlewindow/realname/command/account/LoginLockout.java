package cn.singlewindow.realname.command.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Manual §2.1, guessing must not pay: a user name refused {@link LoginPolicy#maxFailuresPerAccount} times within the
 * window is locked for {@link LoginPolicy#lockDuration}, counted from the refusal that locked it; attempts made while
 * it is locked are refused unchecked and neither count nor extend it. Kept per user name, whether an account has it
 * or not, so a locked name and an unknown one are answered alike. OPERATIONS may unlock a name.
 */
@Component
class LoginLockout {

    private final JdbcTemplate jdbc;
    private final LoginPolicy policy;

    LoginLockout(JdbcTemplate jdbc, LoginPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    boolean locked(String username, Instant now) {
        List<Timestamp> until = jdbc.queryForList("SELECT locked_until FROM login_lockout WHERE username_key = ?",
                Timestamp.class, key(username));
        return !until.isEmpty() && until.get(0) != null && until.get(0).toInstant().isAfter(now);
    }

    /** Counts a refusal; when it locks the name, until when. Refusals while locked are not counted. */
    Optional<Instant> recordFailure(String username, Instant now) {
        String key = key(username);
        jdbc.update("INSERT INTO login_lockout (username_key, failures, window_start) VALUES (?, 0, ?)"
                + " ON CONFLICT (username_key) DO NOTHING", key, Timestamp.from(now));
        Record current = jdbc.queryForObject("SELECT failures, window_start, locked_until FROM login_lockout"
                        + " WHERE username_key = ? FOR UPDATE",
                (rs, row) -> new Record(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()), key);
        if (current.lockedUntil() != null && current.lockedUntil().isAfter(now)) {
            return Optional.empty();
        }
        boolean windowOver = !current.windowStart().isAfter(now.minus(policy.failureWindow()));
        int failures = (windowOver ? 0 : current.failures()) + 1;
        Instant windowStart = windowOver ? now : current.windowStart();
        boolean locks = failures >= policy.maxFailuresPerAccount();
        Instant lockedUntil = now.plus(policy.lockDuration());
        jdbc.update("UPDATE login_lockout SET failures = ?, window_start = ?, locked_until = ? WHERE username_key = ?",
                locks ? 0 : failures, Timestamp.from(locks ? now : windowStart),
                locks ? Timestamp.from(lockedUntil) : null, key);
        return locks ? Optional.of(lockedUntil) : Optional.empty();
    }

    /** A successful login, or OPERATIONS: the name's count and lock go. */
    void clear(String username) {
        jdbc.update("DELETE FROM login_lockout WHERE username_key = ?", key(username));
    }

    /** Rows nobody has failed with for a day (random names an attacker tried); called now and then. */
    void forgetOld(Instant now) {
        jdbc.update("DELETE FROM login_lockout WHERE window_start < ? AND (locked_until IS NULL OR locked_until < ?)",
                Timestamp.from(now.minus(policy.failureWindow()).minusSeconds(24 * 3600)), Timestamp.from(now));
    }

    private static String key(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return name.length() > 64 ? name.substring(0, 64) : name;
    }

    private record Record(int failures, Instant windowStart, Instant lockedUntil) {
    }
}
