package cn.singlewindow.realname.cardbridge.iccard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/** The card verifier with the trust material of {@link CardSettings}, read again after its reload interval. */
@Configuration(proxyBeanMethods = false)
public class TrustMaterialSource {

    @Bean
    IcCardVerifier icCardVerifier(ResourceLoader resources, Clock clock, CardSettings settings) {
        return new IcCardVerifier(cached(() -> load(resources, settings.trustAnchors(), settings.intermediates(),
                settings.crls()), clock, settings.trustReload()), clock, settings.crlRequired());
    }

    static TrustMaterial load(ResourceLoader resources, List<String> anchorLocations,
                              List<String> intermediateLocations, List<String> crlLocations) {
        List<java.security.cert.X509Certificate> anchors = new ArrayList<>();
        for (String location : anchorLocations) {
            anchors.addAll(Pem.certificates(read(resources, location)));
        }
        List<java.security.cert.X509Certificate> intermediates = new ArrayList<>();
        for (String location : intermediateLocations) {
            intermediates.addAll(Pem.certificates(read(resources, location)));
        }
        List<java.security.cert.X509CRL> crls = new ArrayList<>();
        for (String location : crlLocations) {
            crls.addAll(Pem.crls(read(resources, location)));
        }
        return new TrustMaterial(List.copyOf(anchors), List.copyOf(intermediates), List.copyOf(crls));
    }

    private static String read(ResourceLoader resources, String location) {
        Resource resource = resources.getResource(location.strip());
        try {
            return resource.getContentAsString(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read card trust material " + location, e);
        }
    }

    private static Supplier<TrustMaterial> cached(Supplier<TrustMaterial> loader, Clock clock, Duration reloadAfter) {
        return new Supplier<>() {
            private TrustMaterial current;
            private Instant loadedAt = Instant.MIN;

            @Override
            public synchronized TrustMaterial get() {
                Instant now = clock.instant();
                if (current == null || !now.isBefore(loadedAt.plus(reloadAfter))) {
                    current = loader.get();
                    loadedAt = now;
                }
                return current;
            }
        };
    }
}
