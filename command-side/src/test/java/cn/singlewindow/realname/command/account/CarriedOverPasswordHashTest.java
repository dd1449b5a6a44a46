package cn.singlewindow.realname.command.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.singlewindow.realname.messages.account.LegacyPasswordHash;
import cn.singlewindow.realname.messages.common.Password;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder.BCryptVersion;
import org.springframework.security.crypto.password.PasswordEncoder;

class CarriedOverPasswordHashTest {

    private static final String PASSWORD = "Legacy-passw0rd";
    private final PasswordEncoder encoder = new PasswordHashing().passwordEncoder();

    private static String legacy(BCryptVersion version, int cost) {
        return new BCryptPasswordEncoder(version, cost).encode(PASSWORD);
    }

    private static void refused(String hash, Rejection why) {
        assertThatThrownBy(() -> CarriedOverPasswordHash.storedForm(new LegacyPasswordHash(hash))).as(hash)
                .isInstanceOfSatisfying(RejectedException.class, refusal -> assertThat(refusal.rejection())
                        .isEqualTo(why));
    }

    @Test
    void a_bcrypt_hash_of_our_cost_or_more_is_kept_and_the_old_password_logs_in() {
        for (String hash : new String[] {legacy(BCryptVersion.$2A, 10), legacy(BCryptVersion.$2B, 11),
                legacy(BCryptVersion.$2Y, 10), "{bcrypt}" + legacy(BCryptVersion.$2A, 10)}) {
            String kept = CarriedOverPasswordHash.storedForm(new LegacyPasswordHash(hash));
            assertThat(kept).as(hash).startsWith("{bcrypt}$2").endsWith(hash.substring(hash.length() - 53));
            assertThat(encoder.matches(PASSWORD, kept)).as(hash).isTrue();
            assertThat(encoder.matches("Legacy-passw0rd!", kept)).as(hash).isFalse();
            assertThat(encoder.upgradeEncoding(kept)).as("no re-hash needed: %s", hash).isFalse();
        }
    }

    @Test
    void a_cheaper_or_dearer_bcrypt_hash_is_refused() {
        refused(legacy(BCryptVersion.$2A, 4), CarriedOverPasswordHash.NOT_ACCEPTED);
        refused(legacy(BCryptVersion.$2A, 9), CarriedOverPasswordHash.NOT_ACCEPTED);
        // A cost of 15 takes seconds a login: the format of one, without spending them here.
        refused(legacy(BCryptVersion.$2A, 10).replace("$10$", "$15$"), CarriedOverPasswordHash.NOT_ACCEPTED);
    }

    @Test
    void other_hashes_and_anything_else_are_refused() {
        refused("{MD5}5f4dcc3b5aa765d61d8327deb882cf99", CarriedOverPasswordHash.NOT_ACCEPTED);
        refused("5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8",
                CarriedOverPasswordHash.NOT_ACCEPTED);
        refused("{noop}" + PASSWORD, CarriedOverPasswordHash.NOT_ACCEPTED);
        refused("{pbkdf2}" + legacy(BCryptVersion.$2A, 10), CarriedOverPasswordHash.NOT_ACCEPTED);
        refused(legacy(BCryptVersion.$2A, 10).substring(0, 59), CarriedOverPasswordHash.NOT_ACCEPTED);
        refused(legacy(BCryptVersion.$2A, 10) + "x", CarriedOverPasswordHash.NOT_ACCEPTED);
        refused("", CarriedOverPasswordHash.NOT_ACCEPTED);
        refused(null, CarriedOverPasswordHash.NOT_ACCEPTED);
    }

    @Test
    void an_account_comes_with_a_password_or_a_hash_never_both_nor_neither() {
        LegacyPasswordHash hash = new LegacyPasswordHash(legacy(BCryptVersion.$2A, 10));
        assertThatCode(() -> CarriedOverPasswordHash.requireOneOf(new Password(PASSWORD), null))
                .doesNotThrowAnyException();
        assertThatCode(() -> CarriedOverPasswordHash.requireOneOf(null, hash)).doesNotThrowAnyException();
        for (Runnable wrong : new Runnable[] {() -> CarriedOverPasswordHash.requireOneOf(new Password(PASSWORD), hash),
                () -> CarriedOverPasswordHash.requireOneOf(null, null)}) {
            assertThatThrownBy(wrong::run).isInstanceOfSatisfying(RejectedException.class, refusal ->
                    assertThat(refusal.rejection()).isEqualTo(CarriedOverPasswordHash.ONE_OF_THE_TWO));
        }
    }

    @Test
    void the_hash_never_prints() {
        assertThat(new LegacyPasswordHash(legacy(BCryptVersion.$2A, 10)).toString()).doesNotContain("$2a$");
    }
}
