package cn.singlewindow.realname.cardbridge.challenge;

import cn.singlewindow.realname.cardbridge.iccard.CardSettings;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Nonces for the card to sign: 32 random bytes, valid for a short time (default 2 minutes), bound to a purpose and,
 * for certification, to an enterprise, and used at most once (claimed atomically, so two racing uses cannot both
 * win).
 */
@Component
public class CardChallenges {

    public static final int NONCE_BYTES = 32;

    public static final Rejection USED = Rejection.of("CHALLENGE_USED",
            "This challenge has been used already; ask for a new one.", "该挑战码已使用，请重新获取。");
    public static final Rejection EXPIRED = Rejection.of("CHALLENGE_EXPIRED",
            "This challenge has expired; ask for a new one.", "该挑战码已过期，请重新获取。");
    public static final Rejection UNKNOWN = Rejection.of("NOT_FOUND",
            "No such challenge.", "挑战码不存在。");
    public static final Rejection WRONG_PURPOSE = Rejection.of("CHALLENGE_USED",
            "This challenge was issued for another purpose.", "该挑战码不能用于此操作，请重新获取。");

    public record Challenge(String id, byte[] nonce, Instant expiresAt) {
    }

    public record Claimed(byte[] nonce, EnterpriseId enterpriseId) {
    }

    private final JdbcTemplate jdbc;
    private final Duration ttl;
    private final SecureRandom random = new SecureRandom();

    CardChallenges(JdbcTemplate jdbc, CardSettings settings) {
        this.jdbc = jdbc;
        this.ttl = settings.challengeTtl();
    }

    public Challenge issue(ChallengePurpose purpose, EnterpriseId enterpriseId, Instant now) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        Challenge challenge = new Challenge(UUID.randomUUID().toString(), nonce, now.plus(ttl));
        jdbc.update("DELETE FROM card_challenge WHERE expires_at < ?", Timestamp.from(now.minus(Duration.ofHours(1))));
        jdbc.update("INSERT INTO card_challenge (challenge_id, nonce, purpose, enterprise_id, expires_at)"
                        + " VALUES (?, ?, ?, ?, ?)", challenge.id(), nonce, purpose.name(),
                enterpriseId == null ? null : enterpriseId.value(), Timestamp.from(challenge.expiresAt()));
        return challenge;
    }

    /** Claims the challenge for this purpose: its nonce and enterprise, or a typed refusal. */
    public Claimed claim(String challengeId, ChallengePurpose purpose, Instant now) {
        List<Object[]> claimed = jdbc.query("UPDATE card_challenge SET used_at = ? WHERE challenge_id = ?"
                        + " AND used_at IS NULL RETURNING nonce, purpose, enterprise_id, expires_at",
                (rs, row) -> new Object[] {rs.getBytes(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()},
                Timestamp.from(now), challengeId);
        if (claimed.isEmpty()) {
            Integer known = jdbc.queryForObject("SELECT count(*) FROM card_challenge WHERE challenge_id = ?",
                    Integer.class, challengeId);
            throw new RejectedException(known != null && known > 0 ? USED : UNKNOWN);
        }
        Object[] row = claimed.get(0);
        if (!purpose.name().equals(row[1])) {
            throw new RejectedException(WRONG_PURPOSE);
        }
        if (!((Instant) row[3]).isAfter(now)) {
            throw new RejectedException(EXPIRED);
        }
        return new Claimed((byte[]) row[0], row[2] == null ? null : new EnterpriseId((String) row[2]));
    }
}
