package org.creativecities.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries, proven on the compiled classes of every module of the build: the plugin API
 * depends on nothing of ours, the core never imports a plugin, plugins use only the plugin API; inside the core,
 * which context may use which (and so no cycles), no JAX-RS in services and repositories, and the
 * EntityManager only in repositories and a few named read models. The contexts beside the core (works, media,
 * search) are held by {@link ContextModulesTest}.
 */
class ArchitectureTest {

    private static final String[] PLATFORM_PACKAGES = {"java..", "javax..", "jakarta..", "org.pf4j..",
        "org.slf4j.."};

    private static final String PLUGIN_PACKAGE = "org.creativecities.core.plugin";

    /** The plugin API's interfaces that plugins implement, whose methods run plugin code. */
    private static final String EXTENSION_POINTS = "org\\.creativecities\\.plugin\\.api\\."
            + "(CommonsModule|http\\.HttpHandler|hook\\.JoinHook|hook\\.MessageHook|hook\\.EventListener"
            + "|room\\.RoomKind|timer\\.DurableTimerHandler)";

    private static JavaClasses core;
    private static JavaClasses pluginApi;
    private static JavaClasses plugins;

    @BeforeAll
    static void importClasses() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent().getParent();
        core = importFrom(List.of(root.resolve("modules/core/target/classes")));
        pluginApi = importFrom(List.of(root.resolve("modules/plugin-api/target/classes")));
        List<Path> pluginDirs = new ArrayList<>();
        pluginDirs.addAll(classDirsUnder(root.resolve("plugins")));
        pluginDirs.addAll(classDirsUnder(root.resolve("modules/test-plugins")));
        plugins = importFrom(pluginDirs);
        assertFalse(core.isEmpty(), "core classes must be built before this test runs");
        assertFalse(pluginApi.isEmpty(), "plugin-api classes must be built before this test runs");
    }

    private static List<Path> classDirsUnder(Path parent) throws IOException {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(parent)) {
            return children.map(p -> p.resolve("target/classes")).filter(Files::isDirectory).toList();
        }
    }

    private static JavaClasses importFrom(List<Path> dirs) {
        return new ClassFileImporter().importPaths(dirs);
    }

    @Test
    void pluginApiDependsOnNothingOfOurs() {
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage(concat(PLATFORM_PACKAGES, "org.creativecities.plugin.api.."))
                .because("plugin-api is the stable contract and must not drag the core into plugins")
                .check(pluginApi);
    }

    @Test
    void coreNeverImportsAPlugin() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.creativecities.plugins..", "org.creativecities.testplugins..")
                .because("plugins are loaded at run time; the core knows them only through the plugin API")
                .check(core);
    }

    @Test
    void pluginsUseOnlyThePluginApi() {
        if (plugins.isEmpty()) {
            return;
        }
        assertTrue(plugins.stream().noneMatch(c -> c.getPackageName().startsWith("org.creativecities.core")),
                "plugin class folders must hold plugin classes only");
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage(concat(PLATFORM_PACKAGES, "org.creativecities.plugin.api..",
                        "org.creativecities.plugins..", "org.creativecities.testplugins.."))
                .because("plugins compile against plugin-api only, never the core")
                .check(plugins);
    }

    @Test
    void coreContextsAreFreeOfCycles() {
        slices().matching("org.creativecities.core.(*)..").should().beFreeOfCycles().check(core);
    }

    /**
     * The core's contexts, each allowed to use only those below it: platform (configuration, web plumbing,
     * persistence set-up) under identity, then cities, membership, spaces, live rooms and plugins; the activity
     * feed reads the platform only; the OpenAPI document describes everyone and nobody uses it; the crawler files
     * (site) use the platform and identity, and nobody uses them.
     */
    @Test
    void coreContextsUseOnlyTheContextsBelowThem() {
        String ctx = "org.creativecities.core.";
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("platform").definedBy(ctx + "platform..")
                .layer("identity").definedBy(ctx + "identity..")
                .layer("city").definedBy(ctx + "city..")
                .layer("membership").definedBy(ctx + "membership..")
                .layer("space").definedBy(ctx + "space..")
                .layer("live").definedBy(ctx + "live..")
                .layer("plugin").definedBy(ctx + "plugin..")
                .layer("activity").definedBy(ctx + "activity..")
                .layer("openapi").definedBy(ctx + "openapi..")
                .layer("site").definedBy(ctx + "site..")
                .whereLayer("platform").mayNotAccessAnyLayer()
                .whereLayer("identity").mayOnlyAccessLayers("platform")
                .whereLayer("city").mayOnlyAccessLayers("platform", "identity")
                .whereLayer("membership").mayOnlyAccessLayers("platform", "identity", "city")
                .whereLayer("space").mayOnlyAccessLayers("platform", "identity", "city", "membership")
                .whereLayer("live").mayOnlyAccessLayers("platform", "identity", "city", "membership", "space")
                .whereLayer("plugin").mayOnlyAccessLayers("platform", "identity", "city", "membership", "space",
                        "live")
                .whereLayer("activity").mayOnlyAccessLayers("platform")
                .whereLayer("openapi").mayNotBeAccessedByAnyLayer()
                .whereLayer("site").mayOnlyAccessLayers("platform", "identity")
                .whereLayer("site").mayNotBeAccessedByAnyLayer()
                .because("a context may use the ones it builds on, never the ones built on it")
                .check(core);
    }

    /**
     * The cluster is one seam ({@code core.platform.cluster}): the rest of the core uses its {@code Cluster} and
     * never Hazelcast, so that one node runs without it and the cluster's technology stays in one package.
     */
    @Test
    void onlyTheClusterSeamUsesHazelcast() {
        noClasses().that().resideOutsideOfPackage("org.creativecities.core.platform.cluster..")
                .should().dependOnClassesThat().resideInAnyPackage("com.hazelcast..", "fish.payara..")
                .because("nodes meet through core.platform.cluster only; a single node has no Hazelcast")
                .check(core);
    }

    @Test
    void servicesAndRepositoriesNeverUseJaxRs() {
        noClasses().that().haveSimpleNameEndingWith("Service").or().haveSimpleNameEndingWith("Repository")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..")
                .because("HTTP is the web layer's business: services and repositories are called from WebSocket "
                        + "frames, plugins and start-up as well")
                .check(core);
    }

    @Test
    void onlyRepositoriesAndNamedReadModelsUseTheEntityManager() {
        noClasses().that().haveSimpleNameNotStartingWith("Jpa")
                .and().doNotHaveSimpleName("CitySeedImporter").and().doNotHaveSimpleName("ActivityFeed")
                .and().doNotHaveSimpleName("PluginStates").and().doNotHaveSimpleName("PluginDataStore")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .because("persistence goes through the contexts' repositories (and the few read models named here); "
                        + "plugins get storage services, never the EntityManager")
                .check(core);
    }

    @Test
    void resourcesDoNotReachIntoPersistence() {
        noClasses().that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().haveFullyQualifiedName("jakarta.persistence.EntityManager")
                .because("resources stay thin: services and repositories own the persistence")
                .check(core);
    }

    /**
     * The plugin host's parts: the registry is what the rest of the core reads and never drives the lifecycle;
     * only the installer and the activator start or stop plugin code (through the launcher), and the sync, which
     * carries out here what administrators did on another node; only they and the registry touch the PF4J manager;
     * and only the admin resource calls the installer and the activator.
     */
    @Test
    void pluginRegistryOnlyReads() {
        noClasses().that().haveNameMatching(plugin("PluginRegistry"))
                .should().dependOnClassesThat()
                .haveNameMatching(plugin("PluginInstaller|PluginActivator|PluginLauncher"))
                .because("the registry is what is installed and running; the installer and the activator change it")
                .check(core);
    }

    @Test
    void onlyTheInstallerAndTheActivatorStartPluginCode() {
        classes().that().haveNameMatching(plugin("PluginLauncher"))
                .should().onlyHaveDependentClassesThat()
                .haveNameMatching(plugin("PluginLauncher|PluginInstaller|PluginActivator|PluginSync"))
                .because("starting and stopping a plugin's code happens under the lifecycle lock, where administrators' "
                        + "changes are carried out (on this node, or on another one: the sync)")
                .check(core);
    }

    @Test
    void onlyTheHostsPartsTouchThePf4jManager() {
        classes().that().haveNameMatching(plugin("HostPluginManager"))
                .should().onlyHaveDependentClassesThat()
                .haveNameMatching(plugin("HostPluginManager|PluginRegistry|PluginBootLoader|PluginInstaller"
                        + "|PluginActivator|PluginLauncher|PluginSync"))
                .because("PF4J's manager is the host's; everyone else reads the registry")
                .check(core);
    }

    @Test
    void onlyTheAdminResourceChangesPlugins() {
        classes().that().haveNameMatching(plugin("PluginInstaller|PluginActivator"))
                .should().onlyHaveDependentClassesThat()
                .haveNameMatching(plugin("PluginInstaller|PluginActivator|PluginAdminResource"))
                .because("plugins are installed and switched on and off by administrators (and the supervisor), "
                        + "never as a side effect of a request")
                .check(core);
    }

    /**
     * Plugin code is called in three places only: the launcher (PF4J's start, the module's {@code info}, {@code start}
     * and {@code stop}, reading its contributions), the {@code SupervisedPlugin} that wraps the contributions
     * once per start, and the timers (API 1.3: {@code PluginTimerService} hands each firing to the supervisor, and
     * {@code DurableTimerDelivery} calls the durable handler inside that call). All go through the supervisor, so no
     * other class can skip its time limit, failure count or class-loader switch.
     */
    @Test
    void pluginCodeIsCalledOnlyThroughTheSupervisedWrapper() {
        noClasses().that().haveNameNotMatching(plugin("PluginLauncher|SupervisedPlugin|DurableTimerDelivery"))
                .should().callMethodWhere(DescribedPredicate.describe("the target is a plugin extension point",
                        (JavaMethodCall call) -> call.getTargetOwner().getName().matches(EXTENSION_POINTS)))
                .because("a plugin's code runs under the supervisor, wrapped once when the plugin starts")
                .check(core);
    }

    @Test
    void onlyTheLauncherAndTheWrapperUseTheSupervisorsCalls() {
        noClasses().that().haveNameNotMatching(plugin("PluginLauncher|SupervisedPlugin|PluginSupervisor"
                        + "|PluginTimerService"))
                .should().callMethodWhere(DescribedPredicate.describe("the target is the supervisor's calls",
                        (JavaMethodCall call) -> call.getName().matches("call|callAsync")
                                && call.getTargetOwner().getName().equals(PLUGIN_PACKAGE + ".PluginSupervisor")))
                .because("callers call the SupervisedPlugin, which applies the supervisor")
                .check(core);
    }

    /** A regular expression for the named classes of the core's plugin package and their nested classes. */
    private static String plugin(String simpleNames) {
        return "org\\.creativecities\\.core\\.plugin\\.(" + simpleNames + ")(\\$.*)?";
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
