package cn.singlewindow.realname.api.common;

import cn.singlewindow.realname.messages.account.AccountView;
import cn.singlewindow.realname.messages.account.OperatorUpgradeRequestView;
import cn.singlewindow.realname.messages.certification.CertificationAttemptView;
import cn.singlewindow.realname.messages.enterprise.EnterpriseView;
import graphql.TrivialDataFetcher;
import java.util.function.Function;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * ID fields whose value is the parent's typed identifier ({@code EnterpriseId}, {@code AccountId}), which the ID
 * scalar cannot serialise. They are plain graphql-java fetchers marked trivial, so Spring GraphQL neither invokes a
 * handler method nor propagates the request's context around each, as it did for the {@code @SchemaMapping}s
 * these replace ({@code Enterprise.id} alone took 4-5% of an enterprise read's request-thread samples).
 */
@Configuration(proxyBeanMethods = false)
class IdentifierFields {

    @Bean
    RuntimeWiringConfigurer identifierFieldWiring() {
        TrivialDataFetcher<String> accountId = field(AccountView.class, account -> account.id().value());
        return wiring -> wiring
                .type("Enterprise", type -> type.dataFetcher("id",
                        field(EnterpriseView.class, enterprise -> enterprise.id().value())))
                .type("Account", type -> type.dataFetcher("id", accountId))
                .type("StaffAccount", type -> type.dataFetcher("id", accountId))
                .type("CertificationAttempt", type -> type.dataFetcher("enterpriseId",
                        field(CertificationAttemptView.class, attempt -> attempt.enterpriseId().value())))
                .type("OperatorUpgradeRequest", type -> type.dataFetcher("enterpriseId",
                        field(OperatorUpgradeRequestView.class, request -> request.enterpriseId().value())));
    }

    private static <S> TrivialDataFetcher<String> field(Class<S> sourceType, Function<S, String> value) {
        return environment -> value.apply(sourceType.cast(environment.getSource()));
    }
}
