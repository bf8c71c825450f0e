package io.sygnify.server.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.resources.LoopResources;

/**
 * The server's event loops belong to this application context, not to Reactor Netty's JVM-wide defaults.
 *
 * <p>Why: with the global defaults, closing any application context stops the event loops of every server in
 * the JVM. The tests run many servers in one JVM and close some (restarts, shutdown, the context cache's
 * evictions); each close silently killed the others, whose requests then hung. One server per JVM in production
 * never noticed, but nothing should depend on that. Thread names stay {@code reactor-http-epoll-N}, which the
 * benchmarks and diagnostics group by.
 */
@Configuration(proxyBeanMethods = false)
class NettyLoopsConfig {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        factory.setLoopResourcesSupplier(() -> LoopResources.create("reactor-http"));
        return factory;
    }
}
