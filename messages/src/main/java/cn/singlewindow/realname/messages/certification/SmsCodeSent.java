package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.time.Instant;

/** Only the masked phone is recorded; the code itself lives hashed outside the history and dies in minutes. */
public record SmsCodeSent(EnterpriseId enterpriseId, String attemptId, IdentitySubject subject, String maskedPhone,
                          Instant expiresAt) implements EnterpriseEvent {
}
