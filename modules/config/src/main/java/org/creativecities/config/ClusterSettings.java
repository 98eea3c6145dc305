package org.creativecities.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How this node joins the others ({@code ccc.cluster.*}), checked across keys and turned into Payara Micro's
 * clustering options. The nodes join through Payara Micro's own clustering (Hazelcast, built in):
 *
 * <ul>
 *   <li>{@code none} (the default): one node; Payara starts no Hazelcast member at all ({@code --nohazelcast}).</li>
 *   <li>{@code tcpip}: the members are listed ({@code host:port,...}); {@code --clusterMode tcpip:...}.</li>
 *   <li>{@code dns}: the members are DNS names that resolve to the nodes ({@code name:port,...}), for example a
 *       Kubernetes headless service; {@code --clusterMode dns:...}.</li>
 *   <li>{@code kubernetes}: Hazelcast asks the Kubernetes API for the pods of a service
 *       ({@code namespace/service}); {@code --clusterMode kubernetes:namespace,service}.</li>
 * </ul>
 *
 * Every clustered mode also gets the cluster name, the start port (the first port Hazelcast tries, counting up) and,
 * if set, the interfaces Hazelcast binds to, then only those ({@code -Dhazelcast.socket.bind.any=false}).
 *
 * @param mode              none, tcpip, dns or kubernetes
 * @param name              the cluster's name: nodes with another name never join this one
 * @param members           host:port of the members (tcpip, dns); empty otherwise
 * @param interfaces        the IP addresses Hazelcast binds to; empty = every interface
 * @param startPort         the first port Hazelcast tries
 * @param kubernetesService {@code namespace/service} (kubernetes); empty otherwise
 */
