package cn.singlewindow.realname.eventstore.privacy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.springframework.stereotype.Component;

/** {@link SecretBox} under a key derived from the privacy master key with a label of its own. */
@Component
class MasterKeySecretBox implements SecretBox {

    private static final String VERSION = "v1:";
    private static final byte[] ASSOCIATED = PersonalDataVault.bytes("realname/operational-secret");

    private final byte[] key;
    private final SecureRandom random = new SecureRandom();

    MasterKeySecretBox(PrivacySettings settings, Secrets secrets) {
        byte[] master = secrets.resolve(settings.masterKey(), "privacy-master-key",
                PersonalDataVault.MASTER_KEY_BYTES, "realname.privacy.master-key");
        this.key = Arrays.copyOf(PersonalDataVault.hmac(master, PersonalDataVault.bytes("realname/operational-secrets")),
                PersonalDataVault.DATA_KEY_BYTES);
    }

    @Override
    public String seal(String secret) {
        byte[] nonce = new byte[PersonalDataVault.NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = PersonalDataVault.gcm(true, key, nonce, ASSOCIATED, secret.getBytes(StandardCharsets.UTF_8));
        byte[] out = new byte[nonce.length + sealed.length];
        System.arraycopy(nonce, 0, out, 0, nonce.length);
        System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
        return VERSION + Base64.getEncoder().encodeToString(out);
    }

    @Override
    public String open(String sealed) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalStateException("not a sealed secret");
        }
        byte[] in = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        byte[] nonce = Arrays.copyOf(in, PersonalDataVault.NONCE_BYTES);
        byte[] ciphertext = Arrays.copyOfRange(in, PersonalDataVault.NONCE_BYTES, in.length);
        return new String(PersonalDataVault.gcm(false, key, nonce, ASSOCIATED, ciphertext), StandardCharsets.UTF_8);
    }
}
