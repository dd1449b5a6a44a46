package cn.singlewindow.realname.eventstore.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Webhook secrets at rest: sealed under the privacy master key, opened only with it, refused when altered. */
class MasterKeySecretBoxTest {

    private static SecretBox under(String masterKey) {
        return new MasterKeySecretBox(new PrivacySettings(masterKey),
                (configured, fileName, minimumBytes, property) -> Base64.getDecoder().decode(configured));
    }

    private static final String MASTER = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_MASTER = Base64.getEncoder()
            .encodeToString("another master key of 32 bytes!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    @Test
    void a_sealed_secret_opens_to_itself_and_shows_nothing_of_it() {
        SecretBox box = under(MASTER);
        String sealed = box.seal("downstream-secret-0123456789");
        assertThat(sealed).startsWith("v1:").doesNotContain("downstream");
        assertThat(box.seal("downstream-secret-0123456789")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(box.open(sealed)).isEqualTo("downstream-secret-0123456789");
    }

    @Test
    void another_master_key_or_an_altered_text_does_not_open_it() {
        String sealed = under(MASTER).seal("downstream-secret-0123456789");
        assertThatThrownBy(() -> under(OTHER_MASTER).open(sealed)).isInstanceOf(IllegalStateException.class);
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String altered = "v1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> under(MASTER).open(altered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> under(MASTER).open("plain-secret")).isInstanceOf(IllegalStateException.class);
    }
}
