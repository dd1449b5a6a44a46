package cn.singlewindow.realname.eventstore.privacy;

import cn.singlewindow.realname.eventstore.storage.DataDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.stereotype.Component;

/** Secrets not configured are kept in files under {@code realname.data-dir}, readable by their owner only. */
@Component
class DataDirectorySecrets implements Secrets {

    private final Path dataDir;

    DataDirectorySecrets(DataDirectory directory) {
        this.dataDir = directory.dataDir();
    }

    @Override
    public byte[] resolve(String configured, String fileName, int minimumBytes, String property) {
        byte[] secret = configured != null && !configured.isBlank()
                ? Base64.getDecoder().decode(configured.strip())
                : loadOrCreate(dataDir.resolve(fileName), minimumBytes);
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
