package io.sygnify.server.config;

import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelOption;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server's connections allocate from Netty's pooled allocator (4.1's default) rather than 4.2's adaptive one.
 *
 * <p>Why: under load, uploads failed now and then with {@code IllegalReferenceCountException} inside Spring's
 * multipart parser — a request body buffer already released as the parser handed it on (twice in about twenty
 * benchmark runs, never in a test). Nothing of ours touches those buffers, and the adaptive allocator has a record
 * of reference-counting fixes (netty#14322, #14391, #16306), so this is a mitigation until it can be reproduced;
 * see docs/architecture.md.
 */
@Configuration(proxyBeanMethods = false)
class NettyAllocatorConfig {

    @Bean
    NettyServerCustomizer pooledBufferAllocator() {
        return server -> server.option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT);
    }
}
