package cn.singlewindow.realname.messages.correction;

import cn.singlewindow.realname.messages.account.AccountId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A file of evidence for a case in DRAFT: PDF, JPEG or PNG as its content shows, stored with the case. */
public record AddCorrectionEvidence(@TargetAggregateIdentifier String caseId, AccountId administratorId,
                                    String evidenceId, String fileName, String contentType, byte[] content,
                                    String sha256) {

    @Override
    public String toString() {
        return "AddCorrectionEvidence[" + caseId + ", " + evidenceId + ", " + contentType + ", "
                + (content == null ? 0 : content.length) + " bytes]";
    }
}
