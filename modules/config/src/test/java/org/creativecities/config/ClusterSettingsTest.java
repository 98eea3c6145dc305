package org.creativecities.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterSettingsTest {

    private static ResolvedConfig resolve(Map<String, String> overrides) {
        Map<String, String> f = ConfigResolverTest.validFile();
        if (!"none".equals(overrides.getOrDefault("ccc.cluster.mode", "none"))) {
            f.put("ccc.db.url", "jdbc:postgresql://127.0.0.1:5432/ccc");
        }
        f.putAll(overrides);
        return ConfigResolver.builder().systemProperties(ConfigResolverTest.home()).environment(Map.of())
                .file(f, "file test.properties").build().resolve();
    }

    private static ClusterSettings settings(Map<String, String> overrides) {
        return ClusterSettings.of(resolve(overrides));
    }

    @Test
    void noneKeepsOneNodeWithoutHazelcast() {
        ClusterSettings s = settings(Map.of());
        assertEquals(List.of("--nohazelcast"), s.payaraArguments());
        assertTrue(s.systemProperties().isEmpty());
    }

    @Test
    void tcpipListsTheMembersAndBindsTheInterfaceOnly() {
        ClusterSettings s = settings(Map.of("ccc.cluster.mode", "TCPIP", "ccc.cluster.name", "ccc-test-1",
                "ccc.cluster.members", "127.0.0.1:7900, 127.0.0.1:7901,127.0.0.1:7902",
                "ccc.cluster.interfaces", "127.0.0.1", "ccc.cluster.start-port", "7900"));
        assertEquals(List.of("--clusterName", "ccc-test-1", "--clusterMode",
                "tcpip:127.0.0.1:7900,127.0.0.1:7901,127.0.0.1:7902", "--interfaces", "127.0.0.1",
                "--startPort", "7900"), s.payaraArguments());
        assertEquals(Map.of("hazelcast.socket.bind.any", "false", "hazelcast.phone.home.enabled", "false"),
                s.systemProperties());
    }

    @Test
    void dnsAndKubernetesArePassedThrough() {
        assertEquals(List.of("--clusterName", "ccc", "--clusterMode", "dns:ccc-nodes.commons.svc:6900",
                "--startPort", "6900"), settings(Map.of("ccc.cluster.mode", "dns",
                "ccc.cluster.members", "ccc-nodes.commons.svc:6900")).payaraArguments());
        ClusterSettings k8s = settings(Map.of("ccc.cluster.mode", "kubernetes",
                "ccc.cluster.kubernetes-service", "commons/ccc-hazelcast"));
        assertEquals(List.of("--clusterName", "ccc", "--clusterMode", "kubernetes:commons,ccc-hazelcast",
                "--startPort", "6900"), k8s.payaraArguments());
        assertEquals(Map.of("hazelcast.phone.home.enabled", "false"), k8s.systemProperties(),
                "no interface named: Hazelcast binds as it chooses");
    }

    @Test
    void badValuesAreNamed() {
        ConfigException e = assertThrows(ConfigException.class, () -> resolve(Map.of("ccc.cluster.mode", "multicast",
                "ccc.cluster.name", "-x", "ccc.cluster.members", "127.0.0.1:7900,127.0.0.1",
                "ccc.cluster.interfaces", "localhost", "ccc.cluster.kubernetes-service", "Commons")));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("ccc.cluster.mode: 'multicast' is not one of none, tcpip, dns, kubernetes"), all);
        assertTrue(all.contains("ccc.cluster.name: '-x' is not a cluster name"), all);
        assertTrue(all.contains("ccc.cluster.members: '127.0.0.1:7900,127.0.0.1' is not a list of host:port: "
                + "'127.0.0.1' has no port"), all);
        assertTrue(all.contains("ccc.cluster.interfaces: 'localhost' is not a list of IP addresses"), all);
        assertTrue(all.contains("ccc.cluster.kubernetes-service: 'Commons' is not namespace/service"), all);
    }

    @Test
    void aClusterNeedsPostgresql() {
        ConfigException e = assertThrows(ConfigException.class, () -> settings(Map.of("ccc.cluster.mode", "tcpip",
                "ccc.cluster.members", "10.0.0.1:6900", "ccc.db.url", "jdbc:h2:mem:x")));
        assertEquals(List.of("ccc.db.url: ccc.cluster.mode=tcpip needs a database all nodes share: "
                + "jdbc:postgresql://host[:port]/database"), e.problems());
    }

    @Test
    void aModeWithoutWhatItNeedsIsRefused() {
        ConfigException tcpip = assertThrows(ConfigException.class,
                () -> settings(Map.of("ccc.cluster.mode", "tcpip")));
        assertEquals(List.of("ccc.cluster.members: has no value, and ccc.cluster.mode=tcpip needs the members as "
                + "host:port,host:port (this node may be one of them)"), tcpip.problems());
        ConfigException k8s = assertThrows(ConfigException.class,
                () -> settings(Map.of("ccc.cluster.mode", "kubernetes", "ccc.cluster.start-port", "8080")));
        assertEquals(2, k8s.problems().size(), k8s.problems().toString());
        assertTrue(k8s.problems().get(1).startsWith("ccc.cluster.start-port: '8080' is also ccc.http.port"),
                k8s.problems().toString());
    }
}
