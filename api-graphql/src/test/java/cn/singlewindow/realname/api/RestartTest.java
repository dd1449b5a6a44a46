package cn.singlewindow.realname.api;

import cn.singlewindow.realname.RealnameApplication;
import cn.singlewindow.realname.api.GraphQlApi.ImportedEnterprise;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Stop the service and start it again on the same data directory: the same state, the same sessions. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void a_restarted_service_shows_the_state_its_predecessor_stored_and_honours_its_sessions() {
        ImportedEnterprise enterprise;
        String adminToken;
        try (ConfigurableApplicationContext first = start()) {
            GraphQlApi api = new GraphQlApi(port(first));
            enterprise = api.importEnterprise(api.asOperations());
            adminToken = api.tokenOf(enterprise.adminUsername(), enterprise.adminPassword());
            api.registerNationally(enterprise.uscc(), "重启前的名称有限公司");
            api.as(adminToken).documentName("changeEnterpriseInfo")
                    .variable("input", Map.of("enterpriseId", enterprise.id(), "name", "重启前的名称有限公司",
                            "uscc", enterprise.uscc()))
                    .execute()
                    .path("changeEnterpriseInfo.name").entity(String.class).isEqualTo("重启前的名称有限公司");
        }

        try (ConfigurableApplicationContext second = start()) {
            GraphQlApi api = new GraphQlApi(port(second));
            HttpGraphQlTester admin = api.as(adminToken);
            admin.documentName("enterprise").variable("id", enterprise.id()).execute()
                    .path("enterprise.name").entity(String.class).isEqualTo("重启前的名称有限公司");
            // The aggregate comes back from the event store too: a further change builds on the stored one.
            String freshToken = api.tokenOf(enterprise.adminUsername(), enterprise.adminPassword());
            api.registerNationally(enterprise.uscc(), "重启后的名称有限公司");
            api.as(freshToken).documentName("changeEnterpriseInfo")
                    .variable("input", Map.of("enterpriseId", enterprise.id(), "name", "重启后的名称有限公司",
                            "uscc", enterprise.uscc()))
                    .execute()
                    .path("changeEnterpriseInfo.name").entity(String.class).isEqualTo("重启后的名称有限公司");
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RealnameApplication.class)
                .run("--server.port=0", "--realname.data-dir=" + dataDir);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }
}
