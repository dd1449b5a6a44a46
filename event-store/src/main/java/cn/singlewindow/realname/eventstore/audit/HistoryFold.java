package cn.singlewindow.realname.eventstore.audit;

import cn.singlewindow.realname.messages.account.AccountView;
import cn.singlewindow.realname.messages.certification.CertificationMethod;
import cn.singlewindow.realname.messages.certification.EnterpriseInfoVerified;
import cn.singlewindow.realname.messages.certification.MethodProgress;
import cn.singlewindow.realname.messages.common.Masking;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseInfoChanged;
import cn.singlewindow.realname.messages.enterprise.EnterpriseInfoCorrected;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import cn.singlewindow.realname.messages.enterprise.Uscc;
import cn.singlewindow.realname.messages.enterprise.EnterpriseView;
import cn.singlewindow.realname.messages.enterprise.LegacyEnterpriseImported;
import cn.singlewindow.realname.messages.enterprise.LegalRepresentative;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An enterprise's stream folded, event by event, into its identity (the legal representative as step 1 of the
 * legal-representative method confirmed it, once it did) and the state of each certification method.
 */
final class HistoryFold {

    private LegacyEnterpriseImported imported;
    // The last change of name, USCC or organisation code, by the user or by staff's correction.
    private String name;
    private Uscc uscc;
    private OrgCode orgCode;
    private LegalRepresentative verifiedLegalRep;
    private long version;
    private final Map<CertificationMethod, MethodProgress> methods = new EnumMap<>(CertificationMethod.class);

    void apply(Object event, long sequence, Instant at) {
        version = sequence;
        if (event instanceof LegacyEnterpriseImported e) {
            imported = e;
            identity(e.name(), e.uscc(), e.orgCode());
        } else if (event instanceof EnterpriseInfoChanged e) {
            identity(e.name(), e.uscc(), e.orgCode());
        } else if (event instanceof EnterpriseInfoCorrected e) {
            identity(e.name(), e.uscc(), e.orgCode());
        } else if (event instanceof EnterpriseInfoVerified e) {
            verifiedLegalRep = e.legalRepresentative();
        }
        MethodProgress.methodOf(event).ifPresent(method -> methods.put(method,
                methods.getOrDefault(method, MethodProgress.notStarted(method)).after(event, at)));
    }

    private void identity(String newName, Uscc newUscc, OrgCode newOrgCode) {
        name = newName;
        uscc = newUscc;
        orgCode = newOrgCode;
    }

    /** Null before the enterprise existed; its accounts as they stood then. */
    EnterpriseView view(EnterpriseId id, List<AccountView> accounts) {
        if (imported == null) {
            return null;
        }
        LegalRepresentative legalRep = verifiedLegalRep != null ? verifiedLegalRep : imported.legalRepresentative();
        return new EnterpriseView(id, name, uscc.value(), orgCode.value(), imported.origin(),
                legalRep == null ? null : new LegalRepresentative(legalRep.name(), legalRep.documentType(),
                        Masking.documentNumber(legalRep.documentNumber())),
                version, MethodProgress.overview(methods.values()), accounts);
    }
}
