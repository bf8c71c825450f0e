package io.sygnify.server.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;
import reactor.netty.http.HttpResources;

/**
 * The server runs on Reactor Netty's shared event loops, but no application context may stop them.
 *
 * <p>Why: by default Spring stops the JVM-wide loops whenever any application context closes. The tests run many
 * servers in one JVM and close some (restarts, shutdown, the context cache's evictions); each close silently
 * killed the others' loops, whose requests then hung. Handing the factory the shared loops as externally managed
 * keeps them running for everyone; the JVM's exit ends them. One server per JVM in production never noticed,
 * but nothing should depend on that. Loops of its own per context would do too; the shared ones keep the threads
 * the benchmarks measured ({@code reactor-http-epoll-N}).
 */
@Configuration(proxyBeanMethods = false)
class NettyLoopsConfig {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory factory = new ReactorResourceFactory();
        factory.setUseGlobalResources(false);
        factory.setLoopResources(HttpResources.get());
        return factory;
    }
}
