package cn.singlewindow.realname.api;

import static org.assertj.core.api.Assertions.assertThat;

import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import cn.singlewindow.realname.api.limits.InputLimits;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLDirectiveContainer;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLTypeUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Every input has declared bounds in the schema, and the bounds hold before any work. */
class InputLimitsTest extends RunningService {

    @Autowired
    GraphQlSource graphQl;

    @Test
    void every_string_and_id_input_declares_its_maximum_and_every_int_input_its_range() {
        GraphQLSchema schema = graphQl.schema();
        List<String> undeclared = new ArrayList<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            if (type.getName().startsWith("__")) {
                continue;
            }
            if (type instanceof GraphQLFieldsContainer container) {
                container.getFieldDefinitions().forEach(field -> field.getArguments().forEach(argument ->
                        require(type.getName() + "." + field.getName() + "(" + argument.getName() + ")",
                                argument.getType(), argument, undeclared)));
            }
            if (type instanceof GraphQLInputObjectType input) {
                input.getFieldDefinitions().forEach(field ->
                        require(input.getName() + "." + field.getName(), field.getType(), field, undeclared));
            }
        }
        assertThat(undeclared).isEmpty();
        // The sandbox's operations are in this schema too.
        assertThat(schema.getMutationType().getFieldDefinition("sandboxIssueIcCard")).isNotNull();
    }

    private static void require(String where, GraphQLInputType type, GraphQLDirectiveContainer element,
                                List<String> undeclared) {
        if (GraphQLTypeUtil.unwrapAll(type) instanceof GraphQLScalarType scalar) {
            boolean text = scalar.getName().equals("String") || scalar.getName().equals("ID");
            if (text && element.getAppliedDirective(InputLimits.LENGTH) == null) {
                undeclared.add(where + " has no @length");
            }
            if (scalar.getName().equals("Int") && element.getAppliedDirective(InputLimits.RANGE) == null) {
                undeclared.add(where + " has no @range");
            }
        }
    }

    @Test
    void a_string_longer_than_its_maximum_is_refused_on_its_field_and_changes_nothing() {
        GraphQlApi api = api();
        ImportedEnterprise enterprise = api.importEnterprise(api.asOperations());
        long before = eventsOf(enterprise.id());

        refused(api.asAdministratorOf(enterprise).documentName("changeEnterpriseInfo")
                .variable("input", Map.of("enterpriseId", enterprise.id(), "name", "长".repeat(201),
                        "uscc", enterprise.uscc())).execute(), "name");
        refused(api.asOperations().documentName("importLegacyEnterprise").variable("input",
                GraphQlApi.importInput(enterprise.uscc(), "u".repeat(65))).execute(), "administrator.username");
        refused(api.anonymous().document("query { sandboxSmsOutbox(phone: \"" + "1".repeat(21) + "\") { text } }")
                .execute(), "phone");

        assertThat(eventsOf(enterprise.id())).isEqualTo(before);
    }

    @Test
    void dates_and_instants_outside_the_accepted_years_and_counts_outside_their_range_are_refused() {
        GraphQlApi api = api();
        HttpGraphQlTester auditor = auditor(api);
        refused(auditor.document("query { certificationStatistics(from: \"+999999999-01-01\", to:"
                + " \"2026-01-01\") { from } }").execute(), "from");
        refused(auditor.document("query { certificationStatistics(from: \"2026-01-01\", to:"
                + " \"1899-12-31\") { from } }").execute(), "to");
        refused(auditor.document("query { enterpriseAsOf(id: \"x\", at: \"-000001-01-01T00:00:00Z\")"
                + " { id } }").execute(), "at");
        refused(auditor.document("query { auditTrail(enterpriseId: \"x\", first: 501) { edges {"
                + " cursor } } }").execute(), "first");
        refused(auditor.document("query { certificationAttempts(enterpriseId: \"x\", first: 0) { edges {"
                + " cursor } } }").execute(), "first");
    }

    @Test
    void a_certification_attempts_cursor_this_service_did_not_make_is_refused_before_any_query() {
        GraphQlApi api = api();
        HttpGraphQlTester auditor = auditor(api);
        for (String forged : List.of("MTIz", "c1.AAAA", "c1." + base64("0:x\u0000y"), "c1." + base64("-99999999999"
                + "9999999:a"), "c1." + base64("1700000000000000"), "c1." + base64("99999999999999999:abc"),
                "c1.%%%")) {
            refused(auditor.document("query q($after: String) { certificationAttempts(enterpriseId: \"x\","
                    + " after: $after) { edges { cursor } } }").variable("after", forged).execute(), "after");
        }
    }

    private static String base64(String text) {
        return java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static void refused(GraphQlTester.Response response, String field) {
        response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error ->
                assertThat(error.getExtensions()).containsEntry("code", "VALIDATION_FAILED")
                        .containsEntry("field", field)));
    }

    private static HttpGraphQlTester auditor(GraphQlApi api) {
        String username = "limits" + System.nanoTime() % 1_000_000;
        api.asOperations().documentName("createStaffAccount")
                .variable("input", Map.of("username", username, "password", "Audit0r-pass", "role", "AUDITOR"))
                .execute().path("createStaffAccount.id").hasValue();
        return api.as(api.tokenOf(username, "Audit0r-pass"));
    }
}
