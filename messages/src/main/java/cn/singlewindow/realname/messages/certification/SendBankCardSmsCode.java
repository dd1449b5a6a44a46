package cn.singlewindow.realname.messages.certification;

import cn.singlewindow.realname.messages.common.Masking;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sends a code to the bank-reserved phone before a bank-card check. Answers an {@link SmsCodeTicket}. */
public record SendBankCardSmsCode(@TargetAggregateIdentifier EnterpriseId enterpriseId, String attemptId,
                                     IdentitySubject subject,
                                  String bankCardNumber, String phone) {

    @Override
    public String toString() {
        return "SendBankCardSmsCode[" + attemptId + ", " + subject + ", " + Masking.bankCard(bankCardNumber) + ", "
                + Masking.phone(phone) + "]";
    }
}
