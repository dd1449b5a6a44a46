package cn.singlewindow.realname.cardbridge.bankukey;

import cn.singlewindow.realname.cardbridge.iccard.BouncyCastle;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed signing certificates for the sandbox's banks and platform, and for tests. */
public final class SelfSigned {

    public record Identity(KeyPair keys, X509Certificate certificate) {
    }

    private SelfSigned() {
    }

    /** An SM2 identity, or RSA 2048 when {@code rsa}; valid ten years from {@code from}. */
    public static Identity create(String commonName, boolean rsa, Instant from) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(rsa ? "RSA" : "EC", BouncyCastle.PROVIDER);
            if (rsa) {
                generator.initialize(2048, new SecureRandom());
            } else {
                generator.initialize(new ECGenParameterSpec("sm2p256v1"), new SecureRandom());
            }
            KeyPair keys = generator.generateKeyPair();
            X500Principal subject = new X500Principal("CN=" + commonName + ", C=CN");
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()).add(BigInteger.ONE), Date.from(from),
                    Date.from(from.plusSeconds(3650L * 24 * 3600)), subject, keys.getPublic());
            X509Certificate certificate = new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER)
                    .getCertificate(builder.build(new JcaContentSignerBuilder(rsa ? "SHA256withRSA" : "SM3WITHSM2")
                            .setProvider(BouncyCastle.PROVIDER).build(keys.getPrivate())));
            return new Identity(keys, certificate);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create " + commonName, e);
        }
    }
}
