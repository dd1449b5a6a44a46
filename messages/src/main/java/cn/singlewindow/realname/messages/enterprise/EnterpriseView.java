package cn.singlewindow.realname.messages.enterprise;

import cn.singlewindow.realname.messages.certification.CertificationOverview;

/**
 * An enterprise as the read side shows it; personal data is already masked. The live certification overview is a
 * separate read model ({@code FindCertificationOverviews}); {@code certificationAsOf} is set only on a view of the
 * past, folded from the history, and carries the overview of that moment. {@code version} is the sequence
 * number of the last enterprise event projected, so a writer can wait until its own change is visible.
 */
public record EnterpriseView(EnterpriseId id, String name, String uscc, String orgCode, EnterpriseOrigin origin,
                             LegalRepresentative legalRepresentative, long version,
                             CertificationOverview certificationAsOf) {
}
