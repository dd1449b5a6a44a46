package cn.singlewindow.realname.messages.certification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** Sends a code to the bank-reserved phone before a bank-card check. Answers an {@link SmsCodeTicket}. */
public record SendBankCardSmsCode(@TargetAggregateIdentifier EnterpriseId enterpriseId, String attemptId, IdentitySubject subject,
                                  String bankCardNumber, String phone) {
}
