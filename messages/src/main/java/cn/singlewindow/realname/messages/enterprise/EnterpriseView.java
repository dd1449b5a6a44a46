package cn.singlewindow.realname.messages.enterprise;

import cn.singlewindow.realname.messages.account.AccountView;
import java.util.List;
import cn.singlewindow.realname.messages.certification.CertificationOverview;

/**
 * An enterprise as the read side shows it; personal data is already masked. The live certification overview is a
 * separate read model ({@code FindCertificationOverviews}); {@code certificationAsOf} carries the overview as of
 * the moment this view was read, when it was read with it: a view of the past, folded from the history, or the
 * enterprise read by id, which joins it in. Null means: look it up. {@code version} is the sequence number of the
 * last enterprise event projected, so a writer can wait until its own change is visible. {@code accountsAsOf} are
 * its accounts as they stood then, in a view of the past; null means: the accounts now.
 */
public record EnterpriseView(EnterpriseId id, String name, String uscc, String orgCode, EnterpriseOrigin origin,
                             LegalRepresentative legalRepresentative, long version,
                             CertificationOverview certificationAsOf, List<AccountView> accountsAsOf) {
}
