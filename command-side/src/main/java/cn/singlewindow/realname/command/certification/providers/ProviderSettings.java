package cn.singlewindow.realname.command.certification.providers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the external providers answer, outside the sandbox (contracts in docs/providers.md). The addresses have no
 * default: a deployment without them stops at start and names each one (DeploymentSettings).
 *
 * @param connectTimeout time to connect to CTID, the bank-card check and the SMS gateway
 * @param readTimeout time to wait for their answer
 * @param ctid the trusted identity platform (CTID)
 * @param bankCard the bank-card four-element check
 * @param sms the SMS gateway
 * @param registry the national enterprise credit information system
 */
@Validated
@ConfigurationProperties("realname.providers")
public record ProviderSettings(@DefaultValue("2s") @NotNull Duration connectTimeout,
                               @DefaultValue("5s") @NotNull Duration readTimeout,
                               @DefaultValue @Valid Endpoint ctid,
                               @DefaultValue @Valid Endpoint bankCard,
                               @DefaultValue @Valid Endpoint sms,
                               @DefaultValue @Valid Registry registry) {

    /** @param baseUrl the provider's base address (http or https) */
    public record Endpoint(String baseUrl) {
    }

    /**
     * @param baseUrl the registry's base address (http or https)
     * @param connectTimeout time to connect
     * @param readTimeout time to wait for the answer
     * @param retries further tries after a failed or 5xx look-up (a read, so safe to repeat)
     */
    public record Registry(String baseUrl, @DefaultValue("2s") @NotNull Duration connectTimeout,
                           @DefaultValue("3s") @NotNull Duration readTimeout,
                           @DefaultValue("1") @Min(0) int retries) {
    }
}
