package cn.singlewindow.realname.eventstore.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param masterKey the key personal data is encrypted under (base64, at least 32 bytes); empty: a key generated once
 *                  under the data directory. Losing it loses every person's data.
 */
@ConfigurationProperties("realname.privacy")
public record PrivacySettings(@DefaultValue("") String masterKey) {
}
