package cn.singlewindow.realname.messages.enterprise;

/**
 * An enterprise as the read side shows it; personal data is already masked. Its certification overview is a
 * separate read model ({@code FindCertificationOverviews}). {@code version} is the sequence
 * number of the last enterprise event projected, so a writer can wait until its own change is visible.
 */
public record EnterpriseView(EnterpriseId id, String name, String uscc, String orgCode, EnterpriseOrigin origin,
                             LegalRepresentative legalRepresentative, long version) {
}
