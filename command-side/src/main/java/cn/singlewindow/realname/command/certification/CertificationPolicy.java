package cn.singlewindow.realname.command.certification;

import cn.singlewindow.realname.messages.certification.SecurityLevel;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The configurable limits of the certification methods (docs/certification.md).
 *
 * @param attemptIdleTimeout how long an attempt may stay idle before it expires, whichever method
 * @param maxFailedChecksPerAttempt checks that said no (a mismatch, a wrong SMS code) before the attempt fails
 * @param maxChecksPerPersonPerDay identity checks of one person, over every enterprise, per day (China time)
 * @param legalRepLevel security level the legal representative method grants
 * @param icCardLevel security level the IC card grants (our reading: a hardware token, so HIGH)
 * @param bankUkeyLevel security level the bank UKey grants (our reading: a hardware token, so HIGH)
 */
@Validated
@ConfigurationProperties("realname.certification")
public record CertificationPolicy(@DefaultValue("30m") @NotNull Duration attemptIdleTimeout,
                                  @DefaultValue("5") @Min(1) int maxFailedChecksPerAttempt,
                                  @DefaultValue("10") @Min(1) int maxChecksPerPersonPerDay,
                                  @DefaultValue("MEDIUM") @NotNull SecurityLevel legalRepLevel,
                                  @DefaultValue("HIGH") @NotNull SecurityLevel icCardLevel,
                                  @DefaultValue("HIGH") @NotNull SecurityLevel bankUkeyLevel) {
}
