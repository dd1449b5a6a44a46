package cn.singlewindow.realname.api.security;

import cn.singlewindow.realname.eventstore.privacy.Secrets;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC key that signs session tokens: {@code realname.security.token-secret} or a key kept under the data
 * directory, so sessions outlive a restart.
 */
final class TokenSecret {

    private static final int KEY_BYTES = 32;

    private TokenSecret() {
    }

    static SecretKey resolve(String configured, Secrets secrets) {
        return new SecretKeySpec(secrets.resolve(configured, "token-secret", KEY_BYTES,
                "realname.security.token-secret"), "HmacSHA256");
    }
}
