package cn.singlewindow.realname.eventstore.audit;

import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import java.util.List;

/** Which accounts' streams belong to an enterprise's history, as the read models know it (the query side's port). */
public interface EnterpriseStreams {

    /** The ids of the enterprise's accounts, whose streams its trail shows beside its own. */
    List<String> accountsOf(EnterpriseId enterpriseId);
}
