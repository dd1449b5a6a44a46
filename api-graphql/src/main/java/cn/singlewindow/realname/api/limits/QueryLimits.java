package cn.singlewindow.realname.api.limits;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bounds on what one GraphQL document may ask for, checked before anything runs. The deepest query a client needs
 * (an enterprise, its accounts, their enterprise's certification methods) is 5 levels deep and well under 200
 * fields; a deeper or wider document is refused with QUERY_TOO_COMPLEX. Request bodies are bounded by
 * {@link RequestSizeLimit}.
 */
@Configuration(proxyBeanMethods = false)
class QueryLimits {

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepth(@Value("${realname.graphql.max-depth:10}") int maxDepth) {
        return new MaxQueryDepthInstrumentation(maxDepth);
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexity(
            @Value("${realname.graphql.max-complexity:300}") int maxComplexity) {
        return new MaxQueryComplexityInstrumentation(maxComplexity);
    }
}
