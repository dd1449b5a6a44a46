package cn.singlewindow.realname.api.common;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

@Configuration(proxyBeanMethods = false)
class Scalars {

    @Bean
    RuntimeWiringConfigurer scalarWiring() {
        return wiring -> wiring.scalar(dateTimeAcceptingInstants()).scalar(ExtendedScalars.Date);
    }

    /** RFC 3339 date-time as in graphql-java-extended-scalars, also serialising the {@link Instant}s we store. */
    @SuppressWarnings("unchecked")
    private static GraphQLScalarType dateTimeAcceptingInstants() {
        Coercing<Object, Object> base = (Coercing<Object, Object>) ExtendedScalars.DateTime.getCoercing();
        return GraphQLScalarType.newScalar(ExtendedScalars.DateTime).coercing(new Coercing<Object, Object>() {
            @Override
            public Object serialize(Object input, GraphQLContext context, Locale locale) {
                return base.serialize(input instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : input,
                        context, locale);
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                return base.parseValue(input, context, locale);
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                       Locale locale) {
                return base.parseLiteral(input, variables, context, locale);
            }
        }).build();
    }
}
