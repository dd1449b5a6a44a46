package cn.singlewindow.realname.api.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC key that signs session tokens: {@code realname.security.token-secret} (base64, shared by all nodes
 * of a cluster) or, when unset, a key generated once and kept under the data directory so sessions outlive a
 * restart. Never committed, never logged.
 */
final class TokenSecret {

    private static final int KEY_BYTES = 32;

    private TokenSecret() {
    }

    static SecretKey resolve(String configured, Path dataDir) {
        byte[] key = configured != null && !configured.isBlank()
                ? Base64.getDecoder().decode(configured.strip())
                : loadOrCreate(dataDir.resolve("token-secret"));
        if (key.length < KEY_BYTES) {
            throw new IllegalStateException("realname.security.token-secret must hold at least 32 bytes");
        }
        return new SecretKeySpec(key, "HmacSHA256");
    }

    private static byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Best effort on file systems without POSIX permissions.
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token secret " + file, e);
        }
    }
}
