package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.language.FieldDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** docs/api.md names every operation the schema has, the sandbox's included: the document keeps up with the truth. */
class ApiDocumentTest {

    private static final Path RESOURCES = Path.of("src/main/resources");

    @Test
    void every_query_mutation_and_subscription_of_the_schema_is_in_the_contract_document() throws IOException {
        TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
        for (String folder : List.of("graphql", "graphql-sandbox")) {
            try (Stream<Path> files = Files.list(RESOURCES.resolve(folder))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".graphqls")).toList()) {
                    registry.merge(new SchemaParser().parse(Files.readString(file)));
                }
            }
        }
        List<String> operations = new ArrayList<>();
        for (String root : List.of("Query", "Mutation", "Subscription")) {
            registry.getType(root, ObjectTypeDefinition.class).ifPresent(type ->
                    type.getFieldDefinitions().forEach(field -> operations.add(field.getName())));
            registry.objectTypeExtensions().getOrDefault(root, List.of()).forEach(extension ->
                    extension.getFieldDefinitions().stream().map(FieldDefinition::getName).forEach(operations::add));
        }
        String document = Files.readString(Path.of("..", "docs", "api.md"));
        assertThat(operations).hasSizeGreaterThan(40)
                .allSatisfy(operation -> assertThat(document).as(operation)
                        .containsPattern("`" + operation + "[`(]"));
    }
}
