package cn.singlewindow.realname.cardbridge.bankukey;

import cn.singlewindow.realname.messages.certification.FailureReason;
import cn.singlewindow.realname.messages.card.Bank;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The state nonce that ties a bank's callback to the attempt we sent: random, bound to attempt, enterprise, bank and
 * USCC, accepted once and only before it expires (default 15 minutes: the time a person needs at the bank).
 */
@Component
public class BankUkeyStates {

    public record Pending(String attemptId, EnterpriseId enterpriseId, Bank bank, String uscc) {
    }

    /** The claimed state, or why the callback is not to be believed (null when it is). */
    public record Claim(Pending pending, FailureReason problem) {
    }

    private final JdbcTemplate jdbc;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    BankUkeyStates(JdbcTemplate jdbc, BankUkeySettings settings) {
        this.jdbc = jdbc;
        this.ttl = settings.stateTtl();
    }

    public Duration ttl() {
        return ttl;
    }

    public String issue(Pending pending, Instant now) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.update("INSERT INTO bank_ukey_state (state, attempt_id, enterprise_id, bank, uscc, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", state, pending.attemptId(), pending.enterpriseId().value(),
                pending.bank().name(), pending.uscc(), Timestamp.from(now.plus(ttl)));
        return state;
    }

    /** Claims the state once; a second use, a late one or one through another bank is refused. */
    public Claim claim(String state, Bank bank, Instant now) {
        List<Object[]> rows = jdbc.query("UPDATE bank_ukey_state SET used_at = ? WHERE state = ? AND used_at IS NULL"
                        + " RETURNING attempt_id, enterprise_id, bank, uscc, expires_at",
                (rs, row) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant()},
                Timestamp.from(now), state);
        if (rows.isEmpty()) {
            return new Claim(null, FailureReason.REPLAYED_OR_UNKNOWN_STATE);
        }
        Object[] row = rows.get(0);
        Pending pending = new Pending((String) row[0], new EnterpriseId((String) row[1]), Bank.valueOf((String) row[2]),
                (String) row[3]);
        if (pending.bank() != bank) {
            return new Claim(pending, FailureReason.OTHER_BANK);
        }
        if (!((Instant) row[4]).isAfter(now)) {
            return new Claim(pending, FailureReason.LATE);
        }
        return new Claim(pending, null);
    }

    /** For the audit of a callback whose state cannot be claimed: which attempt the state belongs to, if any. */
    public Pending find(String state) {
        return jdbc.query("SELECT attempt_id, enterprise_id, bank, uscc FROM bank_ukey_state WHERE state = ?",
                (rs, row) -> new Pending(rs.getString(1), new EnterpriseId(rs.getString(2)),
                        Bank.valueOf(rs.getString(3)), rs.getString(4)), state).stream().findFirst().orElse(null);
    }
}
