package cn.singlewindow.realname.command.certification;

import cn.singlewindow.realname.messages.certification.SecurityLevel;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The configurable limits of the certification methods (docs/certification.md). */
@Component
public record CertificationPolicy(Duration attemptIdleTimeout, int maxFailedChecksPerAttempt,
                                  int maxChecksPerPersonPerDay, SecurityLevel legalRepLevel,
                                  SecurityLevel icCardLevel, SecurityLevel bankUkeyLevel) {

    public CertificationPolicy(
            @Value("${realname.certification.attempt-idle-timeout:30m}") Duration attemptIdleTimeout,
            @Value("${realname.certification.max-failed-checks-per-attempt:5}") int maxFailedChecksPerAttempt,
            @Value("${realname.certification.max-checks-per-person-per-day:10}") int maxChecksPerPersonPerDay,
            @Value("${realname.certification.legal-rep-level:MEDIUM}") SecurityLevel legalRepLevel,
            // Our reading: both rest on a hardware token (DESIGN.md).
            @Value("${realname.certification.ic-card-level:HIGH}") SecurityLevel icCardLevel,
            @Value("${realname.certification.bank-ukey-level:HIGH}") SecurityLevel bankUkeyLevel) {
        this.attemptIdleTimeout = attemptIdleTimeout;
        this.maxFailedChecksPerAttempt = maxFailedChecksPerAttempt;
        this.maxChecksPerPersonPerDay = maxChecksPerPersonPerDay;
        this.legalRepLevel = legalRepLevel;
        this.icCardLevel = icCardLevel;
        this.bankUkeyLevel = bankUkeyLevel;
    }
}
