package cn.singlewindow.realname.api.security;

import cn.singlewindow.realname.api.error.ApiRejections;
import cn.singlewindow.realname.messages.account.AccountRole;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;

/** Checks that depend on the data asked for (whose enterprise), beside the role checks of @PreAuthorize. */
public final class Access {

    private Access() {
    }

    public static Actor actor() {
        return Actor.current().orElseThrow(() -> new RejectedException(ApiRejections.UNAUTHENTICATED));
    }

    public static Actor actor(graphql.GraphQLContext context) {
        return Actor.current(context).orElseThrow(() -> new RejectedException(ApiRejections.UNAUTHENTICATED));
    }

    /** Accounts of the enterprise itself, OPERATIONS and AUDITOR staff. */
    public static Actor requireReaderOf(EnterpriseId enterpriseId) {
        return requireReaderOf(actor(), enterpriseId);
    }

    public static Actor requireReaderOf(Actor actor, EnterpriseId enterpriseId) {
        if (actor.role() == AccountRole.OPERATIONS || actor.role() == AccountRole.AUDITOR
                || actor.belongsTo(enterpriseId)) {
            return actor;
        }
        throw new RejectedException(ApiRejections.FORBIDDEN);
    }

    /** The enterprise's own administrator (the account owner who certifies). */
    public static Actor requireAdministratorOf(EnterpriseId enterpriseId) {
        return requireAdministratorOf(actor(), enterpriseId);
    }

    public static Actor requireAdministratorOf(Actor actor, EnterpriseId enterpriseId) {
        if (actor.role() == AccountRole.ADMINISTRATOR && actor.belongsTo(enterpriseId)) {
            return actor;
        }
        throw new RejectedException(ApiRejections.FORBIDDEN);
    }
}
