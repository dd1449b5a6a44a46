package cn.singlewindow.realname.eventstore.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The vault's SM4-GCM gives the bytes the standard gives, so values sealed before a change of its internals still
 * open: the test vector of RFC 8998, appendix A.1.
 */
class SealingCipherTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] KEY = HEX.parseHex("0123456789abcdeffedcba9876543210");
    private static final byte[] NONCE = HEX.parseHex("00001234567800000000abcd");
    private static final byte[] AAD = HEX.parseHex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
    private static final byte[] PLAINTEXT = HEX.parseHex("aaaaaaaaaaaaaaaabbbbbbbbbbbbbbbbccccccccccccccccdddddddddddddddd"
            + "eeeeeeeeeeeeeeeeffffffffffffffffeeeeeeeeeeeeeeeeaaaaaaaaaaaaaaaa");
    private static final byte[] CIPHERTEXT_AND_TAG = HEX.parseHex(
            "17f399f08c67d5ee19d0dc9969c4bb7d5fd46fd3756489069157b282bb200735"
            + "d82710ca5c22f0ccfa7cbf93d496ac15a56834cbcf98c397b4024a2691233b8d"
            + "83de3541e4c2b58177e065a9bf7b62ec");

    @Test
    void seals_the_standard_vector_to_its_ciphertext_and_tag() {
        assertThat(HEX.formatHex(PersonalDataVault.gcm(true, KEY, NONCE, AAD, PLAINTEXT)))
                .isEqualTo(HEX.formatHex(CIPHERTEXT_AND_TAG));
    }

    @Test
    void opens_the_standard_vector() {
        assertThat(PersonalDataVault.gcm(false, KEY, NONCE, AAD, CIPHERTEXT_AND_TAG)).isEqualTo(PLAINTEXT);
    }

    @Test
    void refuses_a_value_whose_tag_does_not_match() {
        byte[] tampered = Arrays.copyOf(CIPHERTEXT_AND_TAG, CIPHERTEXT_AND_TAG.length);
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> PersonalDataVault.gcm(false, KEY, NONCE, AAD, tampered))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("integrity");
    }
}
