package cn.singlewindow.realname.command.certification;

import cn.singlewindow.realname.messages.certification.SecurityLevel;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The configurable limits of the certification methods (docs/certification.md). */
@Component
public record CertificationPolicy(Duration attemptIdleTimeout, int maxFailedChecksPerAttempt,
                                  int maxChecksPerPersonPerDay, SecurityLevel legalRepLevel) {

    public CertificationPolicy(
            @Value("${realname.certification.attempt-idle-timeout:30m}") Duration attemptIdleTimeout,
            @Value("${realname.certification.max-failed-checks-per-attempt:5}") int maxFailedChecksPerAttempt,
            @Value("${realname.certification.max-checks-per-person-per-day:10}") int maxChecksPerPersonPerDay,
            @Value("${realname.certification.legal-rep-level:MEDIUM}") SecurityLevel legalRepLevel) {
        this.attemptIdleTimeout = attemptIdleTimeout;
        this.maxFailedChecksPerAttempt = maxFailedChecksPerAttempt;
        this.maxChecksPerPersonPerDay = maxChecksPerPersonPerDay;
        this.legalRepLevel = legalRepLevel;
    }
}
