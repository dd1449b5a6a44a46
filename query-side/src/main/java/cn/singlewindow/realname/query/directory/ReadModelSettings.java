package cn.singlewindow.realname.query.directory;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param enterpriseViews enterprise views kept in memory after a read, each dropped as soon as its rows change
 *                        (0: none kept)
 */
@Validated
@ConfigurationProperties("realname.read-model")
public record ReadModelSettings(@DefaultValue("10000") @Min(0) long enterpriseViews) {
}
