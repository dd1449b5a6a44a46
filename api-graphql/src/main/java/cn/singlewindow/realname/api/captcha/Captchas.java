package cn.singlewindow.realname.api.captcha;

import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Manual §2.1: a captcha is a real image, answers once, and expires. Stored in the database for every node. */
@Component
public class Captchas {

    static final int LENGTH = 5;

    static final Rejection INVALID = Rejection.of("CAPTCHA_INVALID",
            "The captcha answer is wrong; get a new captcha and try again.", "验证码错误，请刷新验证码后重试。")
            .onField("captchaAnswer");
    static final Rejection EXPIRED = Rejection.of("CAPTCHA_EXPIRED",
            "The captcha has expired; get a new one.", "验证码已过期，请刷新验证码。").onField("captchaAnswer");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration ttl;
    private final boolean sandbox;
    private final SecureRandom random = new SecureRandom();

    Captchas(JdbcTemplate jdbc, Clock clock, CaptchaSettings settings, Environment env) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ttl = settings.ttl();
        this.sandbox = env.acceptsProfiles(Profiles.of("sandbox"));
    }

    public Captcha issue() {
        String id = UUID.randomUUID().toString();
        StringBuilder answer = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            answer.append((char) ('0' + random.nextInt(10)));
        }
        Instant expiresAt = clock.instant().plus(ttl);
        jdbc.update("DELETE FROM captcha WHERE expires_at < ?", Timestamp.from(clock.instant()));
        jdbc.update("INSERT INTO captcha (captcha_id, answer_hash, sandbox_answer, expires_at) VALUES (?, ?, ?, ?)",
                id, hash(id, answer.toString()), sandbox ? answer.toString() : null, Timestamp.from(expiresAt));
        String png = Base64.getEncoder().encodeToString(CaptchaImage.render(answer.toString(), random));
        return new Captcha(id, png, expiresAt);
    }

    /** Consumes the captcha whatever the answer, so each one gets exactly one guess. */
    public void verify(String captchaId, String answer) {
        List<StoredCaptcha> taken = jdbc.query(
                "DELETE FROM captcha WHERE captcha_id = ? RETURNING answer_hash, expires_at",
                (rs, row) -> new StoredCaptcha(rs.getString(1), rs.getTimestamp(2).toInstant()), captchaId);
        if (taken.isEmpty()) {
            throw new RejectedException(INVALID);
        }
        StoredCaptcha stored = taken.get(0);
        if (stored.expiresAt().isBefore(clock.instant())) {
            throw new RejectedException(EXPIRED);
        }
        String presented = answer == null ? "" : answer.strip();
        if (!MessageDigest.isEqual(stored.answerHash().getBytes(StandardCharsets.US_ASCII),
                hash(captchaId, presented).getBytes(StandardCharsets.US_ASCII))) {
            throw new RejectedException(INVALID);
        }
    }

    /** Sandbox only: the answer a tester or a test would read off the image. */
    public Optional<String> sandboxAnswer(String captchaId) {
        if (!sandbox) {
            return Optional.empty();
        }
        return jdbc.queryForList("SELECT sandbox_answer FROM captcha WHERE captcha_id = ?", String.class, captchaId)
                .stream().findFirst();
    }

    private static String hash(String captchaId, String answer) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest((captchaId + ':' + answer)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record StoredCaptcha(String answerHash, Instant expiresAt) {
    }

    public record Captcha(String id, String imagePng, Instant expiresAt) {
    }
}
