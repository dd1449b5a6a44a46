package cn.singlewindow.realname.cardbridge.iccard;

import cn.singlewindow.realname.messages.card.CardType;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.DERPrintableString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority in software that issues E-Port style SM2 cards: the sandbox's CA and the tests' CAs.
 * Keys are generated, never committed.
 */
public final class SoftwareCardAuthority {

    public record CardHolder(String enterpriseName, String orgCode, String holderName, String holderIdNumber,
                             CardType cardType) {
    }

    public record IssuedCard(X509Certificate certificate, PrivateKey privateKey) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keys;
    private final X509Certificate certificate;
    private final Map<BigInteger, Instant> revoked = new ConcurrentHashMap<>();

    public SoftwareCardAuthority(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /** A new self-signed SM2 CA valid for ten years from {@code from}. */
    public static SoftwareCardAuthority generate(String commonName, Instant from) {
        KeyPair keys = sm2KeyPair();
        X500Name subject = name(commonName, "China E-Port Sandbox");
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(), Date.from(from),
                    Date.from(from.plusSeconds(3650L * 24 * 3600)), subject, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new SoftwareCardAuthority(keys, convert(builder.build(signer(keys.getPrivate()))));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a CA", e);
        }
    }

    /** An intermediate CA under this one, valid for five years from {@code from}. */
    public SoftwareCardAuthority issueIntermediate(String commonName, Instant from) {
        KeyPair intermediateKeys = sm2KeyPair();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
                    Date.from(from), Date.from(from.plusSeconds(5 * 365L * 24 * 3600)),
                    name(commonName, "China E-Port Sandbox"), intermediateKeys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            return new SoftwareCardAuthority(intermediateKeys, convert(builder.build(signer(keys.getPrivate()))));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create an intermediate CA", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public PrivateKey privateKey() {
        return keys.getPrivate();
    }

    /** A card for the holder, valid in [from, until), with the E-Port extensions and key usage digitalSignature. */
    public IssuedCard issue(CardHolder holder, Instant from, Instant until) {
        KeyPair cardKeys = sm2KeyPair();
        X500Name subject = name(holder.holderName(), holder.enterpriseName());
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(),
                    Date.from(from), Date.from(until), subject, cardKeys.getPublic());
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            extension(builder, EPortExtensions.ENTERPRISE_NAME, holder.enterpriseName());
            extension(builder, EPortExtensions.ORG_CODE, holder.orgCode());
            extension(builder, EPortExtensions.HOLDER_ID_NUMBER, holder.holderIdNumber());
            extension(builder, EPortExtensions.CARD_TYPE, holder.cardType().name());
            return new IssuedCard(convert(builder.build(signer(keys.getPrivate()))), cardKeys.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException("cannot issue a card", e);
        }
    }

    public void revoke(BigInteger serial, Instant at) {
        revoked.put(serial, at);
    }

    /** The CA's current revocation list, signed by the CA, next update a day later. */
    public X509CRL crl(Instant now) {
        return crl(now, java.time.Duration.ofDays(1));
    }

    /** The CA's current revocation list, signed by the CA, next update {@code validFor} later. */
    public X509CRL crl(Instant now, java.time.Duration validFor) {
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(certificate.getSubjectX500Principal(), Date.from(now));
            builder.setNextUpdate(Date.from(now.plus(validFor)));
            revoked.forEach((serial, at) -> builder.addCRLEntry(serial, Date.from(at), CRLReason.keyCompromise));
            return new JcaX509CRLConverter().setProvider(BouncyCastle.PROVIDER)
                    .getCRL(builder.build(signer(keys.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the CRL", e);
        }
    }

    /** What the card does inside the client control: sign the nonce with its key. */
    public static byte[] sign(PrivateKey cardKey, byte[] nonce) throws GeneralSecurityException {
        java.security.Signature signer = java.security.Signature.getInstance(BouncyCastle.SM3_WITH_SM2,
                BouncyCastle.PROVIDER);
        signer.initSign(cardKey);
        signer.update(nonce);
        return signer.sign();
    }

    private static void extension(JcaX509v3CertificateBuilder builder, String oid, String value) throws Exception {
        if (value != null) {
            builder.addExtension(new ASN1ObjectIdentifier(oid), false, new DERUTF8String(value));
        }
    }

    /**
     * CN, O and C=CN as one attribute each, whatever the names hold: a comma, plus, quote, hash or semicolon in a name
     * stays inside its attribute (built, not parsed from text). Values are encoded here: given as text, the builder
     * would read one starting with '#' as hex-encoded DER.
     */
    private static X500Name name(String commonName, String organisation) {
        return new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, new DERUTF8String(commonName))
                .addRDN(BCStyle.O, new DERUTF8String(organisation)).addRDN(BCStyle.C, new DERPrintableString("CN"))
                .build();
    }

    static KeyPair sm2KeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ContentSigner signer(PrivateKey key) throws Exception {
        return new JcaContentSignerBuilder("SM3WITHSM2").setProvider(BouncyCastle.PROVIDER).build(key);
    }

    private static X509Certificate convert(org.bouncycastle.cert.X509CertificateHolder holder) throws Exception {
        return new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER).getCertificate(holder);
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).abs().add(BigInteger.ONE);
    }
}
