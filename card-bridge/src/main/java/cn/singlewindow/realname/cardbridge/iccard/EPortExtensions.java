package cn.singlewindow.realname.cardbridge.iccard;

import java.io.IOException;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;

/**
 * The China E-Port CA's private certificate extensions, each a UTF8String. The card-type extension is our reading
 * (docs/card-bridge.md): the issue names only the first three.
 */
public final class EPortExtensions {

    public static final String ENTERPRISE_NAME = "1.3.6.1.4.1.5315.100.5.1";
    public static final String HOLDER_ID_NUMBER = "1.3.6.1.4.1.5315.100.5.8";
    public static final String ORG_CODE = "1.3.6.1.4.1.5315.100.5.11";
    public static final String CARD_TYPE = "1.3.6.1.4.1.5315.100.5.2";

    private EPortExtensions() {
    }

    /** The extension's string value, or null when the certificate lacks it or it is not a string. */
    public static String read(X509Certificate certificate, String oid) {
        byte[] wrapped = certificate.getExtensionValue(oid);
        if (wrapped == null) {
            return null;
        }
        try {
            ASN1Primitive value = ASN1Primitive.fromByteArray(ASN1OctetString.getInstance(wrapped).getOctets());
            return value instanceof ASN1String string ? string.getString() : null;
        } catch (IOException | IllegalArgumentException malformed) {
            return null;
        }
    }
}
