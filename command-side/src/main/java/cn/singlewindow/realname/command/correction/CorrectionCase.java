package cn.singlewindow.realname.command.correction;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.correction.AddCorrectionEvidence;
import cn.singlewindow.realname.messages.correction.CorrectionCaseApproved;
import cn.singlewindow.realname.messages.correction.CorrectionCaseOpened;
import cn.singlewindow.realname.messages.correction.CorrectionCaseRejected;
import cn.singlewindow.realname.messages.correction.CorrectionCaseSubmitted;
import cn.singlewindow.realname.messages.correction.CorrectionEvidenceAdded;
import cn.singlewindow.realname.messages.correction.CorrectionStatus;
import cn.singlewindow.realname.messages.correction.DecideCorrectionCase;
import cn.singlewindow.realname.messages.correction.OpenCorrectionCase;
import cn.singlewindow.realname.messages.correction.SubmitCorrectionCase;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Manual §2.3 (3): when the registry check fails although the information is right, the enterprise's administrator
 * provides evidence and staff correct it. The administrator drafts the case (what the information should be, and
 * why), adds files of evidence, and submits it; OPERATIONS approves or rejects it with a reason. Answers the case's
 * version after each change.
 */
@Aggregate
class CorrectionCase {

    static final int MAX_FILES = 5;
    static final int MAX_EXPLANATION = 1000;
    static final int MAX_NAME = 200;
    static final int MAX_REASON = 200;

    @AggregateIdentifier
    private String caseId;
    private EnterpriseId enterpriseId;
    private AccountId administratorId;
    private CorrectionStatus status;
    private int files;

    protected CorrectionCase() {
        // for Axon
    }

    @CommandHandler
    CorrectionCase(OpenCorrectionCase command) {
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new RejectedException(CorrectionRejections.NAME_REQUIRED);
        }
        if (!Objects.equals(command.uscc().orgCode(), command.orgCode())) {
            throw new RejectedException(CorrectionRejections.ORG_CODE_MISMATCH);
        }
        String explanation = command.explanation() == null ? "" : command.explanation().strip();
        if (explanation.isEmpty() || explanation.length() > MAX_EXPLANATION) {
            throw new RejectedException(CorrectionRejections.EXPLANATION_REQUIRED);
        }
        apply(new CorrectionCaseOpened(command.caseId(), command.enterpriseId(), command.administratorId(), name,
                command.uscc(), command.orgCode(), explanation));
    }

    @CommandHandler
    long handle(AddCorrectionEvidence command, EvidenceStore evidence) {
        requireDraftOf(command.administratorId());
        if (files >= MAX_FILES) {
            throw new RejectedException(CorrectionRejections.TOO_MANY_FILES);
        }
        evidence.store(caseId, command.evidenceId(), command.fileName(), command.contentType(), command.content(),
                command.sha256(), GenericEventMessage.clock.instant());
        apply(new CorrectionEvidenceAdded(caseId, enterpriseId, command.evidenceId(), command.fileName(),
                command.contentType(), command.content().length, command.sha256()));
        return getVersion();
    }

    @CommandHandler
    long handle(SubmitCorrectionCase command) {
        requireDraftOf(command.administratorId());
        if (files == 0) {
            throw new RejectedException(CorrectionRejections.NO_EVIDENCE);
        }
        apply(new CorrectionCaseSubmitted(caseId, enterpriseId));
        return getVersion();
    }

    /** The enterprise's information was corrected first, with this case's id, when the decision is an approval. */
    @CommandHandler
    long handle(DecideCorrectionCase command) {
        if (status != CorrectionStatus.SUBMITTED) {
            throw new RejectedException(CorrectionRejections.NOT_SUBMITTED);
        }
        String reason = command.reason() == null ? "" : command.reason().strip();
        if (reason.length() > MAX_REASON || !command.approve() && reason.isEmpty()) {
            throw new RejectedException(CorrectionRejections.REASON_REQUIRED);
        }
        apply(command.approve()
                ? new CorrectionCaseApproved(caseId, enterpriseId, command.decidedBy(), reason.isEmpty() ? null : reason)
                : new CorrectionCaseRejected(caseId, enterpriseId, command.decidedBy(), reason));
        return getVersion();
    }

    private void requireDraftOf(AccountId administrator) {
        if (!administratorId.equals(administrator)) {
            throw new RejectedException(CorrectionRejections.NOT_THE_CASES_ADMINISTRATOR);
        }
        if (status != CorrectionStatus.DRAFT) {
            throw new RejectedException(CorrectionRejections.NOT_A_DRAFT);
        }
    }

    @EventSourcingHandler
    void on(CorrectionCaseOpened event) {
        caseId = event.caseId();
        enterpriseId = event.enterpriseId();
        administratorId = event.administratorId();
        status = CorrectionStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(CorrectionEvidenceAdded event) {
        files++;
    }

    @EventSourcingHandler
    void on(CorrectionCaseSubmitted event) {
        status = CorrectionStatus.SUBMITTED;
    }

    @EventSourcingHandler
    void on(CorrectionCaseApproved event) {
        status = CorrectionStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(CorrectionCaseRejected event) {
        status = CorrectionStatus.REJECTED;
    }
}
