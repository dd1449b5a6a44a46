package cn.singlewindow.realname.api.limits;

import cn.singlewindow.realname.messages.common.AcceptedDates;
import cn.singlewindow.realname.messages.common.RejectedException;
import cn.singlewindow.realname.messages.common.Rejection;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import graphql.schema.idl.SchemaDirectiveWiring;
import graphql.schema.idl.SchemaDirectiveWiringEnvironment;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * The one check every input passes before any work: each String and ID argument and input field declares the most
 * characters it may hold ({@code @length(max:)} in the schema), each Int its range ({@code @range}), and every Date
 * and DateTime lies within {@link AcceptedDates}. A value outside is refused with VALIDATION_FAILED naming its
 * field, before the field's resolver runs. A String or ID without a declared maximum (the schema test forbids
 * one) is held to {@link #UNDECLARED_MAX}.
 */
@Configuration(proxyBeanMethods = false)
public class InputLimits {

    public static final String LENGTH = "length";
    public static final String RANGE = "range";
    static final int UNDECLARED_MAX = 1_000;

    @Bean
    RuntimeWiringConfigurer inputLimitWiring() {
        return wiring -> wiring.directiveWiring(new SchemaDirectiveWiring() {
            @Override
            public GraphQLFieldDefinition onField(SchemaDirectiveWiringEnvironment<GraphQLFieldDefinition> env) {
                GraphQLFieldDefinition field = env.getElement();
                if (!field.getArguments().isEmpty()) {
                    DataFetcher<?> resolver = env.getFieldDataFetcher();
                    env.setFieldDataFetcher(environment -> {
                        check(field.getArguments(), environment.getArguments());
                        return resolver.get(environment);
                    });
                }
                return field;
            }
        });
    }

    /** Refuses the first argument value outside its declared bounds. */
    public static void check(List<GraphQLArgument> arguments, Map<String, Object> values) {
        for (GraphQLArgument argument : arguments) {
            check(argument.getName(), argument.getType(), argument, values.get(argument.getName()));
        }
    }

    private static void check(String field, GraphQLInputType type, GraphQLDirectiveContainer declared, Object value) {
        if (value == null) {
            return;
        }
        GraphQLType unwrapped = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        if (unwrapped instanceof GraphQLList list && value instanceof List<?> elements) {
            for (Object element : elements) {
                check(field, (GraphQLInputType) list.getWrappedType(), declared, element);
            }
        } else if (unwrapped instanceof GraphQLInputObjectType object && value instanceof Map<?, ?> fields) {
            String prefix = field.equals("input") ? "" : field + ".";
            for (GraphQLInputObjectField inner : object.getFieldDefinitions()) {
                check(prefix + inner.getName(), inner.getType(), inner, fields.get(inner.getName()));
            }
        } else if (unwrapped instanceof GraphQLScalarType scalar) {
            checkScalar(field, scalar.getName(), declared, value);
        }
    }

    private static void checkScalar(String field, String scalar, GraphQLDirectiveContainer declared, Object value) {
        switch (scalar) {
            case "String", "ID" -> {
                int max = bound(declared, LENGTH, "max", UNDECLARED_MAX);
                if (value.toString().length() > max) {
                    throw refused(field, "At most " + max + " characters.", "最多" + max + "个字符。");
                }
            }
            case "Int" -> {
                GraphQLAppliedDirective range = declared.getAppliedDirective(RANGE);
                int number = ((Number) value).intValue();
                if (range != null && (number < bound(declared, RANGE, "min", Integer.MIN_VALUE)
                        || number > bound(declared, RANGE, "max", Integer.MAX_VALUE))) {
                    int min = bound(declared, RANGE, "min", 0);
                    int max = bound(declared, RANGE, "max", 0);
                    throw refused(field, field + " is " + min + " to " + max + ".",
                            "取值须为" + min + "至" + max + "。");
                }
            }
            case "Date" -> {
                if (value instanceof LocalDate date && !AcceptedDates.contains(date)) {
                    throw new RejectedException(AcceptedDates.OUTSIDE.onField(field));
                }
            }
            case "DateTime" -> {
                if (value instanceof OffsetDateTime instant && !AcceptedDates.contains(instant.toInstant())) {
                    throw new RejectedException(AcceptedDates.OUTSIDE.onField(field));
                }
            }
            default -> {
                // Enums and Booleans hold nothing unbounded.
            }
        }
    }

    private static int bound(GraphQLDirectiveContainer declared, String directive, String argument, int otherwise) {
        GraphQLAppliedDirective applied = declared.getAppliedDirective(directive);
        if (applied == null || applied.getArgument(argument) == null) {
            return otherwise;
        }
        Object value = applied.getArgument(argument).getValue();
        return value instanceof Number number ? number.intValue() : otherwise;
    }

    private static RejectedException refused(String field, String message, String messageZh) {
        return new RejectedException(Rejection.of("VALIDATION_FAILED", message, messageZh).onField(field));
    }
}
