package io.sygnify.server.cluster;

import io.sygnify.server.config.InstanceIdentity;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Behind a load balancer, {@code X-Sygnify-Instance} tells operators (and tests) which instance answered. */
@Component
@ConditionalOnProperty(name = "sygnify.cluster.enabled", havingValue = "true")
class InstanceHeader implements WebFilter {

    private final String instanceId;

    InstanceHeader(InstanceIdentity identity) {
        this.instanceId = identity.id();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().getHeaders().set("X-Sygnify-Instance", instanceId);
        return chain.filter(exchange);
    }
}
