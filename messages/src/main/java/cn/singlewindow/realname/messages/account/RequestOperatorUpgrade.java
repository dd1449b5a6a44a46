package cn.singlewindow.realname.messages.account;

import cn.singlewindow.realname.messages.enterprise.Uscc;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Manual §三: a personal account asks to become an operator of the enterprise with this USCC. */
public record RequestOperatorUpgrade(@TargetAggregateIdentifier AccountId accountId, String requestId, Uscc uscc) {
}