public record ClusterSettings(String mode, String name, List<String> members, List<String> interfaces,
                              int startPort, String kubernetesService) {

    /** The default: one node, no Hazelcast. */
    public static final String NONE = "none";

    private static final Pattern NAME_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252}[A-Za-z0-9])?");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    /** A cluster name: a letter or digit, then up to 63 letters, digits, dots, dashes or underscores. */
    public static final ValueType<String> CLUSTER_NAME = ValueType.of("cluster-name", String.class, raw -> {
        if (!NAME_PATTERN.matcher(raw).matches()) {
            throw new ValueType.Invalid("is not a cluster name (letters, digits, '.', '-' and '_', at most 64, "
                    + "starting with a letter or digit)");
        }
        return raw;
    }, v -> v);

    /** A comma-separated list of {@code host:port} (host names or IPv4 addresses), possibly empty. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final ValueType<List<String>> HOST_PORTS = ValueType.mayBeEmpty("host-ports", (Class) List.class,
            ClusterSettings::parseHostPorts, list -> String.join(",", list));

    /** {@code namespace/service} of Kubernetes (two DNS labels), possibly empty. */
    public static final ValueType<String> KUBERNETES_SERVICE = ValueType.mayBeEmpty("kubernetes-service",
            String.class, raw -> {
                String[] parts = raw.split("/", -1);
                if (!raw.isEmpty() && (parts.length != 2 || !DNS_LABEL.matcher(parts[0]).matches()
                        || !DNS_LABEL.matcher(parts[1]).matches())) {
                    throw new ValueType.Invalid("is not namespace/service (two lower-case DNS labels, "
                            + "e.g. commons/ccc-hazelcast)");
                }
                return raw;
            }, v -> v);

    public ClusterSettings {
        members = List.copyOf(members);
        interfaces = List.copyOf(interfaces);
    }

    /**
     * The cluster settings of a resolved configuration, checked across keys.
     *
     * @throws ConfigException naming every key whose value does not fit the mode
     */
    public static ClusterSettings of(ResolvedConfig config) {
        ClusterSettings s = new ClusterSettings(config.getString(ConfigKey.CLUSTER_MODE),
                config.getString(ConfigKey.CLUSTER_NAME), config.getList(ConfigKey.CLUSTER_MEMBERS),
                config.getList(ConfigKey.CLUSTER_INTERFACES), config.getInt(ConfigKey.CLUSTER_START_PORT),
                config.getString(ConfigKey.CLUSTER_KUBERNETES_SERVICE));
        List<String> problems = new ArrayList<>();
        String members = ConfigKey.CLUSTER_MEMBERS.key();
        if (("tcpip".equals(s.mode) || "dns".equals(s.mode)) && s.members.isEmpty()) {
            problems.add(members + ": has no value, and " + ConfigKey.CLUSTER_MODE.key() + "=" + s.mode
                    + " needs the members as host:port,host:port (this node may be one of them)");
        }
        if ("kubernetes".equals(s.mode) && s.kubernetesService.isEmpty()) {
            problems.add(ConfigKey.CLUSTER_KUBERNETES_SERVICE.key() + ": has no value, and "
                    + ConfigKey.CLUSTER_MODE.key() + "=kubernetes needs the namespace/service whose pods are the nodes");
        }
        if (s.clustered() && s.startPort == config.getInt(ConfigKey.HTTP_PORT)) {
            problems.add(ConfigKey.CLUSTER_START_PORT.key() + ": '" + s.startPort + "' is also "
                    + ConfigKey.HTTP_PORT.key() + "; the cluster's port must be another");
        }
        boolean shared = DatabaseKind.of(config.getString(ConfigKey.DB_URL)).orElse(null) == DatabaseKind.POSTGRESQL;
        if (s.clustered() && !shared) {
            problems.add(ConfigKey.DB_URL.key() + ": " + ConfigKey.CLUSTER_MODE.key() + "=" + s.mode
                    + " needs a database all nodes share: jdbc:postgresql://host[:port]/database");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return s;
    }

    /** Whether this node joins others (any mode but {@code none}). */
    public boolean clustered() {
        return !NONE.equals(mode);
    }

    /** Payara Micro's clustering options for these settings: {@code --nohazelcast}, or the cluster's options. */
    public List<String> payaraArguments() {
        if (!clustered()) {
            return List.of("--nohazelcast");
        }
        List<String> args = new ArrayList<>(List.of("--clusterName", name, "--clusterMode", clusterMode()));
        if (!interfaces.isEmpty()) {
            args.add("--interfaces");
            args.add(String.join(",", interfaces));
        }
        args.add("--startPort");
        args.add(String.valueOf(startPort));
        return List.copyOf(args);
    }

    /**
     * The system properties Hazelcast reads: bound to the interfaces only when some are named, and never sending
     * Hazelcast's usage report out. Empty for {@code none}.
     */
    public Map<String, String> systemProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        if (clustered()) {
            if (!interfaces.isEmpty()) {
                props.put("hazelcast.socket.bind.any", "false");
            }
            props.put("hazelcast.phone.home.enabled", "false");
        }
        return props;
    }

    private String clusterMode() {
        return switch (mode) {
            case "tcpip" -> "tcpip:" + String.join(",", members);
            case "dns" -> "dns:" + String.join(",", members);
            case "kubernetes" -> "kubernetes:" + kubernetesService.replace('/', ',');
            default -> throw new IllegalStateException("no cluster mode " + mode);
        };
    }

    private static List<String> parseHostPorts(String raw) {
        if (raw.isBlank()) {
            return List.of();
        }
        List<String> list = new ArrayList<>();
        for (String part : raw.split(",", -1)) {
            String item = part.trim();
            int colon = item.lastIndexOf(':');
            String expected = " (expected host:port,host:port, e.g. 10.0.0.1:6900,10.0.0.2:6900)";
            if (colon < 0) {
                throw new ValueType.Invalid("is not a list of host:port: '" + item + "' has no port" + expected);
            }
            if (!HOST.matcher(item.substring(0, colon)).matches()) {
                throw new ValueType.Invalid("is not a list of host:port: '" + item + "' has no host" + expected);
            }
            try {
                ValueType.PORT.parse(item.substring(colon + 1));
            } catch (ValueType.Invalid e) {
                throw new ValueType.Invalid("is not a list of host:port: '" + item + "' has no port (1-65535)"
                        + expected);
            }
            list.add(item);
        }
        return List.copyOf(list);
    }
}
