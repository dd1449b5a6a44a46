package cn.singlewindow.realname.messages.certification;

import java.util.List;

/** Manual §2.5: two aspects (enterprise information, owner identity) and the state of each method. */
public record CertificationOverview(boolean certified, SecurityLevel securityLevel, boolean enterpriseInfoVerified,
                                    boolean ownerIdentityVerified, List<MethodStatus> methods) {
}
