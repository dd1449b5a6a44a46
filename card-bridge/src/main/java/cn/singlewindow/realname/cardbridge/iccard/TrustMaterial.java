package cn.singlewindow.realname.cardbridge.iccard;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

/** The E-Port CA certificates we trust and the revocation lists they publish. */
public record TrustMaterial(List<X509Certificate> anchors, List<X509CRL> crls) {
}
