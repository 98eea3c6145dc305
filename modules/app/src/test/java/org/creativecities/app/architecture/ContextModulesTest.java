package org.creativecities.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bounded contexts packed beside the core (modules/works, modules/events, modules/citypages,
 * modules/notifications, modules/media, modules/search, modules/projects), proven on their compiled classes: they build on the core
 * and the core never knows them; search, media and events build on the core alone, works on search and media too;
 * nobody builds on the city pages but through their seams, nor on notifications, which hear of events through their
 * StartingSoon event alone, and of projects through their ProjectActivity event alone; no context reaches into another's
 * persistence, and their services stay free of HTTP.
 */
class ContextModulesTest {

    private static final String WORKS = "org.creativecities.works..";
    private static final String MEDIA = "org.creativecities.media..";
    private static final String SEARCH = "org.creativecities.search..";
    private static final String CITY_PAGES = "org.creativecities.citypages..";
    private static final String NOTIFICATIONS = "org.creativecities.notifications..";
    private static final String EVENTS = "org.creativecities.events..";
    private static final String PROJECTS = "org.creativecities.projects..";

    private static JavaClasses core;
    private static JavaClasses contexts;

    @BeforeAll
    static void importClasses() {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        core = new ClassFileImporter().importPaths(List.of(root.resolve("modules/core/target/classes")));
        contexts = new ClassFileImporter().importPaths(List.of(root.resolve("modules/works/target/classes"),
                root.resolve("modules/media/target/classes"), root.resolve("modules/search/target/classes"),
                root.resolve("modules/citypages/target/classes"), root.resolve("modules/events/target/classes"),
                root.resolve("modules/notifications/target/classes"),
                root.resolve("modules/projects/target/classes")));
        assertFalse(core.isEmpty(), "core classes must be built before this test runs");
        assertFalse(contexts.isEmpty(), "the contexts' classes must be built before this test runs");
    }

    @Test
    void coreNeverKnowsTheContextsBuiltOnIt() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage(WORKS, MEDIA, SEARCH, CITY_PAGES, NOTIFICATIONS, EVENTS, PROJECTS)
                .because("works, events, media, search, city pages and notifications build on the core; what the "
                        + "core needs from them goes through interfaces and CDI events that the core owns")
                .check(core);
    }

    @Test
    void searchAndMediaBuildOnTheCoreAlone() {
        noClasses().that().resideInAPackage(SEARCH).should().dependOnClassesThat().resideInAnyPackage(WORKS, MEDIA)
                .because("every context contributes to search through its SearchSource; search knows none of them")
                .check(contexts);
        noClasses().that().resideInAPackage(MEDIA).should().dependOnClassesThat().resideInAnyPackage(WORKS, SEARCH)
                .because("media is carried by works, messages and profiles, and knows none of them")
                .check(contexts);
    }

    @Test
    void noOtherContextKnowsTheCityPages() {
        noClasses().that().resideInAnyPackage(WORKS, MEDIA, SEARCH).should().dependOnClassesThat()
                .resideInAPackage(CITY_PAGES)
                .because("city pages show works and media; events and projects join them through HighlightSource")
                .check(contexts);
    }

    @Test
    void nobodyBuildsOnTheNotificationCentre() {
        noClasses().that().resideOutsideOfPackage(NOTIFICATIONS).should().dependOnClassesThat()
                .resideInAPackage(NOTIFICATIONS)
                .because("the notification centre listens to the other contexts' events; none of them knows it")
                .check(contexts);
    }

    @Test
    void eventsBuildOnTheCoreAlone() {
        noClasses().that().resideInAPackage(EVENTS).should().dependOnClassesThat()
                .resideInAnyPackage(WORKS, MEDIA, SEARCH)
                .because("events use the core's cities, fields, memberships and renderer, and no other context")
                .check(contexts);
        noClasses().that().resideInAnyPackage(WORKS, MEDIA, SEARCH).should().dependOnClassesThat()
                .resideInAPackage(EVENTS).because("no other context knows events").check(contexts);
        noClasses().that().resideInAPackage(NOTIFICATIONS).should().dependOnClassesThat(
                        DescribedPredicate.describe("events' classes other than the StartingSoon event",
                                (JavaClass c) -> c.getPackageName().startsWith("org.creativecities.events")
                                        && !c.getName().equals("org.creativecities.events.app.StartingSoon")))
                .because("the notification centre hears of events only through the CDI event events publish")
                .check(contexts);
    }

    @Test
    void projectsBuildOnTheCoreAlone() {
        noClasses().that().resideInAPackage(PROJECTS).should().dependOnClassesThat()
                .resideInAnyPackage(WORKS, MEDIA, SEARCH, EVENTS, CITY_PAGES, NOTIFICATIONS)
                .because("projects use the core's cities, fields, memberships and expertise directory alone")
                .check(contexts);
        noClasses().that().resideOutsideOfPackage(PROJECTS).should().dependOnClassesThat(
                        DescribedPredicate.describe("projects' classes other than the ProjectActivity event",
                                (JavaClass c) -> c.getPackageName().startsWith("org.creativecities.projects")
                                        && !c.getName().equals("org.creativecities.projects.app.ProjectActivity")))
                .because("no other context knows projects; the notification centre hears of their join requests "
                        + "and invitations through the CDI event projects publish").check(contexts);
        noClasses().that().resideOutsideOfPackage(PROJECTS).and().resideOutsideOfPackage(NOTIFICATIONS)
                .should().dependOnClassesThat().resideInAPackage(PROJECTS)
                .because("only the notification centre hears of projects").check(contexts);
    }

    @Test
    void contextsAreFreeOfCycles() {
        slices().matching("org.creativecities.(*)..").should().beFreeOfCycles().check(contexts);
    }

    @Test
    void contextsNeverUseTheCoresRepositories() {
        noClasses().should().dependOnClassesThat().haveNameMatching("org\\.creativecities\\.core\\..*\\.Jpa.*")
                .because("a context reads the core through its services, never its persistence")
                .check(contexts);
    }

    @Test
    void contextServicesNeverUseJaxRs() {
        noClasses().that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Repository")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..")
                .because("HTTP is the web layer's business, in the contexts as in the core")
                .check(contexts);
    }
}
