package cn.singlewindow.realname.query.upgrade;

import cn.singlewindow.realname.eventstore.rebuild.ProjectionTables;
import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.messages.account.FindOperatorUpgradeRequest;
import cn.singlewindow.realname.messages.account.FindOperatorUpgradeRequests;
import cn.singlewindow.realname.messages.account.OperatorUpgradeApproved;
import cn.singlewindow.realname.messages.account.OperatorUpgradeRejected;
import cn.singlewindow.realname.messages.account.OperatorUpgradeRequestView;
import cn.singlewindow.realname.messages.account.OperatorUpgradeRequested;
import cn.singlewindow.realname.messages.account.UpgradeStatus;
import cn.singlewindow.realname.messages.common.Masking;
import cn.singlewindow.realname.messages.privacy.PersonReferences;
import cn.singlewindow.realname.messages.privacy.PersonalDataErased;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import cn.singlewindow.realname.query.rebuild.ProjectionUpdates;
import org.springframework.stereotype.Component;

/** Manual §三: the requests an enterprise's administrator decides on. */
@Component
@ProcessingGroup(ProjectionTables.PROCESSING_GROUP)
class OperatorUpgradeRequestProjection {

    private final UpgradeRequestRows requests;
    private final ProjectionUpdates updateEmitter;
    private final PersonReferences persons;

    OperatorUpgradeRequestProjection(UpgradeRequestRows requests, ProjectionUpdates updateEmitter,
                                     PersonReferences persons) {
        this.requests = requests;
        this.updateEmitter = updateEmitter;
        this.persons = persons;
    }

    @EventHandler
    void on(OperatorUpgradeRequested event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (requests.findById(event.requestId()).isPresent()) {
            return;
        }
        UpgradeRequestRow row = new UpgradeRequestRow();
        row.requestId = event.requestId();
        row.accountId = event.accountId().value();
        row.enterpriseId = event.enterpriseId().value();
        row.username = event.username();
        if (event.applicant() != null) {
            row.ownerName = event.applicant().name();
            row.documentType = event.applicant().documentType();
            row.documentNumber = Masking.documentNumber(event.applicant().documentNumber());
            row.applicantRef = persons.of(event.applicant().documentType(), event.applicant().documentNumber());
        }
        row.status = UpgradeStatus.PENDING;
        row.requestedAt = at;
        saveAndEmit(row, sequence);
    }

    @EventHandler
    void on(OperatorUpgradeApproved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        decide(event.requestId(), UpgradeStatus.APPROVED, event.reason(), sequence, at);
    }

    @EventHandler
    void on(OperatorUpgradeRejected event, @SequenceNumber long sequence, @Timestamp Instant at) {
        decide(event.requestId(), UpgradeStatus.REJECTED, event.reason(), sequence, at);
    }

    private void decide(String requestId, UpgradeStatus status, String reason, long sequence, Instant at) {
        requests.findById(requestId).filter(row -> row.version < sequence).ifPresent(row -> {
            row.status = status;
            row.reason = reason;
            row.decidedAt = at;
            saveAndEmit(row, sequence);
        });
    }

    @EventHandler
    void on(PersonalDataErased event) {
        requests.erasePerson(event.personRef());
    }

    @ResetHandler
    void reset() {
        requests.deleteAllInBatch();
    }

    @QueryHandler
    List<OperatorUpgradeRequestView> handle(FindOperatorUpgradeRequests query) {
        return requests.findByEnterpriseIdOrderByRequestedAtDesc(query.enterpriseId().value()).stream()
                .map(OperatorUpgradeRequestProjection::toView)
                .toList();
    }

    @QueryHandler
    Optional<OperatorUpgradeRequestView> handle(FindOperatorUpgradeRequest query) {
        return requests.findById(query.requestId()).map(OperatorUpgradeRequestProjection::toView);
    }

    private void saveAndEmit(UpgradeRequestRow row, long sequence) {
        row.version = sequence;
        requests.save(row);
        OperatorUpgradeRequestView view = toView(row);
        updateEmitter.emit(FindOperatorUpgradeRequest.class, q -> q.requestId().equals(view.id()), view);
    }

    private static OperatorUpgradeRequestView toView(UpgradeRequestRow row) {
        return new OperatorUpgradeRequestView(row.requestId, new AccountId(row.accountId),
                new EnterpriseId(row.enterpriseId), row.username, row.ownerName, row.documentType,
                row.documentNumber, row.status, row.reason, row.requestedAt, row.decidedAt, row.version);
    }
}
