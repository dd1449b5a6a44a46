package cn.singlewindow.realname.command.certification;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The limits of SMS codes on the bank-card route (manual §2.5.3). Wrong codes also count toward the attempt's failed
 * checks ({@link CertificationPolicy}), so guessing ends with the attempt; a new code does not restart the count of
 * wrong entries.
 *
 * @param validity how long a code is valid
 * @param resendInterval how soon another code may be sent for the same attempt
 * @param maxWrongEntries wrong entries that end a code
 * @param maxSendsPerPhonePerDay codes one phone may be sent per day (China time)
 * @param maxSendsPerAttemptPerDay codes one attempt may send per day (China time)
 */
@Validated
@ConfigurationProperties("realname.certification.sms")
public record SmsCodePolicy(@DefaultValue("5m") @NotNull Duration validity,
                            @DefaultValue("60s") @NotNull Duration resendInterval,
                            @DefaultValue("5") @Min(1) int maxWrongEntries,
                            @DefaultValue("10") @Min(1) int maxSendsPerPhonePerDay,
                            @DefaultValue("6") @Min(1) int maxSendsPerAttemptPerDay) {
}
