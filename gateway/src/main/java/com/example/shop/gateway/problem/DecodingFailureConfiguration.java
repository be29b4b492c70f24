package com.example.shop.gateway.problem;

import io.netty.channel.ChannelPipeline;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;
import reactor.netty.NettyPipeline;

/**
 * Puts {@link DecodingFailureProblems} into every HTTP/1.1 connection of the gateway's Netty server, just before
 * Reactor Netty's traffic handler, so that what the HTTP codec refuses is answered with a problem too. The limits
 * are read from the same properties that configure the codec, so the detail names the limit that applied.
 */
@Configuration(proxyBeanMethods = false)
class DecodingFailureConfiguration {

    @Bean
    NettyServerCustomizer decodingFailuresAsProblems(
            @Value("${server.netty.max-initial-line-length:4KB}") DataSize maxInitialLineLength,
            @Value("${server.max-http-request-header-size:8KB}") DataSize maxHeaderSize) {
        int lineLimit = (int) maxInitialLineLength.toBytes();
        int headerLimit = (int) maxHeaderSize.toBytes();
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            // Only HTTP/1.1 connections have the traffic handler; the gateway serves nothing else.
            if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null) {
                pipeline.addBefore(NettyPipeline.HttpTrafficHandler, DecodingFailureProblems.NAME,
                        new DecodingFailureProblems(lineLimit, headerLimit));
            }
        });
    }
}
