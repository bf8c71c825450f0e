package io.sygnify.server.config;

import java.net.InetAddress;
import java.time.Instant;
import java.util.UUID;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** This instance's name in the cluster (and in the monitor): configured, else host name and port. */
@Component
public class InstanceIdentity {

    private final String id;
    private final Instant startedAt = Instant.now();

    InstanceIdentity(ClusterProperties properties, Environment environment) {
        if (properties.instanceId() != null && !properties.instanceId().isBlank()) {
            this.id = properties.instanceId().strip();
        } else {
            String port = environment.getProperty("server.port", "8000");
            // A random port (0) says nothing; a short random suffix keeps two such instances apart.
            String suffix = "0".equals(port) ? UUID.randomUUID().toString().substring(0, 8) : port;
            this.id = hostName() + ":" + suffix;
        }
    }

    public String id() {
        return id;
    }

    public Instant startedAt() {
        return startedAt;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
