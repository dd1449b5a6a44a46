package cn.singlewindow.realname.cardbridge.bankukey;

import cn.singlewindow.realname.cardbridge.iccard.BouncyCastle;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signed messages between us and the banks: CMS SignedData with the content inside, base64. SM2 keys sign with
 * SM3withSM2, RSA keys with SHA256withRSA; a signature verifies only against the one certificate expected.
 */
public final class SignedMessages {

    private SignedMessages() {
    }

    public static String sign(byte[] content, PrivateKey key, X509Certificate certificate) {
        try {
            String algorithm = "RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : "SM3WITHSM2";
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build())
                    .build(new JcaContentSignerBuilder(algorithm).setProvider(BouncyCastle.PROVIDER).build(key),
                            certificate));
            generator.addCertificates(new JcaCertStore(List.of(certificate)));
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(content), true);
            return Base64.getEncoder().encodeToString(signed.getEncoded());
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign", e);
        }
    }

    /** The content, when every signer of the message is verified by the expected certificate; empty otherwise. */
    public static Optional<byte[]> verify(String base64, X509Certificate expectedSigner) {
        try {
            CMSSignedData signed = new CMSSignedData(Base64.getDecoder().decode(base64.strip()));
            var signers = signed.getSignerInfos().getSigners();
            if (signers.isEmpty() || signed.getSignedContent() == null) {
                return Optional.empty();
            }
            for (SignerInformation signer : signers) {
                if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER)
                        .build(expectedSigner))) {
                    return Optional.empty();
                }
            }
            return Optional.of((byte[]) signed.getSignedContent().getContent());
        } catch (Exception forgedOrMalformed) {
            return Optional.empty();
        }
    }
}
