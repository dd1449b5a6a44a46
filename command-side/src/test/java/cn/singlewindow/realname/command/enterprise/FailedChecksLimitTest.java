package cn.singlewindow.realname.command.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.command.certification.CertificationPolicy;
import cn.singlewindow.realname.messages.certification.SecurityLevel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailedChecksLimitTest {

    private final CertificationPolicy fiveChecks = new CertificationPolicy(Duration.ofMinutes(30), 5, 10,
            SecurityLevel.MEDIUM, SecurityLevel.HIGH, SecurityLevel.HIGH);

    @Test
    void the_attempt_ends_at_the_configured_number_of_failed_checks() {
        assertThat(FailedChecksLimit.reached(4, fiveChecks)).isFalse();
        assertThat(FailedChecksLimit.reached(5, fiveChecks)).isTrue();
        CertificationPolicy threeChecks = new CertificationPolicy(Duration.ofMinutes(30), 3, 10,
                SecurityLevel.MEDIUM, SecurityLevel.HIGH, SecurityLevel.HIGH);
        assertThat(FailedChecksLimit.reached(3, threeChecks)).isTrue();
    }
}
