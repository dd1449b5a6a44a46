package cn.singlewindow.realname.api.bootstrap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first OPERATIONS account, created at start if it does not exist yet (both empty: none).
 *
 * @param username its user name
 * @param password its password
 */
@ConfigurationProperties("realname.bootstrap.operations")
public record BootstrapSettings(@DefaultValue("") String username, @DefaultValue("") String password) {
}
