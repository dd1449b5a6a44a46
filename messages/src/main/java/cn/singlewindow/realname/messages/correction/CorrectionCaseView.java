package cn.singlewindow.realname.messages.correction;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.time.Instant;
import java.util.List;

/** A correction case as the read side shows it; {@code version} is the case's last event, for read-your-writes. */
public record CorrectionCaseView(String id, EnterpriseId enterpriseId, AccountId administratorId,
                                 CorrectionStatus status, Requested requested, String explanation,
                                 List<Evidence> evidence, Instant openedAt, Instant submittedAt, Instant decidedAt,
                                 String decidedBy, String reason, long version) {

    /** The information the administrator asks for. */
    public record Requested(String name, String uscc, String orgCode) {
    }

    /** A file of evidence: what it is, and its SHA-256 to check a download against. */
    public record Evidence(String id, String fileName, String contentType, long size, String sha256,
                           Instant uploadedAt) {
    }
}
