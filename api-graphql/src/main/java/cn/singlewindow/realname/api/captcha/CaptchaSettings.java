package cn.singlewindow.realname.api.captcha;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** @param ttl how long a captcha may be answered (once) */
@Validated
@ConfigurationProperties("realname.captcha")
public record CaptchaSettings(@DefaultValue("3m") @NotNull Duration ttl) {
}
