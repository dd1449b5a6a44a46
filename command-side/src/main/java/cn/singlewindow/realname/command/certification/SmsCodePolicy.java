package cn.singlewindow.realname.command.certification;

import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The limits of SMS codes on the bank-card route (manual §2.5.3): how long a code is valid, how soon another may be
 * sent, how many wrong entries end a code, and how many codes a phone and an attempt may be sent per day (China
 * time). Wrong codes also count toward the attempt's failed checks ({@link CertificationPolicy}), so guessing ends
 * with the attempt; a new code does not restart the count of wrong entries.
 */
@Component
public record SmsCodePolicy(Duration validity, Duration resendInterval, int maxWrongEntries,
                            int maxSendsPerPhonePerDay, int maxSendsPerAttemptPerDay) {

    public SmsCodePolicy(@Value("${realname.certification.sms.validity:5m}") Duration validity,
                         @Value("${realname.certification.sms.resend-interval:60s}") Duration resendInterval,
                         @Value("${realname.certification.sms.max-wrong-entries:5}") int maxWrongEntries,
                         @Value("${realname.certification.sms.max-sends-per-phone-per-day:10}")
                         int maxSendsPerPhonePerDay,
                         @Value("${realname.certification.sms.max-sends-per-attempt-per-day:6}")
                         int maxSendsPerAttemptPerDay) {
        this.validity = validity;
        this.resendInterval = resendInterval;
        this.maxWrongEntries = maxWrongEntries;
        this.maxSendsPerPhonePerDay = maxSendsPerPhonePerDay;
        this.maxSendsPerAttemptPerDay = maxSendsPerAttemptPerDay;
    }
}
