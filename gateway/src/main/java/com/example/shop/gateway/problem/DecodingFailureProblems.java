package com.example.shop.gateway.problem;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import reactor.netty.channel.ChannelOperations;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the bare refusals of Reactor Netty's HTTP codec into problem+json. When a request cannot be decoded (request
 * line or headers too long, characters HTTP does not allow, a broken Content-Length or chunked framing, a target
 * that is not a URI) Reactor Netty answers 400, 414 or 431 itself, with no body, before any Spring handler runs; a
 * client that reads problem details would get nothing to read.
 *
 * <p>Sits in the pipeline between the codec and Reactor Netty's {@code HttpTrafficHandler}: it sees each decoded
 * message on its way in (to remember a decoding failure, or a target that Spring will refuse for not being a URI) and
 * each response on its way out. Only an empty-bodied 4xx
 * without a Content-Type that answers a decoding failure is replaced, by the same status with a problem body and the
 * same headers ({@code Connection: close} included, so the connection still ends after it). Every answer a Spring
 * handler writes passes untouched.
 */
final class DecodingFailureProblems extends ChannelDuplexHandler {

    /** The handler's name in the channel pipeline. */
    static final String NAME = "shop.decodingFailureProblems";

    private static final JsonMapper JSON = JsonMapper.shared();

    /**
     * Reactor Netty's request object for a request that could not be decoded (a target that is not a URI, for
     * instance, fails only when Reactor Netty parses it, after the codec said the request was fine). Package-private
     * in Reactor Netty, hence the name; GatewayBadInputIntegrationTests notices if it is ever renamed.
     */
    private static final String FAILED_REQUEST_OPERATIONS = "FailedHttpServerRequest";

    private final int maxInitialLineLength;
    private final int maxHeaderSize;

    /** The decoding failure of the request being answered on this connection, if it had one. */
    private Throwable failure;

    DecodingFailureProblems(int maxInitialLineLength, int maxHeaderSize) {
        this.maxInitialLineLength = maxInitialLineLength;
        this.maxHeaderSize = maxHeaderSize;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            failure = request.decoderResult().isSuccess() ? targetFailure(request.uri()) : null;
        }
        if (msg instanceof DecoderResultProvider provider && provider.decoderResult().isFailure()) {
            failure = provider.decoderResult().cause();
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        if (msg instanceof FullHttpResponse response && isBareRefusal(response)
                && (failure != null || answersFailedRequest(ctx.channel()))) {
            FullHttpResponse problem = problemFor(response, ctx);
            response.release();
            ctx.write(problem, promise);
            return;
        }
        super.write(ctx, msg, promise);
    }

    /**
     * Spring's {@code ReactorHttpHandlerAdapter} answers a target that {@link URI} cannot parse (a raw non-ASCII
     * character, a backslash, a malformed %-escape) with an empty 400 and never calls the gateway: the same parse
     * here tells that answer apart from the handler's own.
     */
    private static Throwable targetFailure(String target) {
        try {
            new URI(target.startsWith("/") ? "http://gateway" + target : target);
            return null;
        }
        catch (URISyntaxException ex) {
            return ex;
        }
    }

    private static boolean isBareRefusal(FullHttpResponse response) {
        int status = response.status().code();
        return status >= 400 && status < 500 && !response.content().isReadable()
                && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE);
    }

    private static boolean answersFailedRequest(Channel channel) {
        ChannelOperations<?, ?> operations = ChannelOperations.get(channel);
        return operations != null && operations.getClass().getSimpleName().equals(FAILED_REQUEST_OPERATIONS);
    }

    private FullHttpResponse problemFor(FullHttpResponse refusal, ChannelHandlerContext ctx) {
        HttpStatusCode status = HttpStatusCode.valueOf(refusal.status().code());
        byte[] body = JSON.writeValueAsString(Problems.body(status, detail(failure))).getBytes(StandardCharsets.UTF_8);
        ByteBuf content = ctx.alloc().buffer(body.length).writeBytes(body);
        var problem = new DefaultFullHttpResponse(refusal.protocolVersion(), refusal.status(), content);
        problem.headers().set(refusal.headers());
        problem.headers().set(HttpHeaderNames.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        problem.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return problem;
    }

    /**
     * What was refused, in words a client can act on. Never the codec's own message: it quotes the request, and
     * the request is what could not be trusted.
     */
    String detail(Throwable cause) {
        if (cause instanceof TooLongHttpLineException) {
            return "The request line is longer than " + maxInitialLineLength + " bytes.";
        }
        if (cause instanceof TooLongHttpHeaderException) {
            return "The request headers are larger than " + maxHeaderSize + " bytes.";
        }
        if (cause instanceof TooLongFrameException) {
            return "A part of the request is larger than allowed.";
        }
        String message = cause == null || cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
        if (message.contains("content-length")) {
            return "The Content-Length header must be given once, as a single non-negative number, and not together "
                    + "with Transfer-Encoding.";
        }
        if (message.contains("transfer-encoding") || message.contains("chunk")) {
            return "The chunked request body is malformed.";
        }
        if (cause instanceof URISyntaxException) {
            return "The request target is not a valid URI: raw spaces, backslashes, non-ASCII characters and "
                    + "malformed %-escapes must not appear in it.";
        }
        if (message.contains("header")) {
            return "A header name or value holds characters that HTTP does not allow.";
        }
        if (cause == null) {
            return "The request line could not be read: its method, target or HTTP version is not valid.";
        }
        return "The request is not valid HTTP/1.1.";
    }
}
