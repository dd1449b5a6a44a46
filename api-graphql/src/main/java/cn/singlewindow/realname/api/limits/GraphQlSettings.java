package cn.singlewindow.realname.api.limits;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bounds on one GraphQL document, checked before anything runs (QUERY_TOO_COMPLEX past them).
 *
 * @param maxDepth levels of nesting (the deepest query a client needs has 5)
 * @param maxComplexity fields, counted over the whole document
 */
@Validated
@ConfigurationProperties("realname.graphql")
public record GraphQlSettings(@DefaultValue("10") @Min(1) int maxDepth,
                              @DefaultValue("300") @Min(1) int maxComplexity) {
}
