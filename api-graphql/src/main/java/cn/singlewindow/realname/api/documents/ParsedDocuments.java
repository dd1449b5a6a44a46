package cn.singlewindow.realname.api.documents;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.language.OperationDefinition.Operation;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.lang.Nullable;

/**
 * Clients send the same few documents over and over with different variables; parsing and validating each one
 * again was a twentieth of a request's CPU. Valid documents are kept (validation depends on the document and the
 * schema only); depth and complexity limits are still checked on every execution. Documents with errors are not
 * kept, so bad input cannot push good documents out. Bounded by total document length.
 */
@Configuration(proxyBeanMethods = false)
public class ParsedDocuments implements PreparsedDocumentProvider {

    private static final long MAX_CACHED_CHARACTERS = 4_000_000;

    private final Cache<String, PreparsedDocumentEntry> documents = Caffeine.newBuilder()
            .maximumWeight(MAX_CACHED_CHARACTERS)
            .weigher((String query, PreparsedDocumentEntry entry) -> query.length())
            .build();

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentCache() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(
            ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        PreparsedDocumentEntry entry = documents.getIfPresent(input.getQuery());
        if (entry == null) {
            entry = parseAndValidate.apply(input);
            if (!entry.hasErrors()) {
                documents.put(input.getQuery(), entry);
            }
        }
        return CompletableFuture.completedFuture(entry);
    }

    /**
     * Whether the request runs a query, a mutation or a subscription, if its document is kept here (valid, and
     * seen before) and names its operation unambiguously; empty otherwise, without parsing anything.
     */
    public Optional<Operation> parsedOperation(String query, @Nullable String operationName) {
        PreparsedDocumentEntry entry = documents.getIfPresent(query);
        if (entry == null) {
            return Optional.empty();
        }
        Document document = entry.getDocument();
        if (operationName != null && !operationName.isEmpty()) {
            return document.getOperationDefinition(operationName).map(OperationDefinition::getOperation);
        }
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        return operations.size() == 1 ? Optional.of(operations.get(0).getOperation()) : Optional.empty();
    }
}
