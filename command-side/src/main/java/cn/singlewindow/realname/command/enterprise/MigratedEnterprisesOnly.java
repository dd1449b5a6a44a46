package cn.singlewindow.realname.command.enterprise;

import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.enterprise.EnterpriseOrigin;

/**
 * Manual §一: changing information and certifying are for enterprise users migrated from the former inspection system
 * or another local system. Users registered through the Single Window, or logging in with E-Port card media, are
 * certified already.
 */
final class MigratedEnterprisesOnly {

    private MigratedEnterprisesOnly() {
    }

    static void require(EnterpriseOrigin origin) {
        if (!origin.needsCertification()) {
            throw new RejectedException(EnterpriseRejections.NOT_APPLICABLE);
        }
    }
}
