package cn.singlewindow.realname.messages.card;

import cn.singlewindow.realname.messages.certification.FailureReason;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The bank's verified answer for an attempt ({@code failureCode} null when the bank certified the enterprise), or,
 * with {@code rejectedCallback}, a callback that failed verification: recorded, and nothing else changes.
 */
public record RecordBankUkeyResult(@TargetAggregateIdentifier EnterpriseId enterpriseId, String attemptId, Bank bank,
                                   FailureReason failureCode, boolean rejectedCallback) {
}
