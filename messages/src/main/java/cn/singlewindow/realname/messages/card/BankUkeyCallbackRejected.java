package cn.singlewindow.realname.messages.card;

import cn.singlewindow.realname.messages.certification.FailureReason;
import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** A callback that was forged, replayed, late or about another enterprise: audited, nothing else changes. */
public record BankUkeyCallbackRejected(EnterpriseId enterpriseId, String attemptId, Bank bank, FailureReason reason)
        implements EnterpriseEvent {
}
