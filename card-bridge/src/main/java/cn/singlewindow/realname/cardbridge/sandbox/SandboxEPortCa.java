package cn.singlewindow.realname.cardbridge.sandbox;

import cn.singlewindow.realname.cardbridge.iccard.Pem;
import cn.singlewindow.realname.cardbridge.iccard.SoftwareCardAuthority;
import cn.singlewindow.realname.cardbridge.iccard.SoftwareCardAuthority.CardHolder;
import cn.singlewindow.realname.cardbridge.iccard.SoftwareCardAuthority.IssuedCard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The sandbox's E-Port CA: generated at first start and kept under {@code <data-dir>/sandbox-ca} (never
 * committed), with its CRL file, which the card verifier trusts in the sandbox profile. The CRL is published again
 * at every start, at every revocation and every day, valid for a week, so it is never stale while the sandbox runs.
 */
public class SandboxEPortCa {

    private static final Logger log = LoggerFactory.getLogger(SandboxEPortCa.class);
    private static final Duration CRL_VALIDITY = Duration.ofDays(7);

    private final Path dir;
    private final Clock clock;
    private final SoftwareCardAuthority authority;

    public SandboxEPortCa(Path dataDir, Clock clock) throws IOException {
        this.dir = dataDir.resolve("sandbox-ca");
        this.clock = clock;
        Files.createDirectories(dir);
        Path key = dir.resolve("ca.key.pem");
        Path certificate = dir.resolve("ca.cert.pem");
        if (Files.exists(key) && Files.exists(certificate)) {
            X509Certificate caCertificate = Pem.certificates(Files.readString(certificate)).get(0);
            authority = new SoftwareCardAuthority(new KeyPair(caCertificate.getPublicKey(),
                    Pem.privateKey(Files.readString(key))), caCertificate);
            for (String serial : readRevoked()) {
                authority.revoke(new BigInteger(serial, 16), clock.instant());
            }
        } else {
            authority = SoftwareCardAuthority.generate("China E-Port Sandbox CA", clock.instant());
            Pem.writeKeyFile(key, Pem.write(authority.privateKey()));
            Files.writeString(certificate, Pem.write(authority.certificate()));
            log.info("Generated the sandbox E-Port CA in {}", dir);
        }
        writeCrl();
    }

    public synchronized IssuedCard issue(CardHolder holder, Instant from, Instant until, boolean revoked) {
        IssuedCard card = authority.issue(holder, from, until);
        if (revoked) {
            authority.revoke(card.certificate().getSerialNumber(), clock.instant());
            try {
                Files.writeString(dir.resolve("revoked.txt"), card.certificate().getSerialNumber().toString(16) + "\n",
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            writeCrl();
        }
        return card;
    }

    private List<String> readRevoked() throws IOException {
        Path file = dir.resolve("revoked.txt");
        return Files.exists(file) ? Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList()
                : List.of();
    }

    /** Publishes the CRL again every day: a stale one would make every card's status unknown. */
    @Scheduled(fixedDelayString = "PT24H", initialDelayString = "PT24H")
    public synchronized void writeCrl() {
        try {
            Files.writeString(dir.resolve("crl.pem"), Pem.write(authority.crl(clock.instant(), CRL_VALIDITY)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
