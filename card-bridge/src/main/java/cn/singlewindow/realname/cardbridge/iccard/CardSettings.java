package cn.singlewindow.realname.cardbridge.iccard;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The China E-Port card's trust material and challenges (docs/card-bridge.md). Locations are Spring resources,
 * {@code file:} paths included.
 *
 * @param trustAnchors the E-Port root certificates (PEM); required outside the sandbox
 * @param intermediates intermediate CA certificates (PEM), if the cards do not carry them
 * @param crls each CA's certificate revocation list (PEM)
 * @param trustReload how long the trust material is kept before it is read again, so a new CRL applies without a
 *                    restart (0: read for every card)
 * @param crlRequired whether every CA of a card's path must have a current CRL here; without one the card's status
 *                    is unknown and it is refused
 * @param challengeTtl how long a card challenge may be answered
 */
@Validated
@ConfigurationProperties("realname.card")
public record CardSettings(List<String> trustAnchors,
                           List<String> intermediates,
                           List<String> crls,
                           @DefaultValue("1m") @NotNull Duration trustReload,
                           @DefaultValue("true") boolean crlRequired,
                           @DefaultValue("2m") @NotNull Duration challengeTtl) {

    public CardSettings {
        trustAnchors = given(trustAnchors);
        intermediates = given(intermediates);
        crls = given(crls);
    }

    /** The locations given, none when the key is unset or empty. */
    private static List<String> given(List<String> locations) {
        return locations == null ? List.of() : locations.stream().filter(location -> !location.isBlank()).toList();
    }
}
