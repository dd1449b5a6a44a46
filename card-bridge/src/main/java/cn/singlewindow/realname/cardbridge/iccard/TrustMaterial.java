package cn.singlewindow.realname.cardbridge.iccard;

import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The E-Port root CA certificates we trust, intermediate CA certificates known here (a card's path may also bring
 * its own), and the revocation lists the CAs publish.
 */
public record TrustMaterial(List<X509Certificate> anchors, List<X509Certificate> intermediates, List<X509CRL> crls) {
}
