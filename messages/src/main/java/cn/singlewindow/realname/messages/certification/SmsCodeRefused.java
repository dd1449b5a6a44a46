package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.common.Refusal;
import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** No code was sent: too soon after the last, a daily limit reached, or the gateway down. The phone is masked. */
public record SmsCodeRefused(EnterpriseId enterpriseId, String attemptId, IdentitySubject subject, String sentTo,
                             String reasonCode) implements EnterpriseEvent, Refusal {
}
