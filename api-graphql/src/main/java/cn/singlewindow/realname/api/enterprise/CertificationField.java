package cn.singlewindow.realname.api.enterprise;

import cn.singlewindow.realname.messages.certification.CertificationOverview;
import cn.singlewindow.realname.messages.enterprise.EnterpriseId;
import cn.singlewindow.realname.messages.enterprise.EnterpriseView;
import graphql.TrivialDataFetcher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * {@code Enterprise.certification}: the overview the view was read with (an enterprise by id joins it in, a view of
 * the past folds it), else one batched look-up for all the enterprises of the answer (the loader is registered by
 * {@link EnterpriseController}). A plain fetcher marked trivial: it does no I/O itself (a data loader's load only
 * queues the id, and the loader carries the request's context), so Spring GraphQL need not invoke a handler method
 * and propagate the request's context around it, which cost 4% of the most frequent read's CPU as a
 * {@code @SchemaMapping} (a {@code @BatchMapping} ran the loader even with every overview at hand: 8%).
 */
@Configuration(proxyBeanMethods = false)
class CertificationField {

    static final String OVERVIEWS = "certificationOverviews";

    @Bean
    RuntimeWiringConfigurer certificationFieldWiring() {
        TrivialDataFetcher<Object> certification = environment -> {
            EnterpriseView enterprise = environment.getSource();
            CertificationOverview asRead = enterprise.certificationAsOf();
            return asRead != null ? asRead
                    : environment.<EnterpriseId, CertificationOverview>getDataLoader(OVERVIEWS).load(enterprise.id());
        };
        return wiring -> wiring.type("Enterprise", type -> type.dataFetcher("certification", certification));
    }
}
