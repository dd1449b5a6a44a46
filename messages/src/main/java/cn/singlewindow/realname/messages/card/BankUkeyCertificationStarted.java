package cn.singlewindow.realname.messages.card;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseEvent;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

public record BankUkeyCertificationStarted(EnterpriseId enterpriseId, String attemptId, AccountId administratorId,
                                           Bank bank) implements EnterpriseEvent {
}
