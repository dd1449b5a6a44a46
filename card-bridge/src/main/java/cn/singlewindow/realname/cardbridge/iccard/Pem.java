package cn.singlewindow.realname.cardbridge.iccard;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** PEM in and out for certificates, CRLs and private keys. */
public final class Pem {

    private Pem() {
    }

    /** Writes a private key's PEM to a new file only its owner may read or write (where the file system says so). */
    public static void writeKeyFile(java.nio.file.Path file, String pem) throws java.io.IOException {
        try {
            java.nio.file.Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            java.nio.file.Files.createFile(file);
        }
        java.nio.file.Files.writeString(file, pem);
    }

    public static String write(Object... objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Every certificate in the text; empty when there is none or the text is not PEM. */
    public static List<X509Certificate> certificates(String pem) {
        List<X509Certificate> found = new ArrayList<>();
        for (Object object : objects(new StringReader(pem))) {
            if (object instanceof X509CertificateHolder holder) {
                try {
                    found.add(new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER)
                            .getCertificate(holder));
                } catch (CertificateException ignored) {
                    // not a usable certificate: leave it out
                }
            }
        }
        return found;
    }

    public static List<X509CRL> crls(String pem) {
        List<X509CRL> found = new ArrayList<>();
        for (Object object : objects(new StringReader(pem))) {
            if (object instanceof X509CRLHolder holder) {
                try {
                    found.add(new JcaX509CRLConverter().setProvider(BouncyCastle.PROVIDER).getCRL(holder));
                } catch (java.security.cert.CRLException ignored) {
                    // not a usable CRL: leave it out
                }
            }
        }
        return found;
    }

    public static PrivateKey privateKey(String pem) {
        for (Object object : objects(new StringReader(pem))) {
            try {
                if (object instanceof PrivateKeyInfo info) {
                    return new JcaPEMKeyConverter().setProvider(BouncyCastle.PROVIDER).getPrivateKey(info);
                }
                if (object instanceof org.bouncycastle.openssl.PEMKeyPair pair) {
                    return new JcaPEMKeyConverter().setProvider(BouncyCastle.PROVIDER).getKeyPair(pair).getPrivate();
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("unreadable private key", e);
            }
        }
        throw new IllegalArgumentException("no private key in the PEM text");
    }

    private static List<Object> objects(Reader reader) {
        List<Object> objects = new ArrayList<>();
        try (PEMParser parser = new PEMParser(reader)) {
            for (Object object = parser.readObject(); object != null; object = parser.readObject()) {
                objects.add(object);
            }
        } catch (IOException | RuntimeException malformed) {
            // Whatever was read before the malformed part stands; the rest is ignored.
        }
        return objects;
    }

}
