package cn.singlewindow.realname.eventstore.audit;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The audit chain's signed checkpoints (docs/operations.md, "Audit signing key").
 *
 * @param checkpointInterval how often a checkpoint is taken (0: only on demand)
 * @param signingKey the SM2 private key that signs checkpoints (a PEM resource such as file:/run/secrets/x);
 *                   empty: a key generated once under the data directory
 * @param trustedKeys public keys (PEM resources) of earlier signing keys, so checkpoints they signed keep verifying
 */
@Validated
@ConfigurationProperties("realname.audit")
public record AuditSettings(@DefaultValue("1h") @NotNull Duration checkpointInterval,
                            @DefaultValue("") String signingKey,
                            List<String> trustedKeys) {

    public AuditSettings {
        trustedKeys = given(trustedKeys);
    }

    /** The locations given, none when the key is unset or empty. */
    private static List<String> given(List<String> locations) {
        return locations == null ? List.of() : locations.stream().filter(location -> !location.isBlank()).toList();
    }
}
