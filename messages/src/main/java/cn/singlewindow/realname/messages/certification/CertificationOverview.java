package cn.singlewindow.realname.messages.certification;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Manual §2.5: two aspects (enterprise information, owner identity) and the state of each method. */
public record CertificationOverview(boolean certified, SecurityLevel securityLevel, boolean enterpriseInfoVerified,
                                    boolean ownerIdentityVerified, List<MethodStatus> methods) {

    /**
     * The overview of the methods' states: every method listed (NOT_STARTED when absent), the level the highest of
     * the passed methods', and certified once both aspects have been verified by passed methods.
     */
    public static CertificationOverview of(Map<CertificationMethod, MethodStatus> byMethod,
                                           boolean enterpriseInfoVerified, boolean ownerIdentityVerified) {
        List<MethodStatus> methods = new ArrayList<>();
        for (CertificationMethod method : CertificationMethod.values()) {
            methods.add(byMethod.getOrDefault(method, MethodStatus.notStarted(method)));
        }
        SecurityLevel level = methods.stream().filter(m -> m.status() == MethodState.PASSED)
                .map(MethodStatus::securityLevel).max(Comparator.naturalOrder()).orElse(SecurityLevel.NONE);
        return new CertificationOverview(enterpriseInfoVerified && ownerIdentityVerified, level,
                enterpriseInfoVerified, ownerIdentityVerified, methods);
    }
}
