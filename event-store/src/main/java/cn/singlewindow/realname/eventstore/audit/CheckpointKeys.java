package cn.singlewindow.realname.eventstore.audit;

import cn.singlewindow.realname.eventstore.storage.DataDirectory;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.jce.spec.ECPublicKeySpec;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The platform's SM2 key that signs audit checkpoints, and the public keys trusted to have signed earlier ones. The
 * private key lives outside the database ({@code realname.audit.signing-key}, a PEM file or secret given by
 * configuration; else generated once under the data directory, readable by its owner only), so whoever can write the
 * database cannot sign. After a rotation the old public key goes into {@code realname.audit.trusted-keys}, so heads
 * signed before keep verifying (docs/operations.md).
 */
@Component
class CheckpointKeys {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static final String ALGORITHM = "SM3withSM2";

    private final PrivateKey signingKey;
    private final String signingKeyId;
    /** Every trusted public key by its id, the signing key's own included. */
    private final Map<String, PublicKey> trusted = new HashMap<>();

    CheckpointKeys(AuditSettings settings, DataDirectory directory, ResourceLoader resources) {
        String signingKeyLocation = settings.signingKey();
        KeyPair pair = signingKeyLocation.isBlank()
                ? loadOrCreate(directory.dataDir().resolve("audit-signing-key.pem"))
                : read(resources.getResource(signingKeyLocation.strip()), signingKeyLocation);
        this.signingKey = pair.getPrivate();
        this.signingKeyId = idOf(pair.getPublic());
        trusted.put(signingKeyId, pair.getPublic());
        for (String location : settings.trustedKeys()) {
            if (!location.isBlank()) {
                PublicKey key = readPublic(resources.getResource(location.strip()), location);
                trusted.put(idOf(key), key);
            }
        }
    }

    String signingKeyId() {
        return signingKeyId;
    }

    byte[] sign(String content) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM, BC);
            signature.initSign(signingKey);
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign an audit checkpoint", e);
        }
    }

    /** False when the key is not trusted or the signature does not verify. */
    boolean verify(String keyId, String content, byte[] signatureBytes) {
        PublicKey key = trusted.get(keyId);
        if (key == null || signatureBytes == null) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance(ALGORITHM, BC);
            signature.initVerify(key);
            signature.update(content.getBytes(StandardCharsets.UTF_8));
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException malformed) {
            return false;
        }
    }

    /** SM3 of the public key's DER encoding, in hex. */
    static String idOf(PublicKey key) {
        byte[] encoded = key.getEncoded();
        SM3Digest digest = new SM3Digest();
        digest.update(encoded, 0, encoded.length);
        byte[] out = new byte[digest.getDigestSize()];
        digest.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    private static KeyPair loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    return parse(reader, file.toString());
                }
            }
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec("sm2p256v1"));
            KeyPair pair = generator.generateKeyPair();
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(pair.getPrivate());
            }
            Files.createDirectories(file.getParent());
            Files.writeString(file, pem.toString());
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Best effort on file systems without POSIX permissions.
            }
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the audit signing key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make an SM2 key", e);
        }
    }

    private static KeyPair read(Resource resource, String location) {
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.US_ASCII)) {
            return parse(reader, location);
        } catch (IOException e) {
            throw new IllegalStateException("realname.audit.signing-key: cannot read " + location, e);
        }
    }

    /** A PKCS#8 or SEC1 private key; its public key is derived from it. */
    private static KeyPair parse(Reader reader, String location) throws IOException {
        Object read = new PEMParser(reader).readObject();
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(BC);
        if (read instanceof PEMKeyPair pair) {
            return converter.getKeyPair(pair);
        }
        if (read instanceof PrivateKeyInfo info) {
            PrivateKey key = converter.getPrivateKey(info);
            if (key instanceof ECPrivateKey ec) {
                var spec = ec.getParameters();
                try {
                    PublicKey publicKey = KeyFactory.getInstance("EC", BC).generatePublic(
                            new ECPublicKeySpec(spec.getG().multiply(ec.getD()).normalize(), spec));
                    return new KeyPair(publicKey, key);
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("realname.audit.signing-key: not an SM2 key: " + location, e);
                }
            }
        }
        throw new IllegalStateException("realname.audit.signing-key: " + location + " holds no SM2 private key");
    }

    private static PublicKey readPublic(Resource resource, String location) {
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.US_ASCII)) {
            Object read = new PEMParser(reader).readObject();
            if (read instanceof SubjectPublicKeyInfo info) {
                return new JcaPEMKeyConverter().setProvider(BC).getPublicKey(info);
            }
            throw new IllegalStateException("realname.audit.trusted-keys: " + location + " holds no public key");
        } catch (IOException e) {
            throw new IllegalStateException("realname.audit.trusted-keys: cannot read " + location, e);
        }
    }
}
