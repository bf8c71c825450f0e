package io.sygnify.server.config;

import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server's connections allocate from Netty's pooled allocator (4.1's default) rather than 4.2's adaptive one.
 *
 * <p>Why: first a mitigation for request buffers found already released inside Spring's multipart reader (which
 * uploads no longer use: see jobs/UploadSpool); it stays because at 10,000 WebSocket connections it holds about
 * 100 MiB less RSS than the adaptive allocator (docs/architecture.md).
 */
@Configuration(proxyBeanMethods = false)
class NettyAllocatorConfig {

    @Bean
    NettyServerCustomizer pooledBufferAllocator() {
        return server -> server.option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT);
    }
}
