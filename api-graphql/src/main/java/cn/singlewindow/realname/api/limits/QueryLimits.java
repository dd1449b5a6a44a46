package cn.singlewindow.realname.api.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.VariableReference;
import graphql.validation.ValidationError;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Bounds on what one GraphQL document may ask for, checked before anything runs. The deepest query a client needs
 * (an enterprise, its accounts, their enterprise's certification methods) is 5 levels deep and well under 200
 * fields; a deeper or wider document is refused with QUERY_TOO_COMPLEX. Request bodies are bounded by
 * {@link RequestSizeLimit}.
 * <p>
 * graphql-java's own depth and complexity checks walk the whole document on every execution (6% of the most
 * frequent read's CPU), though their answer depends only on the document and the operation, unless a variable
 * decides whether a field is there ({@code @skip(if: $x)}). An operation found within the limits is remembered for
 * as long as its document is kept parsed ({@code ParsedDocuments}); documents with such a variable, and documents
 * refused, are checked every time.
 * <p>
 * Where introspection is on (the sandbox), an operation that asks only for {@code __schema} or {@code __type} may go
 * {@value #INTROSPECTION_DEPTH} levels deep: the introspection query GraphiQL and other tools send is 13 levels deep.
 * graphql-java's good-faith introspection checks bound how far such a document can repeat itself.
 */
@Component
class QueryLimits extends SimplePerformantInstrumentation {

    static final int INTROSPECTION_DEPTH = 15;

    private final MaxQueryDepthInstrumentation depth;
    private final MaxQueryDepthInstrumentation introspectionDepth = new MaxQueryDepthInstrumentation(
            INTROSPECTION_DEPTH);
    private final MaxQueryComplexityInstrumentation complexity;
    private final Cache<Document, Checked> checked = Caffeine.newBuilder().weakKeys().maximumSize(10_000).build();

    /** What is known of one document: whether variables can change its shape, and its operations within limits. */
    private record Checked(boolean shapedByVariables, Set<String> withinLimits) {
    }

    QueryLimits(GraphQlSettings settings) {
        this.depth = new MaxQueryDepthInstrumentation(settings.maxDepth());
        this.complexity = new MaxQueryComplexityInstrumentation(settings.maxComplexity());
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return complexity.createStateAsync(parameters);
    }

    @Override
    public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                                                                         InstrumentationState state) {
        return complexity.beginValidation(parameters, state);
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        ExecutionContext execution = parameters.getExecutionContext();
        Checked known = checked.get(execution.getDocument(),
                document -> new Checked(shapedByVariables(document), ConcurrentHashMap.newKeySet()));
        String operation = Objects.requireNonNullElse(execution.getExecutionInput().getOperationName(), "");
        if (known.withinLimits().contains(operation)) {
            return SimpleInstrumentationContext.noOp();
        }
        // Each throws AbortExecutionException (QUERY_TOO_COMPLEX) past its limit.
        (introspectionOnly(execution) ? introspectionDepth : depth).beginExecuteOperation(parameters, state);
        complexity.beginExecuteOperation(parameters, state);
        if (!known.shapedByVariables()) {
            known.withinLimits().add(operation);
        }
        return SimpleInstrumentationContext.noOp();
    }

    private static boolean introspectionOnly(ExecutionContext execution) {
        return execution.getOperationDefinition().getSelectionSet().getSelections().stream()
                .allMatch(selection -> selection instanceof Field field && field.getName().startsWith("__"));
    }

    private static boolean shapedByVariables(Node<?> node) {
        if (node instanceof Directive directive && directive.getArguments().stream()
                .map(Argument::getValue).anyMatch(VariableReference.class::isInstance)) {
            return true;
        }
        return node.getChildren().stream().anyMatch(QueryLimits::shapedByVariables);
    }
}
