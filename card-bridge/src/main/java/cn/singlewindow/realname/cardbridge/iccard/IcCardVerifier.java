package cn.singlewindow.realname.cardbridge.iccard;

import cn.singlewindow.realname.messages.certification.FailureReason;
import cn.singlewindow.realname.messages.card.CardCheck;
import cn.singlewindow.realname.messages.card.CardType;
import cn.singlewindow.realname.messages.enterprise.OrgCode;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Checks a card's evidence as the E-Port client control produces it: the card's X.509 certificate (optionally
 * followed by the intermediate CA certificates above it) and its SM2 signature (SM3withSM2, default user id) over the
 * challenge's nonce. Nothing is skipped: validity period, a path to a configured E-Port root through intermediate
 * CAs (presented or configured), each certificate of the path checked against its issuer's CRL, key usage
 * digitalSignature, the E-Port extensions naming the enterprise, and the signature itself.
 *
 * <p>When CRLs are required ({@code realname.card.crl-required}, the default), a certificate whose issuer has no
 * CRL here, or only one past its next update, is refused as CERTIFICATE_STATUS_UNKNOWN: a card that grants the
 * highest level is not accepted on a revocation status nobody can vouch for.
 */
public final class IcCardVerifier {

    /** At most this many intermediate CAs above a card. */
    static final int MAX_INTERMEDIATES = 4;

    private final Supplier<TrustMaterial> trust;
    private final Clock clock;
    private final boolean crlRequired;

    public IcCardVerifier(Supplier<TrustMaterial> trust, Clock clock, boolean crlRequired) {
        this.trust = trust;
        this.clock = clock;
        this.crlRequired = crlRequired;
    }

    public CardCheck verify(String certificatePem, String signatureBase64, byte[] nonce) {
        List<X509Certificate> presented = certificatePem == null ? List.of() : Pem.certificates(certificatePem);
        if (presented.isEmpty() || presented.size() > 1 + MAX_INTERMEDIATES) {
            return CardCheck.failed(null, null, FailureReason.CERTIFICATE_UNTRUSTED);
        }
        X509Certificate card = presented.get(0);
        String serial = card.getSerialNumber().toString(16);
        String issuer = card.getIssuerX500Principal().getName();
        Date now = Date.from(clock.instant());
        try {
            card.checkValidity(now);
        } catch (CertificateExpiredException | CertificateNotYetValidException outside) {
            return CardCheck.failed(serial, issuer, FailureReason.CERTIFICATE_EXPIRED);
        }
        TrustMaterial material = trust.get();
        List<X509Certificate> intermediates = new ArrayList<>(presented.subList(1, presented.size()));
        intermediates.addAll(material.intermediates());
        Optional<PKIXCertPathBuilderResult> path = pathFor(card, material.anchors(), intermediates, now);
        if (path.isEmpty()) {
            return CardCheck.failed(serial, issuer, FailureReason.CERTIFICATE_UNTRUSTED);
        }
        boolean[] keyUsage = card.getKeyUsage();
        String orgCode = EPortExtensions.read(card, EPortExtensions.ORG_CODE);
        if (keyUsage == null || !keyUsage[0] || orgCode == null || !OrgCode.isValid(orgCode)) {
            // Not a signing certificate of an E-Port card: no enterprise can be read from it.
            return CardCheck.failed(serial, issuer, FailureReason.CERTIFICATE_UNTRUSTED);
        }
        // From here the certificate is the CA's: whose card it is stands, even when the card is refused, so that the
        // refusal is recorded where it belongs (a revoked card, or its certificate presented without the card).
        FailureReason status = revocationStatus(path.get(), material.crls(), now);
        if (status == null && !signed(card, nonce, signatureBase64)) {
            status = FailureReason.SIGNATURE_INVALID;
        }
        return new CardCheck(serial, issuer, cardType(card), EPortExtensions.read(card, EPortExtensions.ENTERPRISE_NAME),
                orgCode, EPortExtensions.read(card, EPortExtensions.HOLDER_ID_NUMBER), status);
    }

    /** A PKIX path from the card through the intermediates to one of the anchors, valid at the given time. */
    private static Optional<PKIXCertPathBuilderResult> pathFor(X509Certificate card, List<X509Certificate> anchors,
                                                                List<X509Certificate> intermediates, Date at) {
        if (anchors.isEmpty()) {
            return Optional.empty();
        }
        try {
            Set<TrustAnchor> trustAnchors = anchors.stream().map(a -> new TrustAnchor(a, null))
                    .collect(Collectors.toSet());
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(card);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(trustAnchors, target);
            List<X509Certificate> candidates = new ArrayList<>(intermediates);
            candidates.add(card);
            parameters.addCertStore(CertStore.getInstance("Collection",
                    new CollectionCertStoreParameters(candidates), BouncyCastle.PROVIDER));
            // Revocation is checked below against the CRLs configured here, with their freshness.
            parameters.setRevocationEnabled(false);
            parameters.setMaxPathLength(MAX_INTERMEDIATES);
            parameters.setDate(at);
            return Optional.of((PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX", BouncyCastle.PROVIDER)
                    .build(parameters));
        } catch (GeneralSecurityException | RuntimeException invalid) {
            return Optional.empty();
        }
    }

    /**
     * Null when no certificate of the path is revoked by its issuer's current CRL; the failure code otherwise,
     * unknown status included when CRLs are required and one is missing or stale.
     */
    private FailureReason revocationStatus(PKIXCertPathBuilderResult path, List<X509CRL> crls, Date now) {
        @SuppressWarnings("unchecked")
        List<X509Certificate> chain = (List<X509Certificate>) path.getCertPath().getCertificates();
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate issuer = i + 1 < chain.size() ? chain.get(i + 1)
                    : path.getTrustAnchor().getTrustedCert();
            Optional<X509CRL> current = currentCrl(issuer, crls);
            if (current.isEmpty() || current.get().getNextUpdate() != null
                    && current.get().getNextUpdate().before(now)) {
                if (crlRequired) {
                    return FailureReason.CERTIFICATE_STATUS_UNKNOWN;
                }
            }
            if (current.isPresent() && current.get().isRevoked(chain.get(i))) {
                return FailureReason.CERTIFICATE_REVOKED;
            }
        }
        return null;
    }

    /** The issuer's most recent CRL among those it signed itself. */
    private static Optional<X509CRL> currentCrl(X509Certificate issuer, List<X509CRL> crls) {
        X509CRL newest = null;
        for (X509CRL crl : crls) {
            if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                continue;
            }
            try {
                crl.verify(issuer.getPublicKey(), BouncyCastle.PROVIDER);
            } catch (GeneralSecurityException forged) {
                continue;
            }
            if (newest == null || crl.getThisUpdate().after(newest.getThisUpdate())) {
                newest = crl;
            }
        }
        return Optional.ofNullable(newest);
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
