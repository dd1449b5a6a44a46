package cn.singlewindow.realname.command.enterprise;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import cn.singlewindow.realname.messages.account.AccountId;
import cn.singlewindow.realname.command.enterprise.registry.EnterpriseRegistry;
import cn.singlewindow.realname.command.enterprise.registry.RegisteredEnterprise;
import cn.singlewindow.realname.messages.certification.CertificationPassed;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.enterprise.ChangeEnterpriseInfo;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseInfoChanged;
import cn.singlewindow.realname.messages.enterprise.EnterpriseOrigin;
import cn.singlewindow.realname.messages.enterprise.LegacyEnterpriseImported;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An enterprise user of the Single Window: its identity (name, USCC, organisation code) and, as later rules
 * arrive, its certification. Guards in command handlers, state only in event sourcing handlers.
 */
@Aggregate(cache = "aggregateCache")
public class Enterprise {

    static final int MAX_NAME_LENGTH = 200;

    @AggregateIdentifier
    private EnterpriseId enterpriseId;
    private String name;
    private Uscc uscc;
    private OrgCode orgCode;
    private EnterpriseOrigin origin;
    private LegalRepresentative legalRepresentative;
    private boolean certified;

    protected Enterprise() {
        // for Axon
    }

    Enterprise(EnterpriseId enterpriseId, String name, Uscc uscc, OrgCode orgCode,
               LegalRepresentative legalRepresentative, EnterpriseOrigin origin, AccountId administratorId) {
        requireName(name);
        requireOrgCodeOf(uscc, orgCode);
        apply(new LegacyEnterpriseImported(enterpriseId, name.strip(), uscc, orgCode, legalRepresentative, origin,
                administratorId));
    }

    /** Manual §2.3. Answers the version after the change, so the caller can wait for its projection. */
    @CommandHandler
    long handle(ChangeEnterpriseInfo command, UsccRegistry usccRegistry, EnterpriseRegistry registry) {
        requireInScope();
        requireName(command.name());
        OrgCode newOrgCode = command.orgCode() == null ? command.uscc().orgCode() : command.orgCode();
        requireOrgCodeOf(command.uscc(), newOrgCode);
        String newName = command.name().strip();
        int changed = (newName.equals(name) ? 0 : 1)
                + (command.uscc().equals(uscc) ? 0 : 1)
                + (newOrgCode.equals(orgCode) ? 0 : 1);
        if (changed > 2) {
            throw new RejectedException(EnterpriseRejections.TOO_MANY_IDENTITY_FIELDS_CHANGED);
        }
        if (changed == 0) {
            return getVersion();
        }
        if (certified) {
            throw new RejectedException(EnterpriseRejections.ENTERPRISE_LOCKED);
        }
        requireRegistered(registry, newName, command.uscc(), newOrgCode);
        if (!command.uscc().equals(uscc)) {
            usccRegistry.move(uscc, command.uscc(), enterpriseId);
        }
        apply(new EnterpriseInfoChanged(enterpriseId, newName, command.uscc(), newOrgCode));
        return getVersion();
    }

    /** Manual §2.3 (3): the new information must be what the national registry holds. */
    private static void requireRegistered(EnterpriseRegistry registry, String name, Uscc uscc, OrgCode orgCode) {
        boolean matches = registry.lookUp(uscc)
                .filter(RegisteredEnterprise::active)
                .filter(record -> record.hasName(name) && orgCode.equals(record.orgCode()))
                .isPresent();
        if (!matches) {
            throw new RejectedException(EnterpriseRejections.REGISTRY_MISMATCH);
        }
    }

    /** Manual §一: only migrated enterprises use these flows. */
    private void requireInScope() {
        if (!origin.needsCertification()) {
            throw new RejectedException(EnterpriseRejections.NOT_APPLICABLE);
        }
    }

    private static void requireName(String candidate) {
        if (candidate == null || candidate.isBlank() || candidate.strip().length() > MAX_NAME_LENGTH) {
            throw new RejectedException(EnterpriseRejections.NAME_REQUIRED);
        }
    }

    private static void requireOrgCodeOf(Uscc uscc, OrgCode orgCode) {
        if (!Objects.equals(uscc.orgCode(), orgCode)) {
            throw new RejectedException(EnterpriseRejections.ORG_CODE_MISMATCH);
        }
    }

    @EventSourcingHandler
    void on(LegacyEnterpriseImported event) {
        enterpriseId = event.enterpriseId();
        name = event.name();
        uscc = event.uscc();
        orgCode = event.orgCode();
        origin = event.origin();
        legalRepresentative = event.legalRepresentative();
    }

    @EventSourcingHandler
    void on(EnterpriseInfoChanged event) {
        name = event.name();
        uscc = event.uscc();
        orgCode = event.orgCode();
    }

    @EventSourcingHandler
    void on(CertificationPassed event) {
        certified = true;
    }
}
