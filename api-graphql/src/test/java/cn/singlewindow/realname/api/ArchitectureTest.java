package cn.singlewindow.realname.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module boundaries of DESIGN.md, checked on the compiled classes of every module. */
@AnalyzeClasses(packages = "cn.singlewindow.realname", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String MESSAGES = "cn.singlewindow.realname.messages..";
    private static final String COMMAND_SIDE = "cn.singlewindow.realname.command..";
    private static final String QUERY_SIDE = "cn.singlewindow.realname.query..";
    private static final String CARD_BRIDGE = "cn.singlewindow.realname.cardbridge..";
    private static final String API = "cn.singlewindow.realname.api..";

    @ArchTest
    static final ArchRule messages_depend_on_nothing_of_ours_and_on_no_spring_or_jpa = noClasses()
            .that().resideInAPackage(MESSAGES)
            .should().dependOnClassesThat().resideInAnyPackage(COMMAND_SIDE, QUERY_SIDE, CARD_BRIDGE, API,
                    "org.springframework..", "jakarta.persistence..", "org.hibernate..");

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
            .should().dependOnClassesThat().resideInAnyPackage(COMMAND_SIDE, QUERY_SIDE, API);
}
