package cn.singlewindow.realname.messages.card;

import cn.singlewindow.realname.messages.certification.FailureReason;
import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** The bank answered; a pass is followed by CertificationPassed. Only certification data crosses, no accounts. */
public record BankUkeyResultReceived(EnterpriseId enterpriseId, String attemptId, Bank bank, FailureReason failureCode)
        implements EnterpriseEvent {
}
