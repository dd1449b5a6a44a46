package cn.singlewindow.realname.cardbridge.iccard;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** One Bouncy Castle provider instance, passed explicitly rather than installed JVM-wide. */
public final class BouncyCastle {

    public static final Provider PROVIDER = new BouncyCastleProvider();
    /** SM2 signature with SM3, the default user id 1234567812345678, as the E-Port client control signs. */
    public static final String SM3_WITH_SM2 = "SM3withSM2";

    private BouncyCastle() {
    }
}
