package cn.singlewindow.realname.api;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.MappedSuperclass;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.data.jpa.repository.support.SimpleJpaRepository;
import org.springframework.jdbc.core.JdbcTemplate;

/** The module boundaries of DESIGN.md, checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "cn.singlewindow.realname", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String MESSAGES = "cn.singlewindow.realname.messages..";
    private static final String EVENT_STORE = "cn.singlewindow.realname.eventstore..";
    private static final String COMMAND_SIDE = "cn.singlewindow.realname.command..";
    private static final String QUERY_SIDE = "cn.singlewindow.realname.query..";
    private static final String CARD_BRIDGE = "cn.singlewindow.realname.cardbridge..";
    private static final String API = "cn.singlewindow.realname.api..";

    /** What another module may see of a module: its interfaces and the values, enums and exceptions they carry. */
    private static final DescribedPredicate<JavaClass> PORTS = DescribedPredicate.describe("ports",
            type -> type.isInterface() || type.isRecord() || type.isEnum() || type.isAnnotation()
                    || type.isAssignableTo(Throwable.class)
                    || type.getEnclosingClass().map(ArchitectureTest::isPortType).orElse(false));

    @ArchTest
    static final ArchRule messages_depend_on_nothing_of_ours_and_on_no_spring_or_jpa = noClasses()
            .that().resideInAPackage(MESSAGES)
            .should().dependOnClassesThat().resideInAnyPackage(EVENT_STORE, COMMAND_SIDE, QUERY_SIDE, CARD_BRIDGE, API,
                    "org.springframework..", "jakarta.persistence..", "org.hibernate..");

    @ArchTest
    static final ArchRule the_event_store_knows_no_feature = noClasses()
            .that().resideInAPackage(EVENT_STORE)
            .should().dependOnClassesThat().resideInAnyPackage(COMMAND_SIDE, QUERY_SIDE, CARD_BRIDGE, API);

    @ArchTest
    static final ArchRule the_command_side_never_depends_on_the_query_side = noClasses()
            .that().resideInAPackage(COMMAND_SIDE)
            .should().dependOnClassesThat().resideInAnyPackage(QUERY_SIDE, API);

    @ArchTest
    static final ArchRule the_query_side_never_depends_on_the_command_side = noClasses()
            .that().resideInAPackage(QUERY_SIDE)
            .should().dependOnClassesThat().resideInAnyPackage(COMMAND_SIDE, API);

    @ArchTest
    static final ArchRule only_the_api_knows_graphql = noClasses()
            .that().resideOutsideOfPackage(API)
            .should().dependOnClassesThat().resideInAnyPackage("graphql..", "org.springframework.graphql..");

    @ArchTest
    static final ArchRule the_card_bridge_knows_neither_side = noClasses()
            .that().resideInAPackage(CARD_BRIDGE)
            .should().dependOnClassesThat().resideInAnyPackage(EVENT_STORE, COMMAND_SIDE, QUERY_SIDE, API);

    @ArchTest
    static final ArchRule the_api_sees_the_sides_and_the_event_store_through_their_ports_only = noClasses()
            .that().resideInAPackage(API)
            .should().dependOnClassesThat(resideInAnyPackage(EVENT_STORE, COMMAND_SIDE, QUERY_SIDE).and(not(PORTS)));

    /**
     * Ports are public; everything else is package-private. Two framework extension points must be public for
     * classes of other packages to extend them: JPA's mapped superclass of the read models' rows and Spring Data's
     * repository base class.
     */
    @ArchTest
    static final ArchRule command_and_query_classes_are_package_private_except_their_ports = classes()
            .that().resideInAnyPackage(COMMAND_SIDE, QUERY_SIDE).and().areTopLevelClasses()
            .and().haveModifier(JavaModifier.PUBLIC)
            .should(new ArchCondition<>("be ports") {
                @Override
                public void check(JavaClass type, ConditionEvents events) {
                    boolean allowed = isPortType(type) || type.isAnnotatedWith(MappedSuperclass.class)
                            || type.isAssignableTo(SimpleJpaRepository.class);
                    events.add(new SimpleConditionEvent(type, allowed, type.getName() + " is public"));
                }
            });

    /** Each module's SQL names only the tables its own migrations create: Axon's tables only in the event store. */
    @ArchTest
    static void no_module_names_another_modules_tables(JavaClasses imported) {
        Map<String, Set<String>> tablesByRoot = Migrations.tablesByCodeRoot();
        Map<String, String> ownerOfTable = new HashMap<>();
        tablesByRoot.forEach((root, tables) -> tables.forEach(table -> ownerOfTable.put(table, root)));
        Pattern anyTable = Pattern.compile("(?<![A-Za-z0-9_])(" + String.join("|", ownerOfTable.keySet())
                + ")(?![A-Za-z0-9_])");
        StringBuilder violations = new StringBuilder();
        for (JavaClass type : imported) {
            String root = Migrations.codeRootOf(type);
            Matcher mentioned = anyTable.matcher(Migrations.constantsOf(type));
            while (mentioned.find()) {
                if (!ownerOfTable.get(mentioned.group(1)).equals(root)) {
                    violations.append(type.getName()).append(" names ").append(mentioned.group(1)).append('\n');
                }
            }
            if (type.getDirectDependenciesFromSelf().stream()
                    .anyMatch(dependency -> dependency.getTargetClass().isEquivalentTo(JdbcTemplate.class))
                    && !tablesByRoot.containsKey(root)) {
                violations.append(type.getName()).append(" uses JdbcTemplate in a module that owns no table\n");
            }
        }
        org.assertj.core.api.Assertions.assertThat(violations.toString()).isEmpty();
        org.assertj.core.api.Assertions.assertThat(ownerOfTable).containsKeys("domain_event_entry", "token_entry",
                "enterprise_view", "account_credential", "card_challenge", "captcha");
    }

    private static boolean isPortType(JavaClass type) {
        return type.isInterface() || type.isRecord() || type.isEnum() || type.isAnnotation()
                || type.isAssignableTo(Throwable.class);
    }

    /** Where each module's classes and migrations come from: a classes directory or a jar, whichever Maven gave. */
    private static final class Migrations {

        // The sandbox's own tables (db/sandbox) are owned like any other.
        private static final List<String> MIGRATIONS = List.of("db/migration", "db/sandbox");
        private static final Pattern CREATE_TABLE = Pattern.compile("(?i)CREATE TABLE (?:IF NOT EXISTS )?(\\w+)");

        static Map<String, Set<String>> tablesByCodeRoot() {
            Map<String, Set<String>> tables = new HashMap<>();
            try {
                for (String migrations : MIGRATIONS) {
                    for (URL location : Collections.list(ArchitectureTest.class.getClassLoader()
                            .getResources(migrations))) {
                        String root = root(location.toString(), migrations);
                        for (String script : scripts(location, migrations)) {
                            Matcher created = CREATE_TABLE.matcher(script);
                            while (created.find()) {
                                tables.computeIfAbsent(root, key -> new HashSet<>())
                                        .add(created.group(1).toLowerCase());
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return tables;
        }

        static String codeRootOf(JavaClass type) {
            String uri = type.getSource().orElseThrow().getUri().toString();
            return root(uri, type.getName().replace('.', '/') + ".class");
        }

        /** The class file's text: its constant pool holds every SQL string it sends, in plain characters. */
        static String constantsOf(JavaClass type) {
            try (InputStream in = type.getSource().orElseThrow().getUri().toURL().openStream()) {
                return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The path of {@code .../target/classes} or of {@code .../x.jar}, for a location inside either. */
        private static String root(String location, String inside) {
            String root;
            if (location.startsWith("jar:")) {
                root = location.substring("jar:".length(), location.indexOf("!/"));
            } else {
                String path = location.endsWith("/") ? location.substring(0, location.length() - 1) : location;
                root = path.substring(0, path.length() - inside.length());
            }
            return Path.of(URI.create(root)).toAbsolutePath().normalize().toString();
        }

        private static List<String> scripts(URL location, String migrations) throws IOException {
            if (location.getProtocol().equals("jar")) {
                try (JarFile file = new JarFile(root(location.toString(), migrations))) {
                    return file.stream().filter(entry -> entry.getName().startsWith(migrations + "/")
                            && entry.getName().endsWith(".sql")).map(entry -> read(file, entry)).toList();
                }
            }
            try (Stream<Path> files = Files.list(Path.of(URI.create(location.toString())))) {
                return files.filter(file -> file.toString().endsWith(".sql")).map(file -> {
                    try {
                        return Files.readString(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList();
            }
        }

        private static String read(JarFile file, JarEntry entry) {
            try (InputStream in = file.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
