package cn.singlewindow.realname.command.account;

import cn.singlewindow.realname.messages.common.Password;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a password of any account must be: 8 to 64 characters, at most 72 bytes in UTF-8 (BCrypt reads no more),
 * with a letter and a digit; not one of the most common passwords (a maintained list shipped as a resource,
 * {@code passwords/common-passwords.txt}), and not the user name, nor containing it, forwards or backwards.
 */
@Component
class PasswordPolicy {

    static final String COMMON_PASSWORDS = "/passwords/common-passwords.txt";
    private static final int MAX_PASSWORD_BYTES = 72;
    private static final int MIN_NAME_LENGTH_TO_COMPARE = 3;

    static final Rejection TOO_WEAK = Rejection.of("VALIDATION_FAILED",
            "A password has 8 to 64 characters, at most 72 bytes in UTF-8, with at least a letter and a digit.",
            "密码须为8至64位（UTF-8编码不超过72字节），且至少包含字母和数字。").onField("password");

    static final Rejection TOO_COMMON = Rejection.of("VALIDATION_FAILED",
            "This password is one of the most common, or made from the user name: choose another.",
            "该密码过于常见或由用户名构成，请另设密码。").onField("password");

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    void check(String username, Password password) {
        String value = password == null ? null : password.value();
        if (value == null || value.length() < 8 || value.length() > 64
                || value.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES
                || value.chars().noneMatch(Character::isLetter) || value.chars().noneMatch(Character::isDigit)) {
            throw new RejectedException(TOO_WEAK);
        }
        String folded = value.toLowerCase(Locale.ROOT);
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        boolean fromName = name.length() >= MIN_NAME_LENGTH_TO_COMPARE && (folded.contains(name)
                || folded.contains(new StringBuilder(name).reverse()) || name.contains(folded));
        if (fromName || common.contains(folded)) {
            throw new RejectedException(TOO_COMMON);
        }
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException("the list of common passwords " + COMMON_PASSWORDS + " is missing");
            }
            Set<String> passwords = new HashSet<>();
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    passwords.add(line.strip());
                }
            }
            return Set.copyOf(passwords);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
