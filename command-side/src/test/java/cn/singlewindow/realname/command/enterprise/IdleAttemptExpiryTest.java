package cn.singlewindow.realname.command.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdleAttemptExpiryTest {

    private final Instant lastActivity = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void an_attempt_is_idle_from_the_moment_its_timeout_has_passed_since_its_last_activity() {
        Duration timeout = Duration.ofMinutes(30);
        assertThat(IdleAttemptExpiry.idle(lastActivity, lastActivity.plus(Duration.ofMinutes(29)), timeout)).isFalse();
        assertThat(IdleAttemptExpiry.idle(lastActivity, lastActivity.plus(timeout), timeout)).isTrue();
        assertThat(IdleAttemptExpiry.idle(lastActivity, lastActivity.plus(Duration.ofHours(5)), timeout)).isTrue();
    }
}
