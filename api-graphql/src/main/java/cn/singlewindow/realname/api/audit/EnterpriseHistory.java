package cn.singlewindow.realname.api.audit;

import cn.singlewindow.realname.messages.card.BankUkeyCertificationStarted;
import cn.singlewindow.realname.messages.card.BankUkeyResultReceived;
import cn.singlewindow.realname.messages.card.IcCardCertificationAttempted;
import cn.singlewindow.realname.messages.certification.CertificationAttemptExpired;
import cn.singlewindow.realname.messages.certification.CertificationAttemptFailed;
import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.certification.CertificationOverview;
import cn.singlewindow.realname.messages.certification.CertificationPassed;
import cn.singlewindow.realname.messages.certification.CertificationStep;
import cn.singlewindow.realname.messages.certification.CertificationStepFailed;
import cn.singlewindow.realname.messages.certification.EnterpriseInfoVerified;
import cn.singlewindow.realname.messages.certification.IdentitySubject;
import cn.singlewindow.realname.messages.certification.IdentityVerified;
import cn.singlewindow.realname.messages.certification.LegalRepCertificationStarted;
import cn.singlewindow.realname.messages.certification.MethodState;
import cn.singlewindow.realname.messages.certification.MethodStatus;
import cn.singlewindow.realname.messages.certification.SecurityLevel;
import cn.singlewindow.realname.messages.common.Masking;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseInfoChanged;
import cn.singlewindow.realname.messages.enterprise.EnterpriseView;
import cn.singlewindow.realname.messages.enterprise.LegacyEnterpriseImported;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An enterprise as it stood at an instant: its stream read from the event store up to then and folded into its
 * identity and the state of each certification method.
 */
@Component
class EnterpriseHistory {

    private final JdbcTemplate jdbc;
    private final Serializer eventSerializer;

    EnterpriseHistory(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer eventSerializer) {
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
    }

    /** Empty when the enterprise did not exist yet at that instant. */
    Optional<EnterpriseView> asOf(EnterpriseId enterpriseId, Instant at) {
        Fold fold = new Fold();
        jdbc.query("SELECT sequence_number, payload_type, payload_revision, payload, time_stamp"
                        + " FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                rs -> {
                    Instant occurredAt = Instant.parse(rs.getString(5));
                    if (!occurredAt.isAfter(at)) {
                        Object event = eventSerializer.deserialize(new SimpleSerializedObject<>(rs.getBytes(4),
                                byte[].class, rs.getString(2), rs.getString(3)));
                        fold.apply(event, rs.getLong(1), occurredAt);
                    }
                }, enterpriseId.value());
        return Optional.ofNullable(fold.view(enterpriseId));
    }

    private static final class Fold {

        private LegacyEnterpriseImported imported;
        private EnterpriseInfoChanged changed;
        private long version;
        private final Map<CertificationMethod, MethodStatus> methods = new EnumMap<>(CertificationMethod.class);
        private boolean enterpriseInfoVerified;
        private boolean ownerIdentityVerified;

        void apply(Object event, long sequence, Instant at) {
            version = sequence;
            if (event instanceof LegacyEnterpriseImported e) {
                imported = e;
            } else if (event instanceof EnterpriseInfoChanged e) {
                changed = e;
            } else if (event instanceof LegalRepCertificationStarted) {
                pending(CertificationMethod.LEGAL_REP, at, CertificationStep.ENTERPRISE_INFO);
            } else if (event instanceof EnterpriseInfoVerified) {
                step(CertificationMethod.LEGAL_REP, at, CertificationStep.LEGAL_REP_IDENTITY);
            } else if (event instanceof IdentityVerified e) {
                step(CertificationMethod.LEGAL_REP, at, e.subject() == IdentitySubject.LEGAL_REP
                        ? CertificationStep.ADMINISTRATOR_IDENTITY : CertificationStep.DONE);
            } else if (event instanceof CertificationStepFailed e) {
                step(e.method(), at, null);
            } else if (event instanceof CertificationAttemptFailed e) {
                failed(e.method(), at);
            } else if (event instanceof CertificationAttemptExpired e) {
                failed(e.method(), at);
            } else if (event instanceof IcCardCertificationAttempted e && e.failureCode() != null) {
                failed(CertificationMethod.IC_CARD, at);
            } else if (event instanceof BankUkeyCertificationStarted) {
                pending(CertificationMethod.BANK_UKEY, at, CertificationStep.ENTERPRISE_INFO);
            } else if (event instanceof BankUkeyResultReceived e && e.failureCode() != null) {
                failed(CertificationMethod.BANK_UKEY, at);
            } else if (event instanceof CertificationPassed e) {
                methods.put(e.method(), new MethodStatus(e.method(), MethodState.PASSED, e.securityLevel(), at, at,
                        CertificationStep.DONE.name()));
                enterpriseInfoVerified |= e.enterpriseInfoVerified();
                ownerIdentityVerified |= e.ownerIdentityVerifiedFor() != null;
            }
        }

        private boolean passed(CertificationMethod method) {
            MethodStatus status = methods.get(method);
            return status != null && status.status() == MethodState.PASSED;
        }

        private void pending(CertificationMethod method, Instant at, CertificationStep step) {
            if (!passed(method)) {
                methods.put(method, new MethodStatus(method, MethodState.PENDING, SecurityLevel.NONE, null, at,
                        step.name()));
            }
        }

        private void step(CertificationMethod method, Instant at, CertificationStep step) {
            MethodStatus status = methods.get(method);
            if (status != null && !passed(method)) {
                methods.put(method, new MethodStatus(method, status.status(), status.securityLevel(), null, at,
                        step == null ? status.currentStep() : step.name()));
            }
        }

        private void failed(CertificationMethod method, Instant at) {
            if (!passed(method)) {
                methods.put(method, new MethodStatus(method, MethodState.FAILED, SecurityLevel.NONE, null, at, null));
            }
        }

        EnterpriseView view(EnterpriseId id) {
            if (imported == null) {
                return null;
            }
            LegalRepresentative legalRep = imported.legalRepresentative();
            return new EnterpriseView(id, changed == null ? imported.name() : changed.name(),
                    (changed == null ? imported.uscc() : changed.uscc()).value(),
                    (changed == null ? imported.orgCode() : changed.orgCode()).value(), imported.origin(),
                    legalRep == null ? null : new LegalRepresentative(legalRep.name(), legalRep.documentType(),
                            Masking.documentNumber(legalRep.documentNumber())),
                    version, CertificationOverview.of(methods, enterpriseInfoVerified, ownerIdentityVerified));
        }
    }
}
