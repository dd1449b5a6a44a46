package cn.singlewindow.realname.cardbridge.iccard;

import cn.singlewindow.realname.messages.card.CardCheck;
import cn.singlewindow.realname.messages.card.CardType;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Checks a card's evidence as the E-Port client control produces it: the card's X.509 certificate and its SM2
 * signature (SM3withSM2, default user id) over the challenge's nonce. Nothing is skipped: validity period, a chain
 * to a configured E-Port CA, revocation against that CA's CRL, key usage digitalSignature, the E-Port extensions
 * naming the enterprise, and the signature itself.
 */
public final class IcCardVerifier {

    public static final String SIGNATURE_INVALID = "SIGNATURE_INVALID";
    public static final String CERTIFICATE_UNTRUSTED = "CERTIFICATE_UNTRUSTED";
    public static final String CERTIFICATE_EXPIRED = "CERTIFICATE_EXPIRED";
    public static final String CERTIFICATE_REVOKED = "CERTIFICATE_REVOKED";

    private final Supplier<TrustMaterial> trust;
    private final Clock clock;

    public IcCardVerifier(Supplier<TrustMaterial> trust, Clock clock) {
        this.trust = trust;
        this.clock = clock;
    }

    public CardCheck verify(String certificatePem, String signatureBase64, byte[] nonce) {
        List<X509Certificate> presented = certificatePem == null ? List.of() : Pem.certificates(certificatePem);
        if (presented.size() != 1) {
            return CardCheck.failed(null, null, CERTIFICATE_UNTRUSTED);
        }
        X509Certificate card = presented.get(0);
        String serial = card.getSerialNumber().toString(16);
        String issuer = card.getIssuerX500Principal().getName();
        Date now = Date.from(clock.instant());
        try {
            card.checkValidity(now);
        } catch (CertificateExpiredException | CertificateNotYetValidException outside) {
            return CardCheck.failed(serial, issuer, CERTIFICATE_EXPIRED);
        }
        TrustMaterial material = trust.get();
        Optional<X509Certificate> anchor = chainTo(card, material.anchors(), now);
        if (anchor.isEmpty()) {
            return CardCheck.failed(serial, issuer, CERTIFICATE_UNTRUSTED);
        }
        if (revoked(card, anchor.get(), material.crls())) {
            return CardCheck.failed(serial, issuer, CERTIFICATE_REVOKED);
        }
        boolean[] keyUsage = card.getKeyUsage();
        String orgCode = EPortExtensions.read(card, EPortExtensions.ORG_CODE);
        if (keyUsage == null || !keyUsage[0] || orgCode == null || !OrgCode.isValid(orgCode)) {
            // Not a signing certificate of an E-Port card: no enterprise can be read from it.
            return CardCheck.failed(serial, issuer, CERTIFICATE_UNTRUSTED);
        }
        if (!signed(card, nonce, signatureBase64)) {
            return CardCheck.failed(serial, issuer, SIGNATURE_INVALID);
        }
        return new CardCheck(serial, issuer, cardType(card), EPortExtensions.read(card, EPortExtensions.ENTERPRISE_NAME),
                orgCode, EPortExtensions.read(card, EPortExtensions.HOLDER_ID_NUMBER), null);
    }

    /** The anchor that issued the card, validated as a PKIX path at the given time. */
    private static Optional<X509Certificate> chainTo(X509Certificate card, List<X509Certificate> anchors, Date at) {
        List<X509Certificate> issuers = anchors.stream()
                .filter(anchor -> anchor.getSubjectX500Principal().equals(card.getIssuerX500Principal()))
                .toList();
        if (issuers.isEmpty()) {
            return Optional.empty();
        }
        try {
            Set<TrustAnchor> trustAnchors = issuers.stream().map(a -> new TrustAnchor(a, null))
                    .collect(Collectors.toSet());
            PKIXParameters parameters = new PKIXParameters(trustAnchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(at);
            CertPath path = CertificateFactory.getInstance("X.509", BouncyCastle.PROVIDER)
                    .generateCertPath(List.of(card));
            var result = (java.security.cert.PKIXCertPathValidatorResult)
                    CertPathValidator.getInstance("PKIX", BouncyCastle.PROVIDER).validate(path, parameters);
            return Optional.of(result.getTrustAnchor().getTrustedCert());
        } catch (GeneralSecurityException | RuntimeException invalid) {
            return Optional.empty();
        }
    }

    /** Revoked when a CRL of the card's CA, itself signed by that CA, lists the card. */
    private static boolean revoked(X509Certificate card, X509Certificate ca, List<X509CRL> crls) {
        for (X509CRL crl : crls) {
            if (!crl.getIssuerX500Principal().equals(ca.getSubjectX500Principal())) {
                continue;
            }
            try {
                crl.verify(ca.getPublicKey(), BouncyCastle.PROVIDER);
            } catch (GeneralSecurityException forged) {
                continue;
            }
            if (crl.isRevoked(card)) {
                return true;
            }
        }
        return false;
    }

    private static boolean signed(X509Certificate card, byte[] nonce, String signatureBase64) {
        try {
            Signature verifier = Signature.getInstance(BouncyCastle.SM3_WITH_SM2, BouncyCastle.PROVIDER);
            verifier.initVerify(card.getPublicKey());
            verifier.update(nonce);
            return verifier.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException invalid) {
            return false;
        }
    }

    private static CardType cardType(X509Certificate card) {
        String type = EPortExtensions.read(card, EPortExtensions.CARD_TYPE);
        return "LEGAL_PERSON".equals(type) ? CardType.LEGAL_PERSON : CardType.OPERATOR;
    }
}
