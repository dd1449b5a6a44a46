package cn.singlewindow.realname.eventstore.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A secret given in configuration (base64, shared by all nodes of a cluster) or, when unset, generated once and
 * kept in a file under the data directory readable by its owner only, so it outlives a restart. Never committed,
 * never logged.
 */
public final class SecretFiles {

    private SecretFiles() {
    }

    public static byte[] resolve(String configured, Path file, int minimumBytes, String property) {
        byte[] secret = configured != null && !configured.isBlank()
                ? Base64.getDecoder().decode(configured.strip())
                : loadOrCreate(file, minimumBytes);
        if (secret.length < minimumBytes) {
            throw new IllegalStateException(property + " must hold at least " + minimumBytes + " bytes");
        }
        return secret;
    }

    private static byte[] loadOrCreate(Path file, int bytes) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.getParent());
            byte[] secret = new byte[bytes];
            new SecureRandom().nextBytes(secret);
            Files.writeString(file, Base64.getEncoder().encodeToString(secret));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Best effort on file systems without POSIX permissions.
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret " + file, e);
        }
    }
}
